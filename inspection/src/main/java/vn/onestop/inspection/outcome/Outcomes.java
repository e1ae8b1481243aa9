package vn.onestop.inspection.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.Store;
import vn.onestop.inspection.published.Flag;
import vn.onestop.inspection.published.PublishedInputs;
import vn.onestop.inspection.store.Db;

/**
 * Kết quả kiểm tra: inspectors mark each flagged dossier and rule confirmed, not a violation, or unclear. Every mark
 * is a new row: the latest counts, the earlier ones stay as its history. Each rule's confirmation rate is computed
 * over the latest marks, so that thresholds can be tuned.
 */
public final class Outcomes {
    private static final String LATEST = "SELECT id, case_id, rule_id, agency_code, run_id, outcome, note, recorded_by, "
            + "recorded_at FROM inspection_outcome o WHERE o.id = (SELECT MAX(i.id) FROM inspection_outcome i "
            + "WHERE i.case_id = o.case_id AND i.rule_id = o.rule_id)";

    private final Db db;
    private final PublishedInputs published;
    private final Clock clock;

    public Outcomes(Store store, Clock clock) {
        this.db = new Db(store);
        this.published = new PublishedInputs(store);
        this.clock = clock;
    }

    /** Records an outcome for a dossier the current run flags by that rule; any other is refused. */
    public Outcome record(String caseId, String ruleId, Finding finding, String note, String who) {
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("An outcome needs the name of who records it");
        }
        String runId = published.requireCurrentRun();
        List<Flag> flags = published.flagsOf(runId, caseId, ruleId);
        if (flags.isEmpty()) {
            throw new IllegalArgumentException("Dossier " + caseId + " is not flagged by " + ruleId + " in run " + runId);
        }
        String agency = flags.get(0).agencyCode();
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 2000) {
            throw new IllegalArgumentException("The note is longer than 2,000 characters");
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(RunLog.ZONE)).truncatedTo(ChronoUnit.MILLIS);
        long id = db.transaction(c -> Db.insert(c, "INSERT INTO inspection_outcome (case_id, rule_id, agency_code, "
                        + "run_id, outcome, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                caseId, ruleId, agency, runId, finding.code(), text, who.strip(), now));
        return new Outcome(id, caseId, ruleId, agency, runId, finding, text, who.strip(), now);
    }

    /** The latest outcome of each dossier and rule of an agency, keyed {@code caseId + "|" + ruleId}. */
    public Map<String, Outcome> latestOf(String agencyCode) {
        Map<String, Outcome> out = new TreeMap<>();
        db.list(LATEST + " AND o.agency_code = ?", Outcomes::outcome, agencyCode)
                .forEach(o -> out.put(key(o.caseId(), o.ruleId()), o));
        return out;
    }

    public static String key(String caseId, String ruleId) {
        return caseId + "|" + ruleId;
    }

    /** Every outcome of a dossier and rule, latest first. */
    public List<Outcome> historyOf(String caseId, String ruleId) {
        return db.list("SELECT id, case_id, rule_id, agency_code, run_id, outcome, note, recorded_by, recorded_at "
                + "FROM inspection_outcome WHERE case_id = ? AND rule_id = ? ORDER BY id DESC", Outcomes::outcome,
                caseId, ruleId);
    }

    /** Each rule's confirmation rate over the latest outcomes of all agencies, by rule id. */
    public List<ConfirmationRate> rates() {
        Map<String, long[]> counts = new TreeMap<>();
        db.list("SELECT rule_id, outcome, COUNT(*) AS n FROM (" + LATEST + ") latest GROUP BY rule_id, outcome",
                rs -> {
                    long[] c = counts.computeIfAbsent(rs.getString("rule_id"), k -> new long[3]);
                    c[Finding.parse(rs.getString("outcome")).ordinal()] = rs.getLong("n");
                    return null;
                });
        List<ConfirmationRate> out = new ArrayList<>();
        counts.forEach((rule, c) -> {
            long judged = c[Finding.CONFIRMED.ordinal()] + c[Finding.NOT_VIOLATION.ordinal()];
            BigDecimal rate = judged == 0 ? null : BigDecimal.valueOf(100L * c[Finding.CONFIRMED.ordinal()])
                    .divide(BigDecimal.valueOf(judged), 2, RoundingMode.HALF_UP);
            out.add(new ConfirmationRate(rule, c[Finding.CONFIRMED.ordinal()], c[Finding.NOT_VIOLATION.ordinal()],
                    c[Finding.UNCLEAR.ordinal()], rate));
        });
        return out;
    }

    private static Outcome outcome(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Outcome(rs.getLong("id"), rs.getString("case_id"), rs.getString("rule_id"),
                rs.getString("agency_code"), rs.getString("run_id"), Finding.parse(rs.getString("outcome")),
                rs.getString("note"), rs.getString("recorded_by"), Db.time(rs, "recorded_at"));
    }
}
