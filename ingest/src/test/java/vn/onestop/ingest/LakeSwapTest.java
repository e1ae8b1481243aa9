package vn.onestop.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeSwapTest {
    private static final StructType SCHEMA = new StructType().add("case_id", DataTypes.StringType)
            .add("status", DataTypes.IntegerType).add("received_month", DataTypes.StringType);

    @TempDir
    Path tmp;

    private final SparkSession spark = SparkSessions.local();

    private Dataset<Row> rows(Object[]... values) {
        return spark.createDataFrame(java.util.Arrays.stream(values).map(RowFactory::create).toList(), SCHEMA);
    }

    private List<String> content(Lake lake) {
        return lake.read(spark, "case").orderBy("case_id").collectAsList().stream()
                .map(r -> r.getString(0) + "=" + r.getInt(1) + "@" + r.get(2)).toList();
    }

    @Test
    void aSwapThatDiesHalfWayIsCompletedByTheNextRun() {
        Lake lake = new Lake(tmp.resolve("lake").toString());
        lake.replace(spark, rows(new Object[] {"A", 4, "2024-01"}, new Object[] {"B", 4, "2024-02"},
                new Object[] {"C", 9, "2024-03"}).repartition(col("received_month")), "case", "r1", "received_month");

        // B moves from February to January and finishes; February is left empty and disappears.
        lake.dieAfterMoves(1);
        assertThrows(UncheckedIOException.class, () -> lake.replacePartitions(spark,
                rows(new Object[] {"A", 9, "2024-01"}, new Object[] {"B", 9, "2024-01"}), "case", "received_month",
                List.of("2024-01", "2024-02"), "r2"));
        assertTrue(Files.exists(tmp.resolve("lake/_journal/r2__case")), "the swap's journal is left behind");

        lake.dieAfterMoves(-1);
        lake.recover(spark);

        assertEquals(List.of("A=9@2024-01", "B=9@2024-01", "C=9@2024-03"), content(lake));
        assertTrue(Files.notExists(tmp.resolve("lake/_journal/r2__case")));
        assertTrue(Files.notExists(tmp.resolve("lake/case/received_month=2024-02")));
    }

    @Test
    void aSwapThatDiesBeforeMovingAnythingLeavesTheOldTableUntilRecovered() {
        Lake lake = new Lake(tmp.resolve("lake").toString());
        lake.replace(spark, rows(new Object[] {"A", 4, "2024-01"}), "case", "r1");
        lake.dieAfterMoves(0);
        assertThrows(UncheckedIOException.class, () -> lake.replace(spark, rows(new Object[] {"A", 9, "2024-01"}),
                "case", "r2"));
        assertEquals(List.of("A=4@2024-01"), content(lake), "readers still see the whole old table");
        lake.dieAfterMoves(-1);
        lake.recover(spark);
        assertEquals(List.of("A=9@2024-01"), content(lake));
    }
}
