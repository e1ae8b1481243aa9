package vn.onestop.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Watermarks of incremental extraction, one per source and source table: the newest last-modified time already in
 * the lake, in the source's own clock. Set only after the lake write it describes succeeded, so a run killed in
 * between reads the same rows again (and the lake upsert makes that harmless).
 */
public final class SourceWatermarks {
    private final Store store;

    public SourceWatermarks(Store store) {
        this.store = store;
    }

    public Optional<LocalDateTime> get(String source, String table) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT watermark FROM source_watermark WHERE source = ? AND source_table = ?")) {
            ps.setString(1, source);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, LocalDateTime.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the watermark of " + source + "/" + table, e);
        }
    }

    public void put(String source, String table, LocalDateTime watermark, long rowsRead, String runId) {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE source_watermark SET watermark = ?, rows_read = ?, "
                    + "run_id = ?, updated_at = ? WHERE source = ? AND source_table = ?")) {
                ps.setObject(1, watermark);
                ps.setLong(2, rowsRead);
                ps.setString(3, runId);
                ps.setObject(4, LocalDateTime.now(RunLog.ZONE));
                ps.setString(5, source);
                ps.setString(6, table);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO source_watermark (source, source_table, "
                        + "watermark, rows_read, run_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, source);
                    ps.setString(2, table);
                    ps.setObject(3, watermark);
                    ps.setLong(4, rowsRead);
                    ps.setString(5, runId);
                    ps.setObject(6, LocalDateTime.now(RunLog.ZONE));
                    ps.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("Cannot store the watermark of " + source + "/" + table, e);
        }
    }

    /**
     * Forgets every watermark: each incremental source reads everything again next time. For when a snapshot
     * replaced lake tables that incremental sources also feed.
     */
    public void clearAll() {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM source_watermark")) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot clear the watermarks", e);
        }
    }

    /** Forgets every watermark of a source: its next extraction reads everything again. */
    public void clear(String source) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM source_watermark WHERE source = ?")) {
            ps.setString(1, source);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot clear the watermarks of " + source, e);
        }
    }
}
