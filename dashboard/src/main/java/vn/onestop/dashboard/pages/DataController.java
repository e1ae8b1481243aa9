package vn.onestop.dashboard.pages;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Optional;
import vn.onestop.dashboard.auth.AccessControl;
import vn.onestop.dashboard.auth.AuditLog;
import vn.onestop.dashboard.auth.Role;
import vn.onestop.dashboard.auth.User;
import vn.onestop.dashboard.published.Page;
import vn.onestop.dashboard.published.PublishedResults;
import vn.onestop.dashboard.published.RunCatalogue;
import vn.onestop.dashboard.published.RunHistory;
import vn.onestop.dashboard.published.RunHistory.InputCount;
import vn.onestop.dashboard.published.RunHistory.QuarantinedRow;
import vn.onestop.dashboard.published.RunInfo;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Labels;
import vn.onestop.dashboard.text.Language;

/**
 * Dữ liệu: the runs, the input balance of a run (read = accepted + quarantined + superseded, per source and record
 * type) and its quarantined rows with their reasons. Raw quarantined values may hold personal data: only
 * administrators see them, and each viewing is audited.
 */
public final class DataController {
    private final PublishedResults results;
    private final RunHistory history;
    private final AuditLog audit;

    public DataController(PublishedResults results, RunHistory history, AuditLog audit) {
        this.results = results;
        this.history = history;
        this.audit = audit;
    }

    public record RunRow(String runId, String trigger, String triggerText, String status, String statusText,
                         String startedAt, String finishedAt, String period, String profile, String formulaVersion,
                         String message, boolean published) {
    }

    public record InputRow(String source, String recordType, long read, long accepted, long quarantined,
                           long superseded, long unaccounted, String readText, String acceptedText,
                           String quarantinedText, String supersededText, String balanceText, boolean balanced) {
    }

    public record ReasonRow(String recordType, String reason, long rows, String rowsText) {
    }

    public record DataPage(String publishedRun, String selectedRun, List<RunRow> runs, List<InputRow> inputs,
                           InputRow total, List<ReasonRow> reasons) {
    }

    public record QuarantineRow(String recordType, String location, String reason, String detail, String rawValue) {
    }

    public record QuarantinePage(String run, long total, int page, int pageSize, long pages, boolean rawShown,
                                 List<QuarantineRow> rows) {
    }

    public void page(Context ctx) {
        PageFiles.serve(ctx, "data");
    }

    public void api(Context ctx) {
        Formats f = Formats.of(ViewRequest.language(ctx));
        String published = results.current().map(RunCatalogue::runId).orElse(null);
        List<RunInfo> runs = history.recentRuns();
        String selected = selectedRun(ctx, published, runs);
        List<InputRow> inputs = selected == null ? List.of()
                : history.inputCounts(selected).stream().map(c -> inputRow(c, f)).toList();
        InputRow total = inputRow(new InputCount(Labels.get(f.language(), "data.total"), "",
                inputs.stream().mapToLong(InputRow::read).sum(), inputs.stream().mapToLong(InputRow::accepted).sum(),
                inputs.stream().mapToLong(InputRow::quarantined).sum(),
                inputs.stream().mapToLong(InputRow::superseded).sum()), f);
        List<ReasonRow> reasons = selected == null ? List.of() : history.quarantineReasons(selected).stream()
                .map(r -> new ReasonRow(r.recordType(), r.reason(), r.rows(), f.count(r.rows()))).toList();
        ctx.json(new DataPage(published, selected,
                runs.stream().map(r -> runRow(r, published, f)).toList(), inputs, total, reasons));
    }

    public void quarantine(Context ctx) {
        String published = results.current().map(RunCatalogue::runId).orElse(null);
        String selected = selectedRun(ctx, published, history.recentRuns());
        if (selected == null) {
            throw new NotFoundResponse(ViewRequest.NO_PUBLISHED_RUN);
        }
        int page = AgencyController.intParam(ctx, "page", 1);
        int size = Math.min(Page.MAX_SIZE, Math.max(1, AgencyController.intParam(ctx, "size", Page.DEFAULT_SIZE)));
        Page<QuarantinedRow> rows = history.quarantine(selected, page, size);
        User user = AccessControl.user(ctx);
        boolean raw = user.role() == Role.ADMIN;
        if (raw && !rows.rows().isEmpty()) {
            audit.record(user.username(), AuditLog.VIEW_PERSONAL,
                    "quarantine run=" + selected + " page=" + rows.page() + " rows=" + rows.rows().size());
        }
        ctx.json(new QuarantinePage(selected, rows.total(), rows.page(), rows.pageSize(), rows.pages(), raw,
                rows.rows().stream().map(q -> new QuarantineRow(q.recordType(), q.location(), q.reason(),
                        q.detail(), raw ? q.rawValue() : null)).toList()));
    }

    /** {@code ?run=} when it names a known run, else the published one, else the latest. */
    private String selectedRun(Context ctx, String published, List<RunInfo> runs) {
        String asked = ctx.queryParam("run");
        if (asked != null && !asked.isBlank()) {
            return history.run(asked.strip()).map(RunInfo::runId).orElseThrow(NotFoundResponse::new);
        }
        return Optional.ofNullable(published).or(() -> runs.stream().findFirst().map(RunInfo::runId)).orElse(null);
    }

    private static RunRow runRow(RunInfo r, String published, Formats f) {
        Language lang = f.language();
        String period = r.periodFrom() == null ? null : f.date(r.periodFrom()) + " – " + f.date(r.periodTo());
        return new RunRow(r.runId(), r.triggerKind(), Labels.getOrDefault(lang, "run.trigger." + r.triggerKind(),
                r.triggerKind()), r.status(), Labels.getOrDefault(lang, "run.status." + r.status(), r.status()),
                f.dateTime(r.startedAt()), f.dateTime(r.finishedAt()), period, r.pointsProfile(), r.formulaVersion(),
                r.message(lang == Language.VI), r.runId().equals(published));
    }

    private static InputRow inputRow(InputCount c, Formats f) {
        long off = c.unaccounted();
        return new InputRow(c.source(), c.recordType(), c.read(), c.accepted(), c.quarantined(), c.superseded(), off,
                f.count(c.read()), f.count(c.accepted()), f.count(c.quarantined()), f.count(c.superseded()),
                off == 0 ? Labels.get(f.language(), "data.balanced")
                        : Labels.format(f.language(), "data.unbalanced", f.count(off)), off == 0);
    }
}
