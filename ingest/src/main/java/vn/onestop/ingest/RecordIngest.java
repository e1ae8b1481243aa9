package vn.onestop.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The one path from raw rows to a lake table, whatever the source: type and check every row (data-contract.md,
 * "Validation"), keep the newest version of each key, and account for every row — accepted, quarantined with a
 * reason, or superseded (by a newer row of the batch, or by a newer version already in the lake). Then either
 * replace the table (a snapshot) or upsert into it (an increment: only the partitions touched are rewritten).
 * Rows quarantined because a reference (agency, procedure, dossier) is unknown are kept aside and re-tried by
 * {@link #retryPending} once the reference arrives.
 */
public final class RecordIngest {
    /** Snapshot or increment. */
    public enum Mode { REPLACE, UPSERT }

    /** What one load did. */
    public record Outcome(List<InputCount> counts, List<QuarantinedRow> quarantined) {
        static Outcome empty() {
            return new Outcome(List.of(), List.of());
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecordIngest.class);
    private static final String STATE = "_state";
    private static final String KEY = PendingRows.KEY;

    private final SparkSession spark;
    private final Lake lake;
    private final LocalDateTime now;
    private final String runId;
    /** Changes are folded into a table's partitions once they take more than this share of its bytes. */
    public static final double CHANGES_SHARE = 0.10;
    private double changesShare = CHANGES_SHARE;

    /**
     * @param now the run's clock: timestamps after it are quarantined as lying in the future
     */
    public RecordIngest(SparkSession spark, Lake lake, LocalDateTime now, String runId) {
        this.spark = spark;
        this.lake = lake;
        this.now = now;
        this.runId = runId;
    }

    public Lake lake() {
        return lake;
    }

    /** Folds changes into the partitions once they exceed {@code share} of a table (0: at every upsert). */
    public RecordIngest changesShare(double share) {
        this.changesShare = share;
        return this;
    }

    public String runId() {
        return runId;
    }

    /**
     * Loads a batch into {@code prefix + type.table()} ({@code prefix} is empty for the canonical tables,
     * {@code portal_} for the national portal's copy).
     */
    public Outcome load(RawBatch batch, String prefix, Mode mode) {
        return load(batch, prefix, mode, null);
    }

    private Outcome load(RawBatch batch, String prefix, Mode mode, Dataset<Row> retriedPending) {
        long started = System.nanoTime();
        RecordType type = batch.type();
        String table = prefix + type.table();
        Map<String, Long> counted = batch.readBySource() == null ? countBySource(batch.rows()) : null;
        Dataset<Row> parsed = batch.rows().mapPartitions(new RowValidator(type, now),
                Encoders.row(RowValidator.outputSchema(type)));
        Dataset<Row> marked = newestOfBatch(type, References.check(spark, lake, type, prefix, parsed));
        if (mode == Mode.UPSERT && lake.exists(spark, table)) {
            marked = againstLake(type, table, marked, batch.winsTies());
        }
        marked = marked.persist();
        try {
            Tally tally = tally(marked);
            Map<String, Long> read = counted != null ? counted : batch.readBySource().get();
            List<InputCount> counts = balance(table, batch, read, tally);
            List<QuarantinedRow> quarantined = tally.quarantined() == 0 ? new ArrayList<>()
                    : quarantined(table, marked);
            quarantined.addAll(early(table, batch));
            sortByLocation(quarantined);
            Dataset<Row> accepted = marked.filter(col(STATE).equalTo("A")).select(columns(type));
            if (mode == Mode.REPLACE) {
                replace(type, table, accepted, tally.accepted() == 0);
            } else if (tally.accepted() > 0) {
                upsert(type, table, accepted);
            }
            if (tally.retryable() > 0 || retriedPending != null
                    || lake.exists(spark, pendingTable(table))) {
                keepPending(type, prefix, mode, marked, retriedPending);
            }
            if (!quarantined.isEmpty()) {
                keepInLake(quarantined);
            }
            LOG.info("Loaded {} into {} ({}) in {} ms", counts, table, mode, (System.nanoTime() - started) / 1_000_000);
            return new Outcome(counts, quarantined);
        } finally {
            marked.unpersist();
        }
    }

    /**
     * Re-tries the rows of {@code prefix + type.table()} that were quarantined for an unknown agency, procedure
     * or dossier which the lake now knows. They are counted as an input of their own ({@code retry:<source>});
     * a version already in the lake wins over them, since they are older news.
     */
    public Outcome retryPending(RecordType type, String prefix) {
        String pendingTable = pendingTable(prefix + type.table());
        if (!lake.exists(spark, pendingTable)) {
            return Outcome.empty();
        }
        Dataset<Row> ready = References.resolvable(spark, lake, type, prefix, lake.read(spark, pendingTable)).persist();
        try {
            if (ready.isEmpty()) {
                return Outcome.empty();
            }
            Dataset<Row> rows = ready.select(Arrays.stream(RawBatch.schema(type).fieldNames()).map(c -> col(c))
                    .toArray(Column[]::new));
            RawBatch batch = new RawBatch(type, rows, null, List.of(), "retry:", false);
            return load(batch, prefix, Mode.UPSERT, ready.select(col(RawBatch.SOURCE), col(RawBatch.LINE), col(KEY)));
        } finally {
            ready.unpersist();
        }
    }

    /**
     * Writes canonical rows over the lake's rows with the same keys, whatever their versions: for corrections that
     * follow from other lake tables rather than from an input (a dossier found on the portal gets its sync time).
     */
    public void overwrite(RecordType type, String table, Dataset<Row> rows) {
        upsert(type, table, rows.select(columns(type)));
    }

    private Map<String, Long> countBySource(Dataset<Row> rows) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Row r : rows.groupBy(RawBatch.SOURCE).count().collectAsList()) {
            out.put(r.getString(0), r.getLong(1));
        }
        return out;
    }

    /** Of several valid rows with one key, the newest wins; the others are superseded, not lost (decision 18). */
    private static Dataset<Row> newestOfBatch(RecordType type, Dataset<Row> parsed) {
        var order = new ArrayList<Column>();
        if (type.versionColumn() != null) {
            order.add(col(type.versionColumn()).desc_nulls_last());
        }
        order.add(col(RowValidator.SOURCE).desc());
        order.add(col(RowValidator.LINE).desc());
        // Valid and invalid rows rank apart; one window rather than a union of two filters, which read the batch
        // twice (a JDBC source's query, a CSV file's parsing).
        Column invalid = col(RowValidator.REASON).isNotNull();
        List<Column> partition = new ArrayList<>(Arrays.asList(keys(type)));
        partition.add(invalid);
        var byKey = Window.partitionBy(partition.toArray(Column[]::new)).orderBy(order.toArray(Column[]::new));
        return parsed.withColumn(STATE, when(invalid, lit("Q"))
                .when(row_number().over(byKey).equalTo(1), lit("A")).otherwise(lit("S")));
    }

    /** A batch row loses to the lake's version of its key when that one is newer (or as new, for re-tried rows). */
    private Dataset<Row> againstLake(RecordType type, String table, Dataset<Row> marked, boolean batchWinsTies) {
        String version = type.versionColumn();
        List<Column> cols = new ArrayList<>(Arrays.asList(keys(type)));
        cols.add(lit(true).alias("_in_lake"));
        if (version != null) {
            cols.add(col(version).alias("_lake_version"));
        }
        Dataset<Row> inLake = lake.read(spark, table).select(cols.toArray(Column[]::new));
        Dataset<Row> joined = marked.join(inLake, CollectionConverters.asScala(type.key()).toSeq(), "left");
        Column lakeNewer;
        if (version != null) {
            Column b = col(version);
            Column l = col("_lake_version");
            lakeNewer = l.isNotNull().and(b.isNull().or(l.gt(b)));
            if (!batchWinsTies) {
                lakeNewer = lakeNewer.or(b.eqNullSafe(l));
            }
        } else {
            lakeNewer = lit(!batchWinsTies);
        }
        Column demoted = col(STATE).equalTo("A").and(col("_in_lake").isNotNull()).and(lakeNewer);
        return joined.withColumn(STATE, when(demoted, lit("S")).otherwise(col(STATE)))
                .drop("_in_lake", "_lake_version");
    }

    /** Rows per source and state, in one pass (which also fills the cache of {@code marked}). */
    private record Tally(Map<String, long[]> bySource, long accepted, long quarantined, long retryable) {
    }

    private static Tally tally(Dataset<Row> marked) {
        Map<String, long[]> bySource = new LinkedHashMap<>();
        long a = 0;
        long q = 0;
        long r = 0;
        for (Row row : marked.groupBy(RowValidator.SOURCE).agg(
                sum(when(col(STATE).equalTo("A"), 1).otherwise(0)).alias("a"),
                sum(when(col(STATE).equalTo("Q"), 1).otherwise(0)).alias("q"),
                sum(when(col(STATE).equalTo("S"), 1).otherwise(0)).alias("s"),
                sum(when(col(RowValidator.REASON).isin(References.RETRYABLE.toArray()), 1).otherwise(0)).alias("r"))
                .collectAsList()) {
            bySource.put(row.getString(0), new long[] {row.getLong(1), row.getLong(2), row.getLong(3)});
            a += row.getLong(1);
            q += row.getLong(2);
            r += row.getLong(4);
        }
        return new Tally(bySource, a, q, r);
    }

    private static List<InputCount> balance(String table, RawBatch batch, Map<String, Long> read, Tally tally) {
        Map<String, long[]> bySource = new LinkedHashMap<>();
        read.forEach((source, n) -> bySource.put(source, new long[] {n, 0, 0, 0}));
        for (QuarantinedRow q : batch.rejectedEarly()) {
            String source = q.location().substring(0, q.location().lastIndexOf(':'));
            bySource.computeIfAbsent(source, s -> new long[4])[2]++;
        }
        tally.bySource().forEach((source, t) -> {
            long[] c = bySource.computeIfAbsent(source, s -> new long[4]);
            c[1] += t[0];
            c[2] += t[1];
            c[3] += t[2];
        });
        List<InputCount> counts = new ArrayList<>();
        bySource.forEach((source, c) -> counts.add(new InputCount(batch.countPrefix() + source, table, c[0], c[1],
                c[2], c[3])));
        for (InputCount c : counts) {
            if (!c.balances()) {
                // Never write a lake that lost or doubled rows: this is a defect, and it must be loud.
                throw new IllegalStateException("Rows of " + c.source() + " (" + table + ") do not balance: read "
                        + c.read() + " ≠ accepted " + c.accepted() + " + quarantined " + c.quarantined()
                        + " + superseded " + c.superseded() + ". Nothing was written.");
            }
        }
        return counts;
    }

    private static List<QuarantinedRow> quarantined(String table, Dataset<Row> marked) {
        List<QuarantinedRow> out = new ArrayList<>();
        for (Row r : marked.filter(col(STATE).equalTo("Q")).select(col(RowValidator.SOURCE),
                col(RowValidator.LINE), col(RowValidator.REASON), col(RowValidator.DETAIL), col(RowValidator.RAW))
                .collectAsList()) {
            out.add(new QuarantinedRow(table, r.getString(0) + ":" + r.getLong(1), r.getString(2), r.getString(3),
                    r.getString(4)));
        }
        return out;
    }

    private static List<QuarantinedRow> early(String table, RawBatch batch) {
        return batch.rejectedEarly().stream()
                .map(q -> new QuarantinedRow(table, q.location(), q.reason(), q.detail(), q.rawValue())).toList();
    }

    private static void sortByLocation(List<QuarantinedRow> rows) {
        rows.sort(Comparator.comparing((QuarantinedRow q) -> q.location().substring(0, q.location().lastIndexOf(':')))
                .thenComparingLong(q -> Long.parseLong(q.location().substring(q.location().lastIndexOf(':') + 1))));
    }

    private void replace(RecordType type, String table, Dataset<Row> accepted, boolean empty) {
        String column = LakeLayout.column(type);
        if (column == null || empty) {
            // An empty partitioned write leaves no file to read the schema from.
            lake.replace(spark, accepted.coalesce(1), table, runId);
        } else {
            // One file per partition: partitioned writes from many tasks would scatter tiny files.
            Dataset<Row> laidOut = LakeLayout.withPartition(accepted, type);
            lake.replace(spark, laidOut.repartition(col(column)), table, runId, column);
        }
    }

    /**
     * A partitioned table takes the winners as a batch of changes, merged on read, and folds its changes into the
     * partitions they touch once they outgrow {@link #CHANGES_SHARE} of it (decision 81): a nightly run's few thousand
     * changed dossiers, spread over every month, no longer rewrite the whole table. Small unpartitioned tables are
     * rewritten whole.
     */
    private void upsert(RecordType type, String table, Dataset<Row> accepted) {
        if (!lake.exists(spark, table)) {
            replace(type, table, accepted, false);
            return;
        }
        String column = LakeLayout.column(type);
        // The base's columns are the table's: the changes are written in them.
        String[] storedColumns = lake.readBase(spark, table).columns();
        Dataset<Row> winners = LakeLayout.withPartition(accepted, type);
        if (column == null || !Arrays.asList(storedColumns).contains(column)) {
            Dataset<Row> stored = lake.readStored(spark, table);
            // Unpartitioned (or laid out before partitioning): the whole table is the one partition.
            Dataset<Row> winnerKeys = accepted.select(keys(type));
            var keySeq = CollectionConverters.asScala(type.key()).toSeq();
            Dataset<Row> content = LakeLayout.withPartition(stored.drop(LakeLayout.BUCKET)
                    .join(winnerKeys, keySeq, "left_anti"), type).unionByName(winners);
            if (column == null) {
                lake.replace(spark, content.coalesce(1), table, runId);
            } else {
                lake.replace(spark, content.repartition(col(column)), table, runId, column);
            }
            return;
        }
        Column[] asStored = Arrays.stream(storedColumns).map(c -> col(c)).toArray(Column[]::new);
        lake.appendChanges(spark, winners.select(asStored).coalesce(1), table, type.key(), runId);
        if (lake.changesOutgrown(spark, table, changesShare)) {
            compact(type, table);
        }
    }

    /**
     * Folds a table's appended changes into its partitions: rewrites only the partitions that hold a change or the
     * old version of one (a dossier may change month), then drops the changes in the same journaled swap.
     */
    public void compact(RecordType type, String table) {
        Lake.Changes changes = lake.changes(spark, table);
        if (changes == null) {
            return;
        }
        String column = LakeLayout.column(type);
        Dataset<Row> base = lake.readBase(spark, table);
        Dataset<Row> winners = changes.latest().persist();
        try {
            Dataset<Row> winnerKeys = winners.select(keys(type));
            var keySeq = CollectionConverters.asScala(type.key()).toSeq();
            List<Object> affected = new ArrayList<>();
            for (Row r : winners.select(col(column)).union(base.join(winnerKeys, keySeq, "left_semi")
                    .select(col(column))).distinct().collectAsList()) {
                affected.add(r.isNullAt(0) ? null : r.get(0));
            }
            List<Object> values = affected.stream().filter(v -> v != null).toList();
            Column inAffected = col(column).isin(values.toArray());
            if (values.size() < affected.size()) {
                inAffected = inAffected.or(col(column).isNull());
            }
            Dataset<Row> content = base.filter(inAffected).join(winnerKeys, keySeq, "left_anti")
                    .unionByName(winners);
            lake.compact(spark, content.repartition(col(column)), table, column, affected, runId);
        } finally {
            winners.unpersist();
        }
    }

    /**
     * Keeps the rows quarantined for an unknown reference, as canonical text, to re-try them later. A kept row goes
     * when it is re-tried, or when the lake holds its key in a version at least as new.
     */
    private void keepPending(RecordType type, String prefix, Mode mode, Dataset<Row> marked,
                             Dataset<Row> retriedPending) {
        String table = prefix + type.table();
        String pendingTable = pendingTable(table);
        Dataset<Row> fresh = PendingRows.fromQuarantined(type, marked.filter(col(STATE).equalTo("Q")
                .and(col(RowValidator.REASON).isin(References.RETRYABLE.toArray()))));
        Dataset<Row> kept = fresh;
        boolean hadPending = lake.exists(spark, pendingTable);
        if (mode == Mode.UPSERT && hadPending) {
            Dataset<Row> old = lake.read(spark, pendingTable);
            if (retriedPending != null) {
                old = old.join(retriedPending, CollectionConverters.asScala(
                        List.of(RawBatch.SOURCE, RawBatch.LINE, KEY)).toSeq(), "left_anti");
            }
            kept = fresh.unionByName(old.join(fresh.select(col(RawBatch.SOURCE), col(RawBatch.LINE), col(KEY)),
                    CollectionConverters.asScala(List.of(RawBatch.SOURCE, RawBatch.LINE, KEY)).toSeq(), "left_anti"));
        }
        if (lake.exists(spark, table)) {
            kept = PendingRows.withoutSettled(type, kept, lake.read(spark, table));
        }
        kept = kept.persist();
        try {
            if (kept.isEmpty()) {
                if (hadPending) {
                    lake.delete(spark, pendingTable);
                }
            } else {
                lake.replace(spark, kept.coalesce(1), pendingTable, runId);
            }
        } finally {
            kept.unpersist();
        }
    }

    static String pendingTable(String table) {
        return "pending/" + table;
    }

    /** Quarantined rows are kept in the lake too, per ingest run: nothing is lost, even past the store's copy. */
    private void keepInLake(List<QuarantinedRow> rows) {
        StructType schema = new StructType()
                .add("record_type", DataTypes.StringType).add("location", DataTypes.StringType)
                .add("reason", DataTypes.StringType).add("detail", DataTypes.StringType)
                .add("raw_value", DataTypes.StringType).add("ingest_run", DataTypes.StringType);
        List<Row> out = new ArrayList<>();
        for (QuarantinedRow q : rows) {
            out.add(RowFactory.create(q.recordType(), q.location(), q.reason(), q.detail(), q.rawValue(), runId));
        }
        lake.appendPartition(spark.createDataFrame(out, schema).coalesce(1), "quarantine", "ingest_run");
    }

    static Column[] keys(RecordType type) {
        return type.key().stream().map(c -> col(c)).toArray(Column[]::new);
    }

    private static Column[] columns(RecordType type) {
        return type.columnNames().stream().map(c -> col(c)).toArray(Column[]::new);
    }
}
