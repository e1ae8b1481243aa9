package vn.onestop.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A run as the runs page and {@code runs list}/{@code runs show} read it; stages for active or single runs. */
public record RunRecord(String runId, String trigger, RunState state, String stage, LocalDateTime startedAt,
                        LocalDateTime finishedAt, LocalDateTime heartbeatAt, String owner, boolean cancelRequested,
                        String message, String messageVi, LocalDate periodFrom, LocalDate periodTo, LocalDateTime publishedAt,
                        LocalDateTime prunedAt, List<RunStage> stages) {
    private static final String COLUMNS = "run_id, trigger_kind, status, stage, started_at, finished_at, heartbeat_at, "
            + "owner, cancel_requested, message, message_vi, period_from, period_to, published_at, pruned_at";

    public boolean active() {
        return !state.isFinal();
    }

    public static Optional<RunRecord> find(Store store, String runId) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM run WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, stages(c, runId))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read run " + runId, e);
        }
    }

    /** The newest runs first; the stages of queued and running ones. */
    public static List<RunRecord> recent(Store store, int limit) {
        List<RunRecord> out = new ArrayList<>();
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM run "
                     + "ORDER BY started_at DESC, run_id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RunState state = RunState.of(rs.getString("status"));
                    out.add(read(rs, state.isFinal() ? List.of() : stages(c, rs.getString("run_id"))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the runs", e);
        }
    }

    private static RunRecord read(ResultSet rs, List<RunStage> stages) throws SQLException {
        return new RunRecord(rs.getString("run_id"), rs.getString("trigger_kind"), RunState.of(rs.getString("status")),
                rs.getString("stage"), rs.getObject("started_at", LocalDateTime.class),
                rs.getObject("finished_at", LocalDateTime.class), rs.getObject("heartbeat_at", LocalDateTime.class),
                rs.getString("owner"), rs.getBoolean("cancel_requested"), rs.getString("message"),
                rs.getString("message_vi"),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                rs.getObject("published_at", LocalDateTime.class), rs.getObject("pruned_at", LocalDateTime.class),
                stages);
    }

    private static List<RunStage> stages(Connection c, String runId) throws SQLException {
        List<RunStage> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT stage, seq, started_at, finished_at, step, rows_done, "
                + "rows_total FROM run_stage WHERE run_id = ? ORDER BY seq")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long total = rs.getLong(7);
                    Long knownTotal = rs.wasNull() ? null : total;
                    out.add(new RunStage(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDateTime.class),
                            rs.getObject(4, LocalDateTime.class), rs.getString(5), rs.getLong(6), knownTotal));
                }
            }
        }
        return out;
    }
}
