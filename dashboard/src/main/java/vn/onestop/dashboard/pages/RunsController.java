package vn.onestop.dashboard.pages;

import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Optional;
import vn.onestop.core.store.IllegalRunTransitionException;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.RunMessage;
import vn.onestop.core.store.RunRecord;
import vn.onestop.core.store.RunStage;
import vn.onestop.core.store.RunState;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.auth.AccessControl;
import vn.onestop.dashboard.auth.AuditLog;
import vn.onestop.dashboard.auth.Role;
import vn.onestop.dashboard.auth.User;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Labels;
import vn.onestop.dashboard.text.Language;

/**
 * Lần xử lý (runs): every run with its state, the stages and progress of the one in progress (the page polls while
 * a run is queued or running), and the cancel button for administrators; a cancel is audited.
 */
public final class RunsController {
    private static final int RECENT_RUNS = 50;

    private final Store store;
    private final AuditLog audit;

    public RunsController(Store store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    public record StageRow(String stage, String stageText, String step, long rowsDone, Long rowsTotal,
                           Integer percent, String progressText, String startedAt, String finishedAt,
                           boolean finished) {
    }

    public record RunRow(String runId, String trigger, String triggerText, String status, String statusText,
                         boolean active, boolean cancelRequested, String stage, String stageText, String startedAt,
                         String finishedAt, String heartbeatAt, String owner, String message, boolean published,
                         String prunedAt, boolean canCancel, List<StageRow> stages) {
    }

    public record RunsPage(boolean anyActive, boolean mayCancel, List<RunRow> runs) {
    }

    public record Cancelled(String runId, String status, String statusText, String message) {
    }

    public void page(Context ctx) {
        PageFiles.serve(ctx, "runs");
    }

    public void list(Context ctx) {
        Formats f = Formats.of(ViewRequest.language(ctx));
        boolean admin = AccessControl.user(ctx).role() == Role.ADMIN;
        Optional<String> current = RunLog.currentRunId(store);
        List<RunRow> runs = RunRecord.recent(store, RECENT_RUNS).stream().map(r -> row(r, current, admin, f)).toList();
        ctx.json(new RunsPage(runs.stream().anyMatch(RunRow::active), admin, runs));
    }

    public void detail(Context ctx) {
        Formats f = Formats.of(ViewRequest.language(ctx));
        RunRecord run = RunRecord.find(store, ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
        ctx.json(row(run, RunLog.currentRunId(store), AccessControl.user(ctx).role() == Role.ADMIN, f));
    }

    /** POST, administrators only, with the session's anti-forgery token (checked before this runs). */
    public void cancel(Context ctx) {
        Language lang = ViewRequest.language(ctx);
        String runId = ctx.pathParam("id");
        User user = AccessControl.user(ctx);
        RunState state;
        try {
            state = RunLog.requestCancel(store, runId);
        } catch (IllegalArgumentException unknown) {
            throw new NotFoundResponse();
        } catch (IllegalRunTransitionException ended) {
            throw new ConflictResponse(Labels.get(lang, "runs.cancel_ended"));
        }
        audit.record(user.username(), AuditLog.CANCEL_RUN, "run=" + runId);
        ctx.json(new Cancelled(runId, state.storeName(), Labels.get(lang, "run.status." + state.storeName()),
                Labels.get(lang, state == RunState.CANCELLED ? "runs.cancelled_now" : "runs.cancel_requested")));
    }

    private static RunRow row(RunRecord r, Optional<String> current, boolean admin, Formats f) {
        Language lang = f.language();
        List<StageRow> stages = r.stages().stream().map(s -> stage(s, f)).toList();
        return new RunRow(r.runId(), r.trigger(), Labels.getOrDefault(lang, "run.trigger." + r.trigger(), r.trigger()),
                r.state().storeName(), Labels.get(lang, "run.status." + r.state().storeName()), r.active(),
                r.cancelRequested() && r.active(), r.stage(), stageText(lang, r.stage()), f.dateTime(r.startedAt()),
                f.dateTime(r.finishedAt()), r.active() ? f.dateTime(r.heartbeatAt()) : null,
                r.active() ? r.owner() : null, RunMessage.pick(r.message(), r.messageVi(), lang == Language.VI),
                current.filter(r.runId()::equals).isPresent(),
                r.prunedAt() == null ? null : f.dateTime(r.prunedAt()), admin && r.active(), stages);
    }

    private static StageRow stage(RunStage s, Formats f) {
        Integer percent = s.percent().isPresent() ? s.percent().getAsInt() : null;
        String progress = s.rowsTotal() == null ? f.count(s.rowsDone())
                : f.count(s.rowsDone()) + " / " + f.count(s.rowsTotal()) + " (" + percent + " %)";
        return new StageRow(s.stage(), stageText(f.language(), s.stage()), s.step(), s.rowsDone(), s.rowsTotal(),
                percent, progress, f.dateTime(s.startedAt()), f.dateTime(s.finishedAt()), s.finished());
    }

    private static String stageText(Language lang, String stage) {
        return stage == null ? null : Labels.getOrDefault(lang, "run.stage." + stage, stage);
    }
}
