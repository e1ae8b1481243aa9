package vn.onestop.ingest.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.ingest.FolderIngest;
import vn.onestop.ingest.InputCount;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.LakeComparison;
import vn.onestop.ingest.SmallProvinces;
import vn.onestop.ingest.SparkSessions;
import vn.onestop.ingest.TestPostgres;

class JdbcExtractionTest {
    private static final String[] TABLES = {"agency", "procedure", "agency_procedure", "case", "case_event",
        "case_supplement", "case_apology", "case_rating"};

    @TempDir
    Path tmp;

    private final SparkSession spark = SparkSessions.local();
    private final TestPostgres db = new TestPostgres();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void theVendorDatabaseExtractsToTheSameRecordsAsTheCsvOfTheSameProvince() throws Exception {
        Path province = SmallProvinces.small();
        VendorFixture.load(db, province);
        Lake fromCsv = new Lake(tmp.resolve("csv").toString());
        new FolderIngest(spark, fromCsv, VendorFixture.NOW).run(province, tmp, "csv");
        Lake fromJdbc = new Lake(tmp.resolve("jdbc").toString());

        List<InputCount> counts = VendorFixture.extract(spark, db, fromJdbc, VendorFixture.settings(db, 3, 10), "r1",
                JdbcSource.Progress.NONE);

        for (String table : TABLES) {
            LakeComparison.assertSameTable(spark, fromCsv, fromJdbc, table);
        }
        assertTrue(counts.stream().allMatch(InputCount::balances), counts.toString());
        InputCount cases = counts.stream().filter(c -> c.recordType().equals("case")).findFirst().orElseThrow();
        assertEquals(new InputCount("motcua:hs_hoso", "case", 600, 600, 0, 0), cases);
    }

    @Test
    void aDrainReadsWhatTheIngestReadsEntryByEntry() throws Exception {
        VendorFixture.load(db, SmallProvinces.small());
        JdbcSource.Settings settings = VendorFixture.settings(db, 3, 10);
        Lake lake = new Lake(tmp.resolve("jdbc").toString());
        List<InputCount> counts = VendorFixture.extract(spark, db, lake, settings, "r1", JdbcSource.Progress.NONE);

        Map<String, Long> drained = new JdbcSource(spark, settings, null, null, JdbcSource.Progress.NONE).drain();

        Map<String, Long> ingested = new LinkedHashMap<>();
        counts.stream().filter(c -> c.source().startsWith("motcua:")).forEach(c -> ingested.merge(c.source().substring("motcua:".length()), c.read(), Long::sum));
        assertEquals(ingested, drained);
        assertEquals(600L, drained.get("hs_hoso"));
    }
}
