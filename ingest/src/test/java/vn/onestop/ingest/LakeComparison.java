package vn.onestop.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Compares lake tables row for row: same rows, as many of each, no key twice. */
public final class LakeComparison {
    private LakeComparison() {
    }

    public static void assertSameTable(SparkSession spark, Lake expected, Lake actual, String table, String... ignore) {
        RecordType type = RecordType.forFileName(table.replace("portal_", "")).orElseThrow();
        Dataset<Row> e = canonical(expected.read(spark, table), type, ignore);
        Dataset<Row> a = canonical(actual.read(spark, table), type, ignore);
        long missing = e.exceptAll(a).count();
        long extra = a.exceptAll(e).count();
        if (missing + extra > 0) {
            e.exceptAll(a).show(5, false);
            a.exceptAll(e).show(5, false);
        }
        assertEquals(0, missing, table + ": rows expected but not found");
        assertEquals(0, extra, table + ": rows found but not expected");
        assertNoDuplicateKeys(spark, actual, table);
    }

    public static void assertNoDuplicateKeys(SparkSession spark, Lake lake, String table) {
        RecordType type = RecordType.forFileName(table.replace("portal_", "")).orElseThrow();
        Column[] key = type.key().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        long duplicated = lake.read(spark, table).groupBy(key).count().filter("count > 1").count();
        assertEquals(0, duplicated, table + ": keys held twice");
    }

    private static Dataset<Row> canonical(Dataset<Row> rows, RecordType type, String... ignore) {
        List<String> skip = Arrays.asList(ignore);
        return rows.select(type.columnNames().stream().filter(c -> !skip.contains(c))
                .map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    }

    public static void assertNotEmpty(SparkSession spark, Lake lake, String table) {
        assertTrue(lake.read(spark, table).count() > 0, table + " is empty");
    }
}
