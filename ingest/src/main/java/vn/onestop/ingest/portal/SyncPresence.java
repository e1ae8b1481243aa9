package vn.onestop.ingest.portal;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.RecordIngest;
import vn.onestop.ingest.RecordType;

/**
 * Presence of a dossier in the national portal's feed sets its {@code synced_at} (data-contract.md) when the
 * province's own source did not record a sync: the dossier got there, at the latest when the feed was observed.
 * A sync time the source reports is kept (decision 9). Run after every source of a run, so that a later version of
 * a dossier without a sync time gets it again.
 */
public final class SyncPresence {
    private SyncPresence() {
    }

    /** Returns how many of the province's dossiers got a sync time. */
    public static long apply(SparkSession spark, RecordIngest ingest) {
        Lake lake = ingest.lake();
        String portal = PortalFeed.PREFIX + RecordType.CASE.table();
        if (!lake.exists(spark, RecordType.CASE.table()) || !lake.exists(spark, portal)) {
            return 0;
        }
        Dataset<Row> seen = lake.read(spark, portal).select(col("case_id"), col("synced_at").alias("_seen_at"));
        Dataset<Row> unsynced = lake.read(spark, RecordType.CASE.table()).filter(col("synced_at").isNull());
        Dataset<Row> found = unsynced.join(seen, "case_id").withColumn("synced_at", col("_seen_at")).drop("_seen_at")
                .persist();
        try {
            long n = found.count();
            if (n > 0) {
                ingest.overwrite(RecordType.CASE, RecordType.CASE.table(), found);
            }
            return n;
        } finally {
            found.unpersist();
        }
    }
}
