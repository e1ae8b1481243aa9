package vn.onestop.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Run records of the store. A run writes its rows under its own id; {@link #publish} then flips the current run in
 * one transaction, so a failed or killed run leaves the previous one serving (DESIGN.md, "Publish is atomic").
 */
public final class RunLog {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunLog() {
    }

    /** A new, sortable run id: local time plus a random suffix. */
    public static String newRunId() {
        return LocalDateTime.now(ZONE).format(ID) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    public static void start(Store store, String runId, String trigger) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO run (run_id, trigger_kind, status, started_at) VALUES (?, ?, 'running', ?)")) {
            ps.setString(1, runId);
            ps.setString(2, trigger);
            ps.setObject(3, LocalDateTime.now(ZONE));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot record the start of run " + runId, e);
        }
    }

    /** Marks the run failed with a message for the data page; its partial rows are removed. */
    public static void fail(Store store, String runId, String message) {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            for (String table : new String[] {"pub_case_flag", "pub_value", "pub_indicator",
                "pub_agency", "pub_period", "pub_group", "pub_rule", "pub_case_timeline",
                "pub_value_dim", "pub_procedure", "pub_risk_input", "pub_risk"}) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                    ps.setString(1, runId);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE run SET status = 'failed', finished_at = ?, message = ? WHERE run_id = ?")) {
                ps.setObject(1, LocalDateTime.now(ZONE));
                ps.setString(2, message == null ? null : message.substring(0, Math.min(message.length(), 4000)));
                ps.setString(3, runId);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("Cannot record the failure of run " + runId, e);
        }
    }

    /** In the caller's transaction: the run succeeded and is now the one the dashboard reads. */
    public static void publish(Connection c, String runId, LocalDate from, LocalDate to, String profile,
                               String formulaVersion, String message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE run SET status = 'succeeded', finished_at = ?, "
                + "period_from = ?, period_to = ?, points_profile = ?, formula_version = ?, message = ? WHERE run_id = ?")) {
            ps.setObject(1, LocalDateTime.now(ZONE));
            ps.setObject(2, from);
            ps.setObject(3, to);
            ps.setString(4, profile);
            ps.setString(5, formulaVersion);
            ps.setString(6, message);
            ps.setString(7, runId);
            ps.executeUpdate();
        }
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE current_run SET run_id = ?, published_at = ? WHERE id = 1")) {
            ps.setString(1, runId);
            ps.setObject(2, LocalDateTime.now(ZONE));
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO current_run (id, run_id, published_at) VALUES (1, ?, ?)")) {
                ps.setString(1, runId);
                ps.setObject(2, LocalDateTime.now(ZONE));
                ps.executeUpdate();
            }
        }
    }

    public static Optional<String> currentRunId(Store store) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT run_id FROM current_run WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("Cannot read the current run", e);
        }
    }

    public static String status(Store store, String runId) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT status FROM run WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read run " + runId, e);
        }
    }
}
