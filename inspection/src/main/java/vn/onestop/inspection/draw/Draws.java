package vn.onestop.inspection.draw;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.Store;
import vn.onestop.inspection.history.InspectionHistory;
import vn.onestop.inspection.plan.InspectionPlans;
import vn.onestop.inspection.published.PeriodRef;
import vn.onestop.inspection.published.PublishedAgency;
import vn.onestop.inspection.published.PublishedInputs;
import vn.onestop.inspection.published.Risk;
import vn.onestop.inspection.store.Db;

/**
 * Surprise draws, sealed and append-only: a draw reads the published run (risk, CONDUCT feedback, agencies) and the
 * history and plan as they stand, draws with {@link SurpriseDraw}, and stores the canonical JSON of everything with
 * its SHA-256 seal in one new row, audited with the actor's name. There is no way here to change or delete a draw:
 * drawing again makes a new record. {@link #verify} recomputes all of it.
 */
public final class Draws {
    public static final String AUDIT_ACTION = "draw";
    private static final SecureRandom SEEDS = new SecureRandom();

    private final Db db;
    private final PublishedInputs published;
    private final InspectionHistory history;
    private final InspectionPlans plans;
    private final Clock clock;

    public Draws(Store store, Clock clock, InspectionHistory history, InspectionPlans plans) {
        this.db = new Db(store);
        this.published = new PublishedInputs(store);
        this.history = history;
        this.plans = plans;
        this.clock = clock;
    }

    /**
     * What an inspector asks for: the period id (null: the run's default), quotas per kind, random share, months
     * since the last inspection that exclude, overridden exclusions (agency → reason) and the seed (null: a fresh one).
     */
    public record Request(String periodId, Map<String, Integer> quotas, int randomSharePct, int recentMonths,
                          Map<String, String> overrides, Long seed) {
    }

    /** A stored draw: its id, its canonical JSON, its seal and the record the JSON holds (null if unreadable). */
    public record SealedDraw(long id, String json, String seal, DrawRecord record) {
    }

    /** One line of the draw history. */
    public record Summary(long id, LocalDateTime drawnAt, String drawnBy, String runId, String seed, String seal) {
    }

    public SealedDraw draw(Request request, String who) {
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("A draw needs the name of who draws");
        }
        String runId = published.requireCurrentRun();
        PeriodRef period = request.periodId() == null || request.periodId().isBlank()
                ? published.defaultPeriod(runId).orElseThrow(() -> new IllegalStateException("Run " + runId
                        + " has no period"))
                : published.period(runId, request.periodId());
        DrawParameters parameters = new DrawParameters(period, request.quotas(), request.randomSharePct(),
                request.recentMonths(), request.overrides());
        if (parameters.quotas().values().stream().allMatch(n -> n == 0)) {
            throw new IllegalArgumentException("Every quota is 0: nothing to draw");
        }
        LocalDateTime drawnAt = LocalDateTime.now(clock.withZone(RunLog.ZONE)).truncatedTo(ChronoUnit.MILLIS);
        List<Candidate> candidates = candidates(runId, parameters, drawnAt);
        long seed = request.seed() != null ? request.seed() : SEEDS.nextLong() & Long.MAX_VALUE;
        DrawOutcome outcome = SurpriseDraw.run(candidates, parameters, seed);
        DrawRecord record = new DrawRecord(drawnAt, who.strip(), runId, parameters, seed, candidates, outcome);
        String json = record.json();
        String seal = CanonicalJson.sha256(json);
        long id = db.transaction(c -> {
            long drawId = Db.insert(c, "INSERT INTO inspection_draw (drawn_at, drawn_by, run_id, seed, record_json, seal) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", drawnAt, record.drawnBy(), runId, Long.toString(seed), json, seal);
            Db.update(c, "INSERT INTO audit_log (at, username, action, detail) VALUES (?, ?, ?, ?)", drawnAt,
                    record.drawnBy(), AUDIT_ACTION, auditDetail(drawId, runId, seal, outcome.selected().size()));
            return drawId;
        });
        return new SealedDraw(id, json, seal, record);
    }

    private static String auditDetail(long id, String runId, String seal, int selected) {
        return "draw=" + id + " run=" + runId + " seal=" + seal + " selected=" + selected;
    }

    /**
     * The candidates of a draw: agencies of the quotas' kinds that existed during the period, with their risk and
     * CONDUCT feedback of the period, excluded when vertical, inspected within the last months or already in the
     * year's plan — history and plan as recorded up to {@code asOf} — and the overrides applied. Feedback-triggered
     * candidates come first, then by risk, highest first. An override of an agency that is not an excluded candidate
     * is an error: an override must change something.
     */
    public List<Candidate> candidates(String runId, DrawParameters parameters, LocalDateTime asOf) {
        PeriodRef period = parameters.period();
        Map<String, Risk> risks = published.risks(runId, period);
        Map<String, Long> conduct = published.conductFeedback(runId, period);
        Map<String, LocalDate> lastInspected = history.lastInspected(asOf);
        int year = asOf.getYear();
        Map<String, Integer> planned = plans.plannedAt(year, asOf);
        LocalDate recentFrom = asOf.toLocalDate().minusMonths(parameters.recentMonths());
        List<Candidate> out = new ArrayList<>();
        for (PublishedAgency a : published.agencies(runId)) {
            if (!parameters.quotas().containsKey(a.kind()) || !a.existedDuring(period)) {
                continue;
            }
            List<String> exclusions = new ArrayList<>();
            if (PublishedAgency.VERTICAL.equals(a.kind())) {
                exclusions.add("vertical");
            }
            LocalDate last = lastInspected.get(a.code());
            if (last != null && parameters.recentMonths() > 0 && !last.isBefore(recentFrom)) {
                exclusions.add("inspected:" + last);
            }
            if (planned.containsKey(a.code())) {
                exclusions.add("planned:" + year + "-Q" + planned.get(a.code()));
            }
            Risk risk = risks.get(a.code());
            boolean scored = risk != null && risk.scored() && risk.score() != null;
            BigDecimal score = scored ? risk.score().setScale(2, RoundingMode.HALF_UP) : null;
            out.add(new Candidate(a.code(), a.name(), a.kind(), scored, score, scored ? risk.peerRank() : null,
                    conduct.getOrDefault(a.code(), 0L), exclusions, parameters.overrides().get(a.code())));
        }
        for (String agency : parameters.overrides().keySet()) {
            Optional<Candidate> c = out.stream().filter(x -> x.agencyCode().equals(agency)).findFirst();
            if (c.isEmpty()) {
                throw new IllegalArgumentException("Cannot override " + agency + ": it is not a candidate of this draw "
                        + "(unknown, of a kind without a quota, or not existing in the period)");
            }
            if (c.get().exclusions().isEmpty()) {
                throw new IllegalArgumentException("Cannot override " + agency + ": it is not excluded");
            }
        }
        out.sort(Comparator.comparing((Candidate c) -> !c.feedbackTriggered())
                .thenComparing(Candidate::risk, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Candidate::agencyCode));
        return out;
    }

    /** Every draw, newest first. */
    public List<Summary> history() {
        return db.list("SELECT draw_id, drawn_at, drawn_by, run_id, seed, seal FROM inspection_draw ORDER BY draw_id DESC",
                rs -> new Summary(rs.getLong("draw_id"), Db.time(rs, "drawn_at"), rs.getString("drawn_by"),
                        rs.getString("run_id"), rs.getString("seed"), rs.getString("seal")));
    }

    public Optional<SealedDraw> find(long id) {
        return db.first("SELECT draw_id, record_json, seal FROM inspection_draw WHERE draw_id = ?",
                rs -> new SealedDraw(rs.getLong("draw_id"), rs.getString("record_json"), rs.getString("seal"),
                        readable(rs.getString("record_json"))), id);
    }

    private static DrawRecord readable(String json) {
        try {
            return DrawRecord.fromJson(json);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Recomputes a stored draw: the seal over the stored bytes; the record read back and written again to the same
     * bytes; the row's columns against the record; the result from the recorded candidates, parameters and seed;
     * the candidates from the published run (when the store still holds it) and the history and plan as recorded
     * up to the draw; and the audit log's line for the draw with this seal. Any changed byte fails a check.
     */
    public Verification verify(long id) {
        record Stored(LocalDateTime drawnAt, String drawnBy, String runId, String seed, String json, String seal) {
        }
        Stored row = db.first("SELECT drawn_at, drawn_by, run_id, seed, record_json, seal FROM inspection_draw "
                        + "WHERE draw_id = ?",
                rs -> new Stored(Db.time(rs, "drawn_at"), rs.getString("drawn_by"), rs.getString("run_id"),
                        rs.getString("seed"), rs.getString("record_json"), rs.getString("seal")), id)
                .orElseThrow(() -> new IllegalArgumentException("No draw " + id));
        List<Verification.Check> checks = new ArrayList<>();
        String recomputed = CanonicalJson.sha256(row.json());
        checks.add(Verification.Check.of(Verification.SEAL, recomputed.equals(row.seal()),
                "SHA-256 of the stored record is " + recomputed + "; the stored seal is " + row.seal()));
        DrawRecord record;
        try {
            record = DrawRecord.fromJson(row.json());
        } catch (IllegalArgumentException e) {
            checks.add(Verification.Check.of(Verification.RECORD, false, e.getMessage()));
            return new Verification(id, checks);
        }
        checks.add(Verification.Check.of(Verification.RECORD, record.json().equals(row.json()),
                "the record read back and written again gives the same bytes"));
        boolean columns = record.drawnAt().equals(row.drawnAt()) && record.drawnBy().equals(row.drawnBy())
                && record.runId().equals(row.runId()) && Long.toString(record.seed()).equals(row.seed());
        checks.add(Verification.Check.of(Verification.COLUMNS, columns,
                "drawn at, by, run and seed of the row agree with the record"));
        DrawOutcome redone = SurpriseDraw.run(record.candidates(), record.parameters(), record.seed());
        boolean overridesAgree = record.candidates().stream().allMatch(c -> java.util.Objects.equals(c.override(),
                record.parameters().overrides().get(c.agencyCode())));
        DrawRecord withRedone = new DrawRecord(record.drawnAt(), record.drawnBy(), record.runId(), record.parameters(),
                record.seed(), record.candidates(), redone);
        checks.add(Verification.Check.of(Verification.RESULT, overridesAgree && withRedone.json().equals(record.json()),
                "drawing again from the recorded candidates, parameters and seed gives the recorded result"));
        if (published.hasRun(record.runId())) {
            String detail = "the candidates read again from run " + record.runId() + " and the history and plan as "
                    + "recorded up to " + DrawRecord.TIME.format(record.drawnAt()) + " are the recorded ones";
            boolean same;
            try {
                DrawRecord reread = new DrawRecord(record.drawnAt(), record.drawnBy(), record.runId(),
                        record.parameters(), record.seed(),
                        candidates(record.runId(), record.parameters(), record.drawnAt()), record.outcome());
                same = reread.json().equals(record.json());
            } catch (IllegalArgumentException e) {
                same = false;
                detail = e.getMessage();
            }
            checks.add(Verification.Check.of(Verification.INPUTS, same, detail));
        } else {
            checks.add(new Verification.Check(Verification.INPUTS, Verification.Status.SKIPPED, "run "
                    + record.runId() + " is no longer in the store: checked against the record only"));
        }
        boolean audited = !db.list("SELECT 1 FROM audit_log WHERE action = ? AND username = ? AND detail = ?",
                rs -> true, AUDIT_ACTION, record.drawnBy(), auditDetail(id, record.runId(), row.seal(),
                        record.outcome().selected().size())).isEmpty();
        checks.add(Verification.Check.of(Verification.AUDIT, audited,
                "the audit log holds the draw by " + record.drawnBy() + " with this seal"));
        return new Verification(id, checks);
    }
}
