package vn.onestop.ingest.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.core.store.SourceWatermarks;
import vn.onestop.ingest.InputCount;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.LakeComparison;
import vn.onestop.ingest.RecordIngest;
import vn.onestop.ingest.RecordType;
import vn.onestop.ingest.SmallProvinces;
import vn.onestop.ingest.SparkSessions;
import vn.onestop.ingest.TestPostgres;
import vn.onestop.sample.vendor.VendorActivity;

class IncrementalExtractionTest {
    static final String[] TABLES = {"agency", "procedure", "agency_procedure", "case", "case_event",
        "case_supplement", "case_apology", "case_rating"};

    @TempDir
    Path tmp;

    private final SparkSession spark = SparkSessions.local();
    private final TestPostgres db = new TestPostgres();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private List<VendorActivity.Day> advance(int days) throws Exception {
        try (Connection c = db.connect()) {
            return new VendorActivity(c, 42, 12, 2).advance(days);
        }
    }

    @Test
    void incrementalRunsAfterDaysOfActivityEqualAFreshFullExtraction() throws Exception {
        VendorFixture.load(db, SmallProvinces.small());
        Lake incremental = new Lake(tmp.resolve("incremental").toString());
        JdbcSource.Settings settings = VendorFixture.settings(db, 2, 10);
        VendorFixture.extract(spark, db, incremental, settings, "r1", JdbcSource.Progress.NONE);
        // The increments stay appended changes, merged on read (decision 81), until folded below.
        double never = Double.MAX_VALUE;
        List<VendorActivity.Day> days = new ArrayList<>(advance(2));
        List<InputCount> second = VendorFixture.extract(spark, db, incremental, settings, "r2", JdbcSource.Progress.NONE,
                never);
        days.addAll(advance(3));
        List<InputCount> third = VendorFixture.extract(spark, db, incremental, settings, "r3", JdbcSource.Progress.NONE,
                never);
        assertEquals(2, incremental.changes(spark, "case").batches(), "one batch of changed dossiers per run");
        assertEquals(2, incremental.changes(spark, "case_event").batches());

        new SourceWatermarks(db.store()).clearAll();
        Lake full = new Lake(tmp.resolve("full").toString());
        VendorFixture.extract(spark, db, full, settings, "f1", JdbcSource.Progress.NONE);

        for (String table : TABLES) {
            LakeComparison.assertSameTable(spark, full, incremental, table);
        }
        // Folded into the partitions they touch, the changes read the same, and are gone.
        RecordIngest fold = new RecordIngest(spark, incremental, LocalDateTime.of(2026, 11, 20, 0, 0), "r4");
        for (RecordType type : List.of(RecordType.CASE, RecordType.CASE_EVENT, RecordType.CASE_SUPPLEMENT,
                RecordType.CASE_APOLOGY, RecordType.CASE_RATING)) {
            fold.compact(type, type.table());
            assertNull(incremental.changes(spark, type.table()), type.table());
        }
        for (String table : TABLES) {
            LakeComparison.assertSameTable(spark, full, incremental, table);
        }
        assertTrue(days.stream().mapToInt(VendorActivity.Day::changes).sum() > 50, days.toString());
        assertTrue(days.stream().mapToInt(VendorActivity.Day::lateCommits).sum() >= 4, days.toString());
        long fullCases = full.read(spark, "case").count();
        long readAgain = third.stream().filter(c -> c.recordType().equals("case")).mapToLong(InputCount::read).sum();
        assertTrue(readAgain > 0 && readAgain < fullCases / 4, "an increment reads the changes, not everything: "
                + readAgain + " of " + fullCases);
        assertTrue(second.stream().allMatch(InputCount::balances) && third.stream().allMatch(InputCount::balances));
    }

    @Test
    void withoutTheOverlapWindowLateCommitsAreMissed() throws Exception {
        VendorFixture.load(db, SmallProvinces.small());
        Lake incremental = new Lake(tmp.resolve("incremental").toString());
        JdbcSource.Settings noOverlap = VendorFixture.settings(db, 1, 0);
        VendorFixture.extract(spark, db, incremental, noOverlap, "r1", JdbcSource.Progress.NONE);
        int late = advance(1).get(0).lateCommits();
        VendorFixture.extract(spark, db, incremental, noOverlap, "r2", JdbcSource.Progress.NONE);

        Map<String, String> statusCodes = noOverlap.mapping().codeLists().get("trang_thai");
        Map<String, Integer> inDatabase = new HashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ma_hoso, trang_thai FROM motcua.hs_hoso")) {
            while (rs.next()) {
                inDatabase.put(rs.getString(1), Integer.valueOf(statusCodes.get(rs.getString(2))));
            }
        }
        long stale = incremental.read(spark, "case").select("case_id", "status").collectAsList().stream()
                .filter(r -> !inDatabase.get(r.getString(0)).equals(r.getInt(1))).count();
        assertTrue(late > 0);
        assertEquals(late, stale, "each late commit is a dossier whose return the increment missed");
    }
}
