package vn.onestop.ingest.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import vn.onestop.core.store.SourceWatermarks;
import vn.onestop.ingest.InputCount;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.RecordIngest;
import vn.onestop.ingest.SmallProvinces;
import vn.onestop.ingest.SourceRetry;
import vn.onestop.ingest.TestPostgres;
import vn.onestop.sample.vendor.VendorDatabase;

/** The sample vendor database filled with a generated province, and extractions from it. */
final class VendorFixture {
    static final LocalDateTime NOW = LocalDateTime.of(2024, 6, 30, 12, 0);

    private VendorFixture() {
    }

    static void load(TestPostgres db, Path province) throws SQLException {
        try (Connection c = db.connect()) {
            VendorDatabase.createSchema(c);
            VendorDatabase.load(c, province, SmallProvinces.TO.atTime(23, 59, 59));
        }
    }

    /** Every entry read in {@code partitions} key ranges, however small: the fixtures exercise the parallel read. */
    static JdbcSource.Settings settings(TestPostgres db, int partitions, int overlapMinutes) {
        return new JdbcSource.Settings("motcua", db.url(), "postgres", "", SourceMapping.load("sample-vendor"),
                partitions, overlapMinutes, 0);
    }

    static List<InputCount> extract(SparkSession spark, TestPostgres db, Lake lake, JdbcSource.Settings settings,
                                    String runId, JdbcSource.Progress progress) {
        return extract(spark, db, lake, settings, runId, progress, RecordIngest.CHANGES_SHARE);
    }

    /** With changes folded into the partitions once they exceed {@code changesShare} of a table. */
    static List<InputCount> extract(SparkSession spark, TestPostgres db, Lake lake, JdbcSource.Settings settings,
                                    String runId, JdbcSource.Progress progress, double changesShare) {
        RecordIngest ingest = new RecordIngest(spark, lake, NOW, runId).changesShare(changesShare);
        lake.recover(spark);
        return new JdbcSource(spark, settings, new SourceWatermarks(db.store()), new SourceRetry(2, 10), progress)
                .extract(ingest).stream().flatMap(o -> o.counts().stream()).toList();
    }
}
