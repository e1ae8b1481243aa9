package vn.onestop.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes appended to a partitioned table and merged on read, then folded into its partitions (decision 81). */
class LakeChangesTest {
    private static final StructType SCHEMA = new StructType().add("case_id", DataTypes.StringType)
            .add("status", DataTypes.IntegerType).add("received_month", DataTypes.StringType);
    private static final List<String> KEYS = List.of("case_id");

    @TempDir
    Path tmp;

    private final SparkSession spark = SparkSessions.local();
    private Lake lake;

    private Dataset<Row> rows(Object[]... values) {
        return spark.createDataFrame(java.util.Arrays.stream(values).map(RowFactory::create).toList(), SCHEMA);
    }

    private List<String> content() {
        return lake.read(spark, "case").orderBy("case_id").collectAsList().stream()
                .map(r -> r.getString(r.fieldIndex("case_id")) + "=" + r.getInt(r.fieldIndex("status")) + "@"
                        + r.get(r.fieldIndex("received_month"))).toList();
    }

    private List<String> partitions() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("lake/case"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("received_month=")).sorted()
                    .toList();
        }
    }

    @BeforeEach
    void base() {
        lake = new Lake(tmp.resolve("lake").toString());
        lake.replace(spark, rows(new Object[] {"A", 4, "2024-01"}, new Object[] {"B", 4, "2024-02"},
                new Object[] {"C", 9, "2024-03"}).repartition(col("received_month")), "case", "r1", "received_month");
    }

    @Test
    void theNewestBatchWinsOverOlderBatchesAndTheBaseWithoutRewritingAPartition() throws IOException {
        Path february = tmp.resolve("lake/case/received_month=2024-02");
        FileTime before = Files.getLastModifiedTime(february);

        lake.appendChanges(spark, rows(new Object[] {"B", 5, "2024-02"}, new Object[] {"D", 4, "2024-03"}),
                "case", KEYS, "r2");
        // B moves to January and finishes: its February row is no longer read.
        lake.appendChanges(spark, rows(new Object[] {"B", 9, "2024-01"}), "case", KEYS, "r3");

        assertEquals(List.of("A=4@2024-01", "B=9@2024-01", "C=9@2024-03", "D=4@2024-03"), content());
        assertEquals(before, Files.getLastModifiedTime(february), "the base partitions are left as they were");
        assertTrue(Files.isDirectory(tmp.resolve("lake/case/_changes/change_batch=2")));
        assertEquals(2, lake.changes(spark, "case").batches());
    }

    @Test
    void foldingRewritesOnlyThePartitionsTheChangesTouchAndDropsThem() throws IOException {
        lake.appendChanges(spark, rows(new Object[] {"B", 9, "2024-01"}), "case", KEYS, "r2");
        Path march = tmp.resolve("lake/case/received_month=2024-03");
        FileTime before = Files.getLastModifiedTime(march);

        // B's new month (January) and its old one (February, left empty) are rewritten; March is not.
        lake.compact(spark, rows(new Object[] {"A", 4, "2024-01"}, new Object[] {"B", 9, "2024-01"})
                .repartition(col("received_month")), "case", "received_month", List.of("2024-01", "2024-02"), "r3");

        assertEquals(List.of("A=4@2024-01", "B=9@2024-01", "C=9@2024-03"), content());
        assertNull(lake.changes(spark, "case"));
        assertFalse(Files.exists(tmp.resolve("lake/case/_changes")));
        assertEquals(List.of("received_month=2024-01", "received_month=2024-03"), partitions());
        assertEquals(before, Files.getLastModifiedTime(march));
    }

    @Test
    void aFoldThatDiesHalfWayReadsTheSameAndIsFinishedByTheNextRun() {
        lake.appendChanges(spark, rows(new Object[] {"B", 9, "2024-01"}), "case", KEYS, "r2");
        List<String> merged = List.of("A=4@2024-01", "B=9@2024-01", "C=9@2024-03");

        lake.dieAfterMoves(1);
        assertThrows(UncheckedIOException.class, () -> lake.compact(spark, rows(new Object[] {"A", 4, "2024-01"},
                new Object[] {"B", 9, "2024-01"}), "case", "received_month", List.of("2024-01", "2024-02"), "r3"));
        assertEquals(merged, content(), "January is new, February old, the changes still there: the same rows");

        lake.dieAfterMoves(-1);
        lake.recover(spark);
        assertEquals(merged, content());
        assertNull(lake.changes(spark, "case"));
    }

    @Test
    void replacingTheWholeTableDropsItsChanges() {
        lake.appendChanges(spark, rows(new Object[] {"B", 9, "2024-01"}), "case", KEYS, "r2");
        lake.replace(spark, rows(new Object[] {"E", 1, "2024-04"}).repartition(col("received_month")), "case", "r3",
                "received_month");
        assertEquals(List.of("E=1@2024-04"), content());
        assertNull(lake.changes(spark, "case"));
    }

    @Test
    void changesOutgrowTheTableBySizeOrByTheirNumberOfBatches() {
        assertFalse(lake.changesOutgrown(spark, "case", 0.10), "no changes");
        lake.appendChanges(spark, rows(new Object[] {"B", 9, "2024-01"}), "case", KEYS, "r2");
        // One small file against three of the same size: a third of the base.
        assertFalse(lake.changesOutgrown(spark, "case", 0.50));
        assertTrue(lake.changesOutgrown(spark, "case", 0.10));
        for (int i = 0; i < Lake.MAX_BATCHES; i++) {
            lake.appendChanges(spark, rows(new Object[] {"B", i, "2024-01"}), "case", KEYS, "r" + (3 + i));
        }
        assertTrue(lake.changesOutgrown(spark, "case", 100.0), "more than " + Lake.MAX_BATCHES + " batches");
        assertEquals(List.of("A=4@2024-01", "B=" + (Lake.MAX_BATCHES - 1) + "@2024-01", "C=9@2024-03"), content());
    }
}
