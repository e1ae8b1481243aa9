package vn.onestop.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Retention of old runs (decision 47): the published rows of the {@code keep} newest published runs stay, and
 * everything newer than the oldest of them (recent failures keep their quarantined rows); the current run always
 * stays. Older runs lose their published rows and their quarantined rows; their run record and input balance stay,
 * marked pruned, so the history still says what ran.
 */
public final class RunRetention {
    private RunRetention() {
    }

    /**
     * @param prunedRunIds runs whose rows were removed now
     * @param oldestKept   the oldest run that keeps its rows (null when no run was published yet)
     */
    public record Pruned(List<String> prunedRunIds, String oldestKept) {
    }

    public static Pruned prune(Store store, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("runs.keep = " + keep + ": keep at least 1 published run (the current "
                    + "run is always kept).");
        }
        try (Connection c = store.connection()) {
            Optional<String> current = RunLog.currentRunId(store);
            List<String> kept = new ArrayList<>();
            LocalDateTime keepFrom = null;
            String oldestKept = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT run_id, started_at FROM run WHERE published_at IS NOT "
                    + "NULL AND pruned_at IS NULL ORDER BY started_at DESC, run_id DESC")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        if (kept.size() < keep || current.filter(id::equals).isPresent()) {
                            kept.add(id);
                            keepFrom = rs.getObject(2, LocalDateTime.class);
                            oldestKept = id;
                        }
                    }
                }
            }
            List<String> pruned = new ArrayList<>();
            if (keepFrom == null) {
                return new Pruned(pruned, null);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT run_id FROM run WHERE pruned_at IS NULL "
                    + "AND status IN ('succeeded', 'failed', 'cancelled') AND started_at < ? ORDER BY started_at")) {
                ps.setObject(1, keepFrom);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!kept.contains(rs.getString(1))) {
                            pruned.add(rs.getString(1));
                        }
                    }
                }
            }
            List<String> tables = new ArrayList<>(RunTables.published(c));
            tables.add("run_quarantine");
            c.setAutoCommit(false);
            for (String runId : pruned) {
                RunTables.deleteRows(c, tables, runId);
                try (PreparedStatement ps = c.prepareStatement("UPDATE run SET pruned_at = ? WHERE run_id = ?")) {
                    ps.setObject(1, RunLog.now());
                    ps.setString(2, runId);
                    ps.executeUpdate();
                }
                c.commit();
            }
            return new Pruned(pruned, oldestKept);
        } catch (SQLException e) {
            throw new StoreException("Cannot prune old runs", e);
        }
    }
}
