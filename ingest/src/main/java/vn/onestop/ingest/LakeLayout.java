package vn.onestop.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How each canonical table is partitioned in the lake, so that an upsert rewrites a few partitions instead of the
 * table: dossiers by month of reception (DESIGN.md); their events, supplements, apologies and ratings by a stable
 * hash bucket of the dossier id (they carry no reception date, and a bucket never changes when the dossier's
 * reception date does); reference data and feedback are small and not partitioned.
 */
public final class LakeLayout {
    public static final String MONTH = "received_month";
    /** Storage-only column: {@link Lake#read} leaves it out. */
    public static final String BUCKET = "case_bucket";
    private static final int BUCKETS = 16;

    private LakeLayout() {
    }

    /** The partition column of a record type's tables, or null. */
    public static String column(RecordType type) {
        return switch (type) {
            case CASE -> MONTH;
            case CASE_EVENT, CASE_SUPPLEMENT, CASE_APOLOGY, CASE_RATING -> BUCKET;
            default -> null;
        };
    }

    /** Adds the partition column to canonical rows. */
    public static Dataset<Row> withPartition(Dataset<Row> rows, RecordType type) {
        String column = column(type);
        if (column == null) {
            return rows;
        }
        if (column.equals(MONTH)) {
            return rows.withColumn(MONTH, date_format(col("received_at"), "yyyy-MM"));
        }
        return rows.withColumn(BUCKET, pmod(xxhash64(col("case_id")), lit(BUCKETS)).cast("int"));
    }
}
