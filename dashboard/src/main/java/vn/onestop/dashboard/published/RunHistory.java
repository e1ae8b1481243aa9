package vn.onestop.dashboard.published;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.sql.Sql;

/** The runs and what each one read: the input balance per source and the quarantined rows with their reasons. */
public final class RunHistory {
    private static final int RECENT_RUNS = 50;
    private static final String RUN_COLUMNS = "run_id, trigger_kind, status, started_at, finished_at, period_from, "
            + "period_to, points_profile, formula_version, message, message_vi";

    private final Store store;

    public RunHistory(Store store) {
        this.store = store;
    }

    /** One line of the input balance: read = accepted + quarantined + superseded. */
    public record InputCount(String source, String recordType, long read, long accepted, long quarantined,
                             long superseded) {
        /** Rows read but neither accepted, quarantined nor superseded (0 when the balance holds). */
        public long unaccounted() {
            return read - accepted - quarantined - superseded;
        }
    }

    public record QuarantinedRow(String recordType, String location, String reason, String detail, String rawValue) {
    }

    public record QuarantineReason(String recordType, String reason, long rows) {
    }

    public static Optional<RunInfo> run(Store store, String runId) {
        return Sql.first(store, "SELECT " + RUN_COLUMNS + " FROM run WHERE run_id = ?", RunHistory::runInfo, runId);
    }

    public Optional<RunInfo> run(String runId) {
        return run(store, runId);
    }

    public List<RunInfo> recentRuns() {
        return Sql.list(store, "SELECT " + RUN_COLUMNS + " FROM run ORDER BY started_at DESC, run_id DESC LIMIT ?",
                RunHistory::runInfo, RECENT_RUNS);
    }

    private static RunInfo runInfo(ResultSet rs) throws SQLException {
        return new RunInfo(rs.getString("run_id"), rs.getString("trigger_kind"), rs.getString("status"),
                Sql.time(rs, "started_at"), Sql.time(rs, "finished_at"), Sql.date(rs, "period_from"),
                Sql.date(rs, "period_to"), rs.getString("points_profile"), rs.getString("formula_version"),
                rs.getString("message"), rs.getString("message_vi"));
    }

    public List<InputCount> inputCounts(String runId) {
        return Sql.list(store,
                "SELECT source, record_type, rows_read, rows_accepted, rows_quarantined, rows_superseded "
                        + "FROM run_input_count WHERE run_id = ? ORDER BY source, record_type",
                rs -> new InputCount(rs.getString("source"), rs.getString("record_type"), rs.getLong("rows_read"),
                        rs.getLong("rows_accepted"), rs.getLong("rows_quarantined"), rs.getLong("rows_superseded")),
                runId);
    }

    public List<QuarantineReason> quarantineReasons(String runId) {
        return Sql.list(store,
                "SELECT record_type, reason, COUNT(*) AS n FROM run_quarantine WHERE run_id = ? "
                        + "GROUP BY record_type, reason ORDER BY n DESC, record_type, reason",
                rs -> new QuarantineReason(rs.getString("record_type"), rs.getString("reason"), rs.getLong("n")),
                runId);
    }

    public Page<QuarantinedRow> quarantine(String runId, int page, int size) {
        long total = Sql.count(store, "SELECT COUNT(*) FROM run_quarantine WHERE run_id = ?", runId);
        List<QuarantinedRow> rows = Sql.list(store,
                "SELECT record_type, location, reason, detail, raw_value FROM run_quarantine WHERE run_id = ? "
                        + "ORDER BY record_type, location, reason LIMIT ? OFFSET ?",
                rs -> new QuarantinedRow(rs.getString("record_type"), rs.getString("location"),
                        rs.getString("reason"), rs.getString("detail"), rs.getString("raw_value")),
                runId, size, Page.offset(page, size));
        return new Page<>(total, Math.max(1, page), size, rows);
    }
}
