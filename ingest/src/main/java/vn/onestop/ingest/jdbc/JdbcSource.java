package vn.onestop.ingest.jdbc;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import vn.onestop.core.store.SourceWatermarks;
import vn.onestop.ingest.RawBatch;
import vn.onestop.ingest.RecordIngest;
import vn.onestop.ingest.SourceRetry;

/**
 * Reads a vendor's one-stop database through its mapping file, entry by entry in the order records are ingested.
 * Each read is incremental: rows whose last-modified time is at or after the stored watermark minus an overlap
 * window (transactions that committed late with an older time are seen again), split into parallel key ranges,
 * read once and kept, then upserted into the lake, where the newest version of a record wins. The watermark moves
 * only after the lake write succeeded: a run stopped anywhere reads the same rows again, and the upsert makes
 * that harmless.
 */
public final class JdbcSource {
    static final String KEY = "_key";
    private static final String UPDATED = "_updated";
    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    /** Below this many rows an entry is read in one query rather than in parallel key ranges. */
    static final long SINGLE_READ_ROWS = 50_000;

    /** Where the database is and how to read it. */
    public record Settings(String name, String url, String user, String password, SourceMapping mapping,
                           int partitions, int overlapMinutes, long singleReadRows) {
        /** With reference tables (fewer than {@link #SINGLE_READ_ROWS} rows) read in one query. */
        public Settings(String name, String url, String user, String password, SourceMapping mapping, int partitions,
                        int overlapMinutes) {
            this(name, url, user, password, mapping, partitions, overlapMinutes, SINGLE_READ_ROWS);
        }

        /** The URL without parameters, which may hold secrets. */
        String shownUrl() {
            return url.split("\\?", 2)[0];
        }
    }

    /** Stages of an extraction ({@code <entry>:read}, {@code :loaded}, {@code :watermark}), for tests that stop a run there. */
    public interface Progress {
        Progress NONE = stage -> { };

        void reached(String stage);
    }

    private final SparkSession spark;
    private final Settings settings;
    private final SourceWatermarks watermarks;
    private final SourceRetry retry;
    private final Progress progress;

    public JdbcSource(SparkSession spark, Settings settings, SourceWatermarks watermarks, SourceRetry retry,
                      Progress progress) {
        this.spark = spark;
        this.settings = settings;
        this.watermarks = watermarks;
        this.retry = retry;
        this.progress = progress;
    }

    public List<RecordIngest.Outcome> extract(RecordIngest ingest) {
        List<RecordIngest.Outcome> out = new ArrayList<>();
        for (SourceMapping.Entry entry : settings.mapping().orderedEntries()) {
            out.add(extract(ingest, entry));
        }
        return out;
    }

    private RecordIngest.Outcome extract(RecordIngest ingest, SourceMapping.Entry entry) {
        Optional<LocalDateTime> watermark = entry.updated() == null ? Optional.empty()
                : watermarks.get(settings.name(), entry.name());
        LocalDateTime since = watermark.map(w -> w.minusMinutes(settings.overlapMinutes())).orElse(null);
        String what = "source " + settings.name() + " (" + settings.shownUrl() + "), entry " + entry.name();
        Extracted read = retry.run(what, () -> read(entry, since));
        progress.reached(entry.name() + ":read");
        try {
            Dataset<Row> text = read.rows().mapPartitions(new VendorRowText(settings.name() + ":" + entry.name(),
                    entry.type(), settings.mapping().zone(), settings.mapping().codesOf(entry)),
                    Encoders.row(RawBatch.schema(entry.type())));
            RecordIngest.Outcome outcome = ingest.load(RawBatch.of(entry.type(), text), "", RecordIngest.Mode.UPSERT);
            progress.reached(entry.name() + ":loaded");
            if (read.count() > 0 && read.newest() != null) {
                LocalDateTime next = watermark.filter(w -> w.isAfter(read.newest())).orElse(read.newest());
                watermarks.put(settings.name(), entry.name(), next, read.count(), ingest.runId());
            }
            progress.reached(entry.name() + ":watermark");
            return outcome;
        } finally {
            read.rows().unpersist();
        }
    }

    /** The rows of one read, kept so that the database is queried once, and their newest last-modified time. */
    private record Extracted(Dataset<Row> rows, long count, LocalDateTime newest) {
    }

    private Extracted read(SourceMapping.Entry entry, LocalDateTime since) throws SQLException {
        List<String> conditions = new ArrayList<>();
        if (entry.where() != null && !entry.where().isBlank()) {
            conditions.add("(" + entry.where() + ")");
        }
        if (since != null) {
            conditions.add(entry.updated() + " >= TIMESTAMP '" + since.format(LITERAL) + "'");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long[] bounds = bounds(entry, where);
        String select = select(entry, where);
        DataFrameReader reader = spark.read().format("jdbc")
                .option("url", settings.url())
                .option("dbtable", "(" + select + ") q")
                .option("fetchsize", "5000")
                .option("preferTimestampNTZ", "true");
        if (!settings.user().isEmpty()) {
            // Empty means: the URL says who connects.
            reader = reader.option("user", settings.user()).option("password", settings.password());
        }
        // Parallel key ranges pay off on big tables only; a reference table is read in one query.
        int partitions = bounds[2] < settings.singleReadRows() ? 1 : (int) Math.min(settings.partitions(), bounds[2]);
        if (partitions > 1 && bounds[1] > bounds[0]) {
            reader = reader.option("partitionColumn", KEY).option("lowerBound", Long.toString(bounds[0]))
                    .option("upperBound", Long.toString(bounds[1] + 1)).option("numPartitions", Integer.toString(partitions));
        }
        Dataset<Row> rows = reader.load().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            // One pass over the read rows for both: each Spark job costs a fixed half second or so.
            Row seen = rows.agg(count(lit(1)), max(col(UPDATED))).first();
            long count = seen.getLong(0);
            Object newest = count == 0 ? null : seen.get(1);
            return new Extracted(rows, count, newest instanceof Instant t
                    ? LocalDateTime.ofInstant(t, settings.mapping().zone()) : (LocalDateTime) newest);
        } catch (RuntimeException e) {
            rows.unpersist();
            throw e;
        }
    }

    /**
     * The query a read of {@code entry} runs (without the key ranges of parallel reads); {@code where} is empty or
     * starts with " WHERE ". The benchmark copies the same rows with PostgreSQL's COPY to compare.
     */
    public static String select(SourceMapping.Entry entry, String where) {
        StringBuilder select = new StringBuilder("SELECT ").append(entry.key()).append(" AS ").append(KEY);
        select.append(", ").append(entry.updated() == null ? "NULL" : entry.updated()).append(" AS ").append(UPDATED);
        for (Map.Entry<String, String> c : entry.columns().entrySet()) {
            select.append(", ").append(c.getValue()).append(" AS \"").append(c.getKey()).append('"');
        }
        return select.append(" FROM ").append(entry.from()).append(where).toString();
    }

    /** Smallest key, largest key and number of rows to read: the ranges of the parallel reads. */
    private long[] bounds(SourceMapping.Entry entry, String where) throws SQLException {
        try (Connection c = settings.user().isEmpty() ? DriverManager.getConnection(settings.url())
                : DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             PreparedStatement ps = c.prepareStatement("SELECT min(" + entry.key() + "), max(" + entry.key()
                     + "), count(*) FROM " + entry.from() + where);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }
}
