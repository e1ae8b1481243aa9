package vn.onestop.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Parquet lake under one root URI (a folder by default; hdfs:// or s3a:// for a cluster). A table, or some
 * partitions of it, is replaced by writing the complete new copy beside it, recording the swap in a journal and
 * then swapping folders: readers never see half a partition, and a run killed during the swap is completed by
 * {@link #recover} at the start of the next one (folder renames are atomic on local disks and HDFS, not on S3).
 *
 * <p>A partitioned table also takes changes without rewriting its partitions (decision 81): each upsert's rows are
 * appended as one batch folder under {@code <table>/_changes} (Spark skips folders starting with "_" when it reads
 * the table's partitions), and {@link #read} merges them: the newest batch's row of a key wins over older batches
 * and over the base. When the changes outgrow a share of the base they are folded into the partitions they touch
 * ({@link #compact}); replacing the whole table drops them with the old folder.
 */
public final class Lake {
    /** Partition folder of a null value, as Spark writes it. */
    static final String NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";
    /** A table's appended changes, inside its folder: a name Spark's partition discovery skips. */
    static final String CHANGES = "_changes";
    /** Partition column of the changes: the batch number, the newest the highest. */
    static final String BATCH = "change_batch";
    private static final String KEYS_FILE = "_keys";
    /** More batches than this are folded in whatever their size: each is a few files every read lists and opens. */
    static final int MAX_BATCHES = 60;
    /** A Parquet file's path as Spark writes it in its messages. */
    private static final Pattern PARQUET_FILE = Pattern.compile("((?:file:|hdfs:|s3a:)?/[^\\s'\"\\]\\[,]+\\.parquet)");

    private final String root;
    /** Tests only: the number of folder moves after which a swap dies, as a killed run would (-1 = never). */
    private int movesBeforeDeath = -1;

    public Lake(String root) {
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    public String root() {
        return root;
    }

    public String path(String table) {
        return root + "/" + table;
    }

    public boolean exists(SparkSession spark, String table) {
        try {
            Path p = new Path(path(table));
            return fs(spark, p).exists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table as the analytics see it: its canonical columns (storage-only bucket columns left out). */
    public Dataset<Row> read(SparkSession spark, String table) {
        Dataset<Row> data = readStored(spark, table);
        return data.drop(LakeLayout.BUCKET);
    }

    /** A table with its partition column, as stored: the base with the appended changes merged in. */
    Dataset<Row> readStored(SparkSession spark, String table) {
        Dataset<Row> base = readBase(spark, table);
        Changes changes = changes(spark, table);
        if (changes == null) {
            return base;
        }
        Dataset<Row> latest = changes.latest();
        var keys = CollectionConverters.asScala(changes.keys()).toSeq();
        // Missing columns allowed: files written before a column was added read it as null, as Spark reads them.
        return base.join(latest.select(changes.keyColumns()), keys, "left_anti").unionByName(latest, true);
    }

    /** A table's partitions without its appended changes. */
    Dataset<Row> readBase(SparkSession spark, String table) {
        if (!exists(spark, table)) {
            throw new IllegalStateException("The lake at " + root + " has no table '" + table
                    + "'. Run 'ingest' with a folder that holds " + table + "*.csv first.");
        }
        return spark.read().parquet(path(table));
    }

    /** The changes appended to a table since its partitions were last written: their keys and newest rows. */
    public record Changes(List<String> keys, Dataset<Row> latest, int batches, long bytes) {
        public Column[] keyColumns() {
            return keys.stream().map(functions::col).toArray(Column[]::new);
        }
    }

    /** The table's appended changes, each key's row from the newest batch holding it; null when there are none. */
    public Changes changes(SparkSession spark, String table) {
        Path dir = changesDir(table);
        try {
            FileSystem fs = fs(spark, dir);
            List<Integer> batches = batches(fs, dir);
            if (batches.isEmpty()) {
                return null;
            }
            List<String> keys = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(new Path(dir, KEYS_FILE)),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        keys.add(line.strip());
                    }
                }
            }
            Column[] byKey = keys.stream().map(functions::col).toArray(Column[]::new);
            Dataset<Row> latest = spark.read().parquet(dir.toString())
                    .withColumn("_newest", functions.row_number().over(Window.partitionBy(byKey)
                            .orderBy(functions.col(BATCH).desc())))
                    .filter(functions.col("_newest").equalTo(1)).drop("_newest", BATCH);
            long bytes = fs.getContentSummary(dir).getLength();
            return new Changes(keys, latest, batches.size(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the changes of lake table " + table + " at " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Appends rows as the table's newest batch of changes: written beside the table, then moved in with one folder
     * rename, so a reader sees the whole batch or none of it, and a run killed before the rename left only staging.
     * {@code rows} hold every column the table stores, its partition column too.
     *
     * @param keys the columns that identify a record: a newer batch's row replaces an older one with the same keys
     */
    public void appendChanges(SparkSession spark, Dataset<Row> rows, String table, List<String> keys, String runId) {
        Path dir = changesDir(table);
        try {
            FileSystem fs = fs(spark, dir);
            List<Integer> batches = batches(fs, dir);
            int next = batches.isEmpty() ? 1 : batches.get(batches.size() - 1) + 1;
            Path staging = new Path(staging(runId, table) + CHANGES + "-" + next);
            write(spark, rows, staging);
            fs.mkdirs(dir);
            Path keysFile = new Path(dir, KEYS_FILE);
            if (!fs.exists(keysFile)) {
                try (OutputStream out = fs.create(keysFile, true)) {
                    out.write((String.join("\n", keys) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!fs.rename(staging, new Path(dir, BATCH + "=" + next))) {
                throw new IOException("could not move " + staging + " into " + dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append changes to lake table " + table + " at " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Whether the table's changes should be folded into its partitions: when they take more than {@code share} of
     * the base's bytes (every read pays for merging them), or when there are more than {@link #MAX_BATCHES} batches.
     */
    boolean changesOutgrown(SparkSession spark, String table, double share) {
        // File listings only: no Spark read of the changes.
        try {
            Path dir = changesDir(table);
            FileSystem fs = fs(spark, dir);
            int batches = batches(fs, dir).size();
            if (batches == 0) {
                return false;
            }
            long bytes = fs.getContentSummary(dir).getLength();
            Path base = new Path(path(table));
            long baseBytes = fs.getContentSummary(base).getLength() - bytes;
            return batches > MAX_BATCHES || bytes > share * baseBytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Folds the appended changes into the partitions: {@code content} is the new content of every partition in
     * {@code partitions} (the base's rows there merged with the changes), swapped in as {@link #replacePartitions}
     * does; the same journal then drops the changes. A run killed in between leaves base and changes that read the
     * same as before, and {@link #recover} finishes the fold.
     */
    public void compact(SparkSession spark, Dataset<Row> content, String table, String column,
                        Collection<?> partitions, String runId) {
        swapPartitions(spark, content, table, column, partitions, runId, true);
    }

    private Path changesDir(String table) {
        return new Path(path(table) + "/" + CHANGES);
    }

    /** The batch numbers under a changes folder, in order. */
    private static List<Integer> batches(FileSystem fs, Path dir) throws IOException {
        List<Integer> out = new ArrayList<>();
        if (!fs.exists(dir)) {
            return out;
        }
        for (FileStatus f : fs.listStatus(dir)) {
            String name = f.getPath().getName();
            if (f.isDirectory() && name.startsWith(BATCH + "=")) {
                out.add(Integer.parseInt(name.substring(BATCH.length() + 1)));
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * Writes {@code data} as the new content of {@code table}, then swaps it in. Give no partition columns for
     * empty data: an empty partitioned write leaves no file to read the schema from.
     */
    public void replace(SparkSession spark, Dataset<Row> data, String table, String runId, String... partitionBy) {
        Path staging = staging(runId, table);
        write(spark, data, staging, partitionBy);
        swap(spark, runId, table, null, List.of(), false);
    }

    /**
     * Replaces some partitions of a partitioned table: {@code content} is the complete new content of every
     * partition in {@code partitions} (a partition without rows in it disappears); the others are left alone.
     *
     * @param partitions values of {@code column} (null for the rows where it is null)
     */
    public void replacePartitions(SparkSession spark, Dataset<Row> content, String table, String column,
                                  Collection<?> partitions, String runId) {
        swapPartitions(spark, content, table, column, partitions, runId, false);
    }

    private void swapPartitions(SparkSession spark, Dataset<Row> content, String table, String column,
                                Collection<?> partitions, String runId, boolean dropChanges) {
        Path staging = staging(runId, table);
        write(spark, content, staging, column);
        List<String> folders = new ArrayList<>();
        for (Object p : partitions) {
            folders.add(column + "=" + (p == null ? NULL_PARTITION : p.toString()));
        }
        swap(spark, runId, table, column, folders, dropChanges);
    }

    /** Tests only: makes the next swaps die after {@code moves} folder moves, leaving their journal behind. */
    void dieAfterMoves(int moves) {
        movesBeforeDeath = moves;
    }

    /** Appends a run's rows under {@code table/<column>=<value>} (used for quarantine history). */
    public void appendPartition(Dataset<Row> data, String table, String column) {
        data.write().mode(SaveMode.Append).option("compression", "zstd").partitionBy(column).parquet(path(table));
    }

    /** Removes a table (an emptied work table). */
    public void delete(SparkSession spark, String table) {
        try {
            Path p = new Path(path(table));
            fs(spark, p).delete(p, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete lake table " + table + ": " + e.getMessage(), e);
        }
    }

    /**
     * Completes the swaps a killed run had journaled, so that every table is either before or after each of its
     * writes, never in between. Called at the start of every ingest.
     */
    public void recover(SparkSession spark) {
        Path journals = new Path(root + "/_journal");
        try {
            FileSystem fs = fs(spark, journals);
            if (!fs.exists(journals)) {
                return;
            }
            for (FileStatus f : fs.listStatus(journals)) {
                apply(fs, f.getPath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot complete the interrupted lake writes journaled in " + journals
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes what dead runs left behind: journals are completed first ({@link #recover}), then staging and trash
     * folders of runs that are not live are deleted. Call it holding the run slot, so no other run swaps meanwhile.
     *
     * @param live whether a run id belongs to a run still queued or running
     * @return the folders removed
     */
    public List<String> cleanLeftovers(SparkSession spark, Predicate<String> live) {
        recover(spark);
        List<String> removed = new ArrayList<>();
        for (String area : List.of("_staging", "_trash")) {
            Path dir = new Path(root + "/" + area);
            try {
                FileSystem fs = fs(spark, dir);
                if (!fs.exists(dir)) {
                    continue;
                }
                for (FileStatus f : fs.listStatus(dir)) {
                    if (!live.test(f.getPath().getName()) && fs.delete(f.getPath(), true)) {
                        removed.add(area + "/" + f.getPath().getName());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot clean " + dir + ": " + e.getMessage(), e);
            }
        }
        return removed;
    }

    /**
     * Deletes the quarantine history ({@code quarantine/ingest_run=…}) of the runs {@code pruned} selects.
     *
     * @return the run ids whose history was removed
     */
    public List<String> deleteQuarantineHistory(SparkSession spark, Predicate<String> pruned) {
        Path dir = new Path(path("quarantine"));
        List<String> removed = new ArrayList<>();
        try {
            FileSystem fs = fs(spark, dir);
            if (!fs.exists(dir)) {
                return removed;
            }
            for (FileStatus f : fs.listStatus(dir)) {
                String name = f.getPath().getName();
                if (name.startsWith("ingest_run=") && pruned.test(name.substring("ingest_run=".length()))
                        && fs.delete(f.getPath(), true)) {
                    removed.add(name.substring("ingest_run=".length()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prune the quarantine history in " + dir + ": " + e.getMessage(), e);
        }
        return removed;
    }

    /**
     * The damaged lake file behind a failed read, when there is one: Spark names the Parquet file it could not read
     * (a truncated or overwritten file, a bad footer, a wrong magic number) somewhere in the chain of causes.
     */
    public static Optional<String> damagedFile(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher m = PARQUET_FILE.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private void write(SparkSession spark, Dataset<Row> data, Path staging, String... partitionBy) {
        var writer = data.write().mode(SaveMode.Overwrite).option("compression", "zstd");
        if (partitionBy.length > 0) {
            writer = writer.partitionBy(partitionBy);
        }
        // Static overwrite of the staging folder: it is ours alone.
        spark.conf().set("spark.sql.sources.partitionOverwriteMode", "static");
        try {
            writer.parquet(staging.toString());
        } finally {
            spark.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
        }
    }

    /**
     * Journal, then swap. A journal line is {@code T} (the whole table, its changes with it), {@code P <folder>}
     * (one partition) or {@code C} (drop the table's appended changes, after its partitions); its first lines name
     * the run and the table.
     */
    private void swap(SparkSession spark, String runId, String table, String column, List<String> folders,
                      boolean dropChanges) {
        Path journal = new Path(root + "/_journal/" + runId + "__" + table.replace('/', '~'));
        try {
            FileSystem fs = fs(spark, journal);
            List<String> lines = new ArrayList<>(List.of(runId, table));
            if (column == null) {
                lines.add("T");
            } else {
                folders.forEach(f -> lines.add("P " + f));
            }
            if (dropChanges) {
                lines.add("C");
            }
            Path tmp = new Path(journal + ".tmp");
            try (OutputStream out = fs.create(tmp, true)) {
                out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            if (!fs.rename(tmp, journal)) {
                throw new IOException("could not write the journal " + journal);
            }
            apply(fs, journal);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot replace lake table " + table + " at " + path(table) + ": "
                    + e.getMessage(), e);
        }
    }

    /** Carries out one journal; every step can be repeated after a crash. */
    private void apply(FileSystem fs, Path journal) throws IOException {
        if (journal.getName().endsWith(".tmp")) {
            fs.delete(journal, false); // the run died before its swap began: nothing was touched
            return;
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(journal), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        }
        String runId = lines.get(0);
        String table = lines.get(1);
        Path target = new Path(path(table));
        Path staging = staging(runId, table);
        Path trash = new Path(root + "/_trash/" + runId + "/" + table);
        for (String entry : lines.subList(2, lines.size())) {
            if (entry.equals("T")) {
                move(fs, staging, target, trash);
            } else if (entry.equals("C")) {
                fs.delete(changesDir(table), true);
            } else {
                String folder = entry.substring(2);
                fs.mkdirs(target);
                move(fs, new Path(staging, folder), new Path(target, folder), new Path(trash, folder));
            }
        }
        fs.delete(journal, false);
        fs.delete(new Path(root + "/_trash/" + runId), true);
        fs.delete(new Path(root + "/_staging/" + runId), true);
    }

    /**
     * Puts {@code from} in the place of {@code to}. A missing {@code from} means either that this step is done or
     * that the new content is empty; both end with nothing at {@code to} that is older than the journal.
     */
    private void move(FileSystem fs, Path from, Path to, Path trash) throws IOException {
        if (movesBeforeDeath == 0) {
            throw new IOException("died half-way through a swap (test)");
        }
        if (movesBeforeDeath > 0) {
            movesBeforeDeath--;
        }
        boolean staged = fs.exists(from);
        if (fs.exists(to) && (staged || !fs.exists(trash))) {
            fs.delete(trash, true);
            fs.mkdirs(trash.getParent());
            if (!fs.rename(to, trash)) {
                throw new IOException("could not move " + to + " aside");
            }
        }
        if (staged) {
            fs.mkdirs(to.getParent());
            if (!fs.rename(from, to)) {
                throw new IOException("could not move " + from + " into place");
            }
        }
    }

    private Path staging(String runId, String table) {
        return new Path(root + "/_staging/" + runId + "/" + table);
    }

    private static FileSystem fs(SparkSession spark, Path p) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        return p.getFileSystem(conf);
    }
}
