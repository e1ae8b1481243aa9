package vn.onestop.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.onestop.core.store.Store;

/**
 * Grows the published run's dossier-level tables to the row counts of a province {@code copies} times larger, for
 * the dashboard benchmark at 10 million dossiers without a multi-hour chain (issue 6): every flag, timeline event
 * and register row of the published run is inserted again {@code copies − 1} times under new dossier ids
 * ({@code <id>-copy<k>}). The summary tables (one value per agency, period and indicator) are left as they are: their
 * size depends on agencies, periods and indicators, not on dossiers. The values themselves no longer add up — the
 * store is for measuring latency and memory only, and {@code --work} should not be published from afterwards.
 */
final class StoreScaler {
    /** The dossier-level tables and their columns; the copies differ only in {@code case_id}. */
    private static final Map<String, List<String>> TABLES = tables();

    private static Map<String, List<String>> tables() {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put("pub_case_flag", List.of("run_id", "rule_id", "case_id", "period_kind", "agency_code", "procedure_code",
                "procedure_name", "channel", "status", "received_at", "due_at", "effective_due_at", "finished_at",
                "apology_issued_at", "apology_deadline", "applicant_masked", "period_start", "detail_vi", "detail_en"));
        t.put("pub_case_timeline", List.of("run_id", "case_id", "seq", "at", "event_kind", "status", "label", "unit",
                "officer"));
        t.put("pub_case_register", List.of("run_id", "case_id", "agency_code", "procedure_code", "field_code",
                "received_at"));
        return t;
    }

    private StoreScaler() {
    }

    /**
     * Copies the published run's dossier-level rows until each table holds {@code copies} times its rows; returns the
     * rows per table afterwards. Idempotent for one value of {@code copies}: copies already made are kept.
     */
    static Map<String, Long> scale(Store store, int copies, Consumer<String> progress) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = store.connection()) {
            c.setAutoCommit(true);
            String runId = currentRun(c);
            for (Map.Entry<String, List<String>> table : TABLES.entrySet()) {
                String name = table.getKey();
                String source = "bench_scale_" + name;
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS " + source);
                    // The originals, once: reading them back from the growing table would cost a scan per copy.
                    // The run id is inlined, quoted: PostgreSQL takes no parameters in CREATE TABLE … AS, and the
                    // id comes from the store's own current_run.
                    s.execute("CREATE TABLE " + source + " AS SELECT * FROM " + name + " WHERE run_id = '"
                            + runId.replace("'", "''") + "' AND case_id NOT LIKE '%-copy%'");
                }
                String columns = String.join(", ", table.getValue());
                String select = String.join(", ", table.getValue().stream()
                        .map(col -> col.equals("case_id") ? "case_id || ?" : col).toList());
                for (int k = 2; k <= copies; k++) {
                    if (exists(c, name, runId, "-copy" + k)) {
                        continue;
                    }
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + name + " (" + columns + ") SELECT "
                            + select + " FROM " + source)) {
                        ps.setString(1, "-copy" + k);
                        int n = ps.executeUpdate();
                        progress.accept(String.format("%s: copy %d of %d (%,d rows)", name, k, copies, n));
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE " + source);
                    // Fresh statistics, so that the planner sees the grown table as it is; on PostgreSQL also the
                    // visibility map that autovacuum would have set after a publication, for index-only counts.
                    s.execute((store.isPostgres() ? "VACUUM (ANALYZE) " : "ANALYZE TABLE ") + name);
                }
                rows.put(name, count(c, name, runId));
            }
        }
        return rows;
    }

    private static String currentRun(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT run_id FROM current_run")) {
            if (!rs.next()) {
                throw new IllegalStateException("The store has no published run to scale");
            }
            return rs.getString(1);
        }
    }

    /** Whether copy {@code suffix} was made by an earlier, interrupted scaling (one probe through the key). */
    private static boolean exists(Connection c, String table, String runId, String suffix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE run_id = ? AND case_id = "
                + "(SELECT MIN(case_id) FROM bench_scale_" + table + ") || ? LIMIT 1")) {
            ps.setString(1, runId);
            ps.setString(2, suffix);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long count(Connection c, String table, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
