package vn.onestop.bench;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.PGConnection;
import vn.onestop.ingest.jdbc.JdbcSource;
import vn.onestop.ingest.jdbc.SourceMapping;

/**
 * PostgreSQL's own fastest way out: {@code COPY (SELECT …) TO STDOUT} of exactly the queries the JDBC source runs for
 * a full read (every entry of the mapping), drained into nothing. What a JDBC extraction is measured against.
 */
final class CopyBaseline {
    private CopyBaseline() {
    }

    record Copied(long rows, long bytes, long ms, Map<String, Long> rowsByEntry) {
    }

    static Copied run(String url, SourceMapping mapping) throws SQLException {
        Map<String, Long> byEntry = new LinkedHashMap<>();
        long rows = 0;
        long bytes = 0;
        long t = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url)) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (SourceMapping.Entry entry : mapping.orderedEntries()) {
                String where = entry.where() == null || entry.where().isBlank() ? "" : " WHERE (" + entry.where() + ")";
                Drain drain = new Drain();
                try {
                    rows += copy.copyOut("COPY (" + JdbcSource.select(entry, where) + ") TO STDOUT", drain);
                } catch (java.io.IOException e) {
                    throw new SQLException("COPY of " + entry.name() + " failed: " + e.getMessage(), e);
                }
                byEntry.put(entry.name(), drain.lines);
                bytes += drain.bytes;
            }
        }
        return new Copied(rows, bytes, (System.nanoTime() - t) / 1_000_000, byEntry);
    }

    /** Counts what arrives and keeps nothing. */
    private static final class Drain extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
