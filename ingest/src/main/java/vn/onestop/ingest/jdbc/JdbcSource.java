package vn.onestop.ingest.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import vn.onestop.core.store.SourceWatermarks;
import vn.onestop.ingest.RawBatch;
import vn.onestop.ingest.RecordIngest;
import vn.onestop.ingest.SourceRetry;

/**
 * Reads a vendor's one-stop database through its mapping file, entry by entry in the order records are ingested.
 * Each read is incremental: rows whose last-modified time is at or after the stored watermark minus an overlap
 * window (transactions that committed late with an older time are seen again), split into parallel key ranges,
 * read once, straight into the checks (counted on the way), then upserted into the lake, where the newest version
 * of a record wins. The watermark moves only after the lake write succeeded: a run stopped anywhere reads the same
 * rows again, and the upsert makes that harmless.
 */
public final class JdbcSource {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcSource.class);
    static final String KEY = "_key";
    static final String UPDATED = "_updated";
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
        Dataset<Row> rows = retry.run(what, () -> read(entry, since));
        progress.reached(entry.name() + ":read");
        String source = settings.name() + ":" + entry.name();
        // The load's first pass reads the database, before anything is written: a connection lost there is retried,
        // with a tally of its own.
        Loaded loaded = retry.runReading(what, () -> {
            ReadTally tally = new ReadTally(spark, source, rows.javaRDD().getNumPartitions());
            Dataset<Row> text = rows.mapPartitions(new VendorRowText(source, entry.type(), settings.mapping().zone(),
                    settings.mapping().codesOf(entry), tally), Encoders.row(RawBatch.schema(entry.type())));
            // The tally is asked only once the load's first pass has read the rows.
            RawBatch batch = new RawBatch(entry.type(), text, () -> Map.of(source, tally.rows()), List.of(), "", true);
            return new Loaded(ingest.load(batch, "", RecordIngest.Mode.UPSERT), tally);
        });
        ReadTally tally = loaded.tally();
        progress.reached(entry.name() + ":loaded");
        LocalDateTime newest = tally.newest();
        if (tally.rows() > 0 && newest != null) {
            LocalDateTime next = watermark.filter(w -> w.isAfter(newest)).orElse(newest);
            watermarks.put(settings.name(), entry.name(), next, tally.rows(), ingest.runId());
        }
        progress.reached(entry.name() + ":watermark");
        return loaded.outcome();
    }

    private record Loaded(RecordIngest.Outcome outcome, ReadTally tally) {
    }

    /**
     * Reads every entry in full and drops the rows: the extraction alone (queries, transfer, rows turned into Spark
     * rows), which the benchmark compares with PostgreSQL's COPY of the same queries. Rows read per entry.
     */
    public Map<String, Long> drain() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (SourceMapping.Entry entry : settings.mapping().orderedEntries()) {
            long started = System.nanoTime();
            LongAccumulator read = spark.sparkContext().longAccumulator("drain:" + entry.name());
            read(entry, null).foreachPartition((ForeachPartitionFunction<Row>) rows -> {
                long n = 0;
                for (; rows.hasNext(); rows.next()) {
                    n++;
                }
                read.add(n);
            });
            out.put(entry.name(), read.value());
            LOG.info("Drained {} rows of {} in {} ms", read.value(), entry.name(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return out;
    }

    /** The rows of one read, split into parallel key ranges on big tables; not yet read. */
    private Dataset<Row> read(SourceMapping.Entry entry, LocalDateTime since) throws SQLException {
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
        if (settings.url().startsWith("jdbc:postgresql:")) {
            // Binary results from the first execution (times and numbers are not printed and parsed again): a
            // tenth faster; a prepareThreshold in the URL wins over this.
            reader = reader.option("prepareThreshold", "-1");
        }
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
        return reader.load();
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
