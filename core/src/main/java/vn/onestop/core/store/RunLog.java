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
 * Run records of the store and their transitions ({@link RunState}): a run writes its rows under its own id;
 * {@link #publish} then flips the current run in one transaction, so a failed, cancelled or killed run leaves the
 * previous one serving (DESIGN.md, "Publish is atomic"). A transition the state machine does not allow is refused
 * with {@link IllegalRunTransitionException}.
 */
public final class RunLog {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int MESSAGE_LENGTH = 4000;

    private RunLog() {
    }

    /** A new, sortable run id: local time plus a random suffix. */
    public static String newRunId() {
        return LocalDateTime.now(ZONE).format(ID) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    static LocalDateTime now() {
        return LocalDateTime.now(ZONE);
    }

    /** Records a run that starts at once (no wait for the run slot: see {@link RunSlot} for that). */
    public static void start(Store store, String runId, String trigger) {
        try (Connection c = store.connection()) {
            insert(c, runId, trigger, RunState.RUNNING);
        } catch (SQLException e) {
            throw new StoreException("Cannot record the start of run " + runId, e);
        }
    }

    /** Records a run that waits for the run slot. */
    public static void queue(Store store, String runId, String trigger) {
        try (Connection c = store.connection()) {
            insert(c, runId, trigger, RunState.QUEUED);
        } catch (SQLException e) {
            throw new StoreException("Cannot record queued run " + runId, e);
        }
    }

    static void insert(Connection c, String runId, String trigger, RunState state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run (run_id, trigger_kind, status, started_at, "
                + "heartbeat_at, owner) VALUES (?, ?, ?, ?, ?, ?)")) {
            LocalDateTime now = now();
            ps.setString(1, runId);
            ps.setString(2, trigger);
            ps.setString(3, state.storeName());
            ps.setObject(4, now);
            ps.setObject(5, now);
            ps.setString(6, RunSlot.OWNER);
            ps.executeUpdate();
        }
    }

    /** The run failed: its message is kept for the runs and data pages, its partial published rows removed. */
    public static void fail(Store store, String runId, String message) {
        fail(store, runId, RunMessage.english(message));
    }

    public static void fail(Store store, String runId, RunMessage message) {
        end(store, runId, RunState.FAILED, message);
    }

    /** The run stopped because it was asked to: like a failure, its partial rows are removed. */
    public static void cancelled(Store store, String runId, String message) {
        cancelled(store, runId, RunMessage.english(message));
    }

    public static void cancelled(Store store, String runId, RunMessage message) {
        end(store, runId, RunState.CANCELLED, message);
    }

    private static void end(Store store, String runId, RunState target, RunMessage message) {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            end(c, runId, target, message);
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("Cannot record run " + runId + " as " + target.storeName(), e);
        }
    }

    /** In the caller's transaction: the run ends as failed or cancelled and its run-owned rows go. */
    static void end(Connection c, String runId, RunState target, RunMessage message) throws SQLException {
        move(c, runId, target);
        RunTables.deletePublishedRows(c, runId);
        try (PreparedStatement ps = c.prepareStatement("UPDATE run SET finished_at = ?, message = ?, message_vi = ? "
                + "WHERE run_id = ?")) {
            ps.setObject(1, now());
            ps.setString(2, clip(message.en()));
            ps.setString(3, clip(message.vi()));
            ps.setString(4, runId);
            ps.executeUpdate();
        }
        closeStages(c, runId);
    }

    /** In the caller's transaction: the running run succeeded and is now the one the dashboard reads. */
    public static void publish(Connection c, String runId, LocalDate from, LocalDate to, String profile,
                               String formulaVersion, RunMessage message) throws SQLException {
        move(c, runId, RunState.SUCCEEDED);
        LocalDateTime now = now();
        try (PreparedStatement ps = c.prepareStatement("UPDATE run SET finished_at = ?, published_at = ?, "
                + "period_from = ?, period_to = ?, points_profile = ?, formula_version = ?, message = ?, message_vi = ? "
                + "WHERE run_id = ?")) {
            ps.setObject(1, now);
            ps.setObject(2, now);
            ps.setObject(3, from);
            ps.setObject(4, to);
            ps.setString(5, profile);
            ps.setString(6, formulaVersion);
            ps.setString(7, message == null ? null : clip(message.en()));
            ps.setString(8, message == null ? null : clip(message.vi()));
            ps.setString(9, runId);
            ps.executeUpdate();
        }
        closeStages(c, runId);
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE current_run SET run_id = ?, published_at = ? WHERE id = 1")) {
            ps.setString(1, runId);
            ps.setObject(2, now);
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO current_run (id, run_id, published_at) VALUES (1, ?, ?)")) {
                ps.setString(1, runId);
                ps.setObject(2, now);
                ps.executeUpdate();
            }
        }
    }

    /** A run that only filled the lake (ingest without compute) succeeded without publishing anything. */
    public static void succeededWithoutPublishing(Store store, String runId, RunMessage message) {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            move(c, runId, RunState.SUCCEEDED);
            try (PreparedStatement ps = c.prepareStatement("UPDATE run SET finished_at = ?, message = ?, message_vi = ? "
                    + "WHERE run_id = ?")) {
                ps.setObject(1, now());
                ps.setString(2, clip(message.en()));
                ps.setString(3, clip(message.vi()));
                ps.setString(4, runId);
                ps.executeUpdate();
            }
            closeStages(c, runId);
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("Cannot record the end of run " + runId, e);
        }
    }

    /**
     * Asks a run to stop. A queued run is cancelled at once; a running one at its next check, between stages or
     * batches. Answers the state the run is in now.
     */
    public static RunState requestCancel(Store store, String runId) {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            RunState state = lockedState(c, runId);
            if (state == RunState.QUEUED) {
                end(c, runId, RunState.CANCELLED, RunMessage.of("Cancelled while queued.", "Đã hủy khi đang chờ."));
                c.commit();
                return RunState.CANCELLED;
            }
            if (state != RunState.RUNNING) {
                throw new IllegalRunTransitionException(runId, state, RunState.CANCELLED);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE run SET cancel_requested = TRUE WHERE run_id = ?")) {
                ps.setString(1, runId);
                ps.executeUpdate();
            }
            c.commit();
            return state;
        } catch (SQLException e) {
            throw new StoreException("Cannot cancel run " + runId, e);
        }
    }

    public static boolean cancelRequested(Store store, String runId) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT cancel_requested, status FROM run WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && (rs.getBoolean(1) || RunState.of(rs.getString(2)) == RunState.CANCELLED);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the cancel flag of run " + runId, e);
        }
    }

    /** The run starts a stage (ingest, compute, publish…): the previous stage, if any, is finished. */
    public static void enterStage(Store store, String runId, String stage) {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            closeStages(c, runId);
            int seq;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM run_stage WHERE run_id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq = rs.getInt(1) + 1;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO run_stage (run_id, stage, seq, started_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, runId);
                ps.setString(2, stage);
                ps.setInt(3, seq);
                ps.setObject(4, now());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE run SET stage = ? WHERE run_id = ?")) {
                ps.setString(1, stage);
                ps.setString(2, runId);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("Cannot record stage " + stage + " of run " + runId, e);
        }
    }

    /** Where the current stage is: what it does now and how many rows (or steps) of how many (null: unknown). */
    public static void progress(Store store, String runId, String stage, String step, long done, Long total) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE run_stage SET step = ?, rows_done = ?, rows_total = ? "
                     + "WHERE run_id = ? AND stage = ?")) {
            ps.setString(1, step == null ? null : step.substring(0, Math.min(step.length(), 200)));
            ps.setLong(2, done);
            ps.setObject(3, total);
            ps.setString(4, runId);
            ps.setString(5, stage);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot record the progress of run " + runId, e);
        }
    }

    private static void closeStages(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE run_stage SET finished_at = ? WHERE run_id = ? AND finished_at IS NULL")) {
            ps.setObject(1, now());
            ps.setString(2, runId);
            ps.executeUpdate();
        }
    }

    /** Moves a run to {@code target}, or refuses with the state it is in. */
    static void move(Connection c, String runId, RunState target) throws SQLException {
        RunState state = lockedState(c, runId);
        if (!state.mayBecome(target)) {
            throw new IllegalRunTransitionException(runId, state, target);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE run SET status = ? WHERE run_id = ?")) {
            ps.setString(1, target.storeName());
            ps.setString(2, runId);
            ps.executeUpdate();
        }
    }

    private static RunState lockedState(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM run WHERE run_id = ? FOR UPDATE")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("There is no run " + runId + ". 'runs list' shows the runs.");
                }
                return RunState.of(rs.getString(1));
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
        try (Connection c = store.connection()) {
            return status(c, runId);
        } catch (SQLException e) {
            throw new StoreException("Cannot read run " + runId, e);
        }
    }

    static String status(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM run WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String clip(String message) {
        return message == null ? null : message.substring(0, Math.min(message.length(), MESSAGE_LENGTH));
    }
}
