package vn.onestop.ingest.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.ingest.FolderIngest;
import vn.onestop.ingest.InputCount;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.LakeComparison;
import vn.onestop.ingest.LakeCopies;
import vn.onestop.ingest.RecordIngest;
import vn.onestop.ingest.RecordType;
import vn.onestop.ingest.SmallProvinces;
import vn.onestop.ingest.SourceRetry;
import vn.onestop.ingest.SourceUnavailableException;
import vn.onestop.ingest.SparkSessions;
import vn.onestop.sample.vendor.PortalFeedWriter;

class PortalFeedTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 6, 30, 12, 0);
    private static final String[] BASE = {"agency", "procedure", "case", "case_event", "case_supplement"};
    /** Columns the portal does not carry (or sets itself): left out when comparing with the province's records. */
    private static final List<String> NOT_ON_PORTAL = List.of("source", "receiving_agency_code", "recorded_at",
            "synced_at", "updated_at");

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static Lake province;
    private final SparkSession spark = SparkSessions.local();

    @BeforeAll
    static void loadTheProvince() {
        Path csv = LakeCopies.subset(SmallProvinces.small(), shared.resolve("csv"), "agency.csv", "procedure.csv",
                "case.csv", "case_event.csv", "case_supplement.csv");
        province = new Lake(shared.resolve("province").toString());
        new FolderIngest(SparkSessions.local(), province, NOW).run(csv, shared, "base");
    }

    private List<RecordIngest.Outcome> readFeed(Lake lake, Path dir, PortalClient client) {
        RecordIngest ingest = new RecordIngest(spark, lake, NOW, "p1");
        return new PortalFeed(spark, ingest, tmp).read(dir, client, NOW);
    }

    @Test
    void theFeedFromFilesAndFromTheHttpStandInGivesTheProvincesOwnRecords() throws IOException {
        Path feed = tmp.resolve("feed");
        PortalFeedWriter.Summary written = PortalFeedWriter.write(SmallProvinces.small(), feed, 766, 0);
        Lake fromFile = LakeCopies.copy(province, tmp.resolve("file"), BASE);

        List<RecordIngest.Outcome> outcomes = readFeed(fromFile, feed, null);

        InputCount cases = outcomes.get(0).counts().get(0);
        assertEquals(new InputCount(PortalFeedWriter.FEED_FILE, "portal_case", written.dossiers(), written.dossiers(),
                0, 0), cases);
        Dataset<Row> synced = province.read(spark, "case").filter("synced_at IS NOT NULL");
        assertSame(onPortal(synced, RecordType.CASE), onPortal(fromFile.read(spark, "portal_case"), RecordType.CASE));
        Dataset<Row> ids = synced.select("case_id");
        for (RecordType t : List.of(RecordType.CASE_EVENT, RecordType.CASE_SUPPLEMENT)) {
            assertSame(onPortal(province.read(spark, t.table()).join(ids, "case_id"), t),
                    onPortal(fromFile.read(spark, "portal_" + t.table()), t));
        }

        Lake fromHttp = LakeCopies.copy(province, tmp.resolve("http"), BASE);
        try (PortalStandIn portal = new PortalStandIn(feed.resolve(PortalFeedWriter.FEED_FILE), 3, 2)) {
            PortalClient client = new PortalClient(new PortalClient.Settings(portal.feedUrl(), "", portal.tokenUrl(),
                    PortalStandIn.CLIENT_ID, PortalStandIn.CLIENT_SECRET, 100), new SourceRetry(3, 10));
            readFeed(fromHttp, null, client);
            assertTrue(portal.tokensIssued.get() >= 2, "a refused token is renewed");
            assertEquals(1, portal.unavailable.get(), "the page answered 503 was asked for again");
        }
        for (RecordType t : PortalFeed.TYPES) {
            LakeComparison.assertSameTable(spark, fromFile, fromHttp, "portal_" + t.table());
        }
    }

    @Test
    void reconciliationFindsExactlyTheDifferencesPlanted() throws IOException {
        Path feed = tmp.resolve("feed");
        PortalFeedWriter.write(SmallProvinces.small(), feed, 766, 3);
        Lake lake = LakeCopies.copy(province, tmp.resolve("lake"), BASE);
        readFeed(lake, feed, null);

        PortalReconciliation.Result result = PortalReconciliation.compute(spark, lake, "p1").orElseThrow();

        Set<String> expected = new TreeSet<>();
        for (String line : Files.readAllLines(feed.resolve(PortalFeedWriter.GROUND_TRUTH)).subList(1,
                Files.readAllLines(feed.resolve(PortalFeedWriter.GROUND_TRUTH)).size())) {
            String[] f = line.split(",");
            expected.add(f[0] + " " + f[2]);
        }
        Set<String> found = result.differences().stream().map(d -> d.caseId() + " " + d.difference())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, found);
        assertTrue(expected.stream().filter(e -> !e.endsWith("MISSING_ON_PORTAL")).count() >= 3 * 8,
                "every kind of difference was planted");
        long missing = result.agencies().stream().mapToLong(PortalReconciliation.AgencySummary::missingOnPortal).sum();
        assertEquals(expected.stream().filter(e -> e.endsWith("MISSING_ON_PORTAL")).count(), missing);
        assertEquals(600, result.agencies().stream().mapToLong(PortalReconciliation.AgencySummary::provinceCases).sum());
    }

    @Test
    void aDossierFoundOnThePortalGetsTheSyncTimeItsSourceDidNotRecord() throws IOException {
        Path feed = tmp.resolve("feed");
        PortalFeedWriter.write(SmallProvinces.small(), feed, 766, 0);
        Lake lake = LakeCopies.copy(province, tmp.resolve("lake"), BASE);
        RecordIngest ingest = new RecordIngest(spark, lake, NOW, "p1");
        Dataset<Row> forgotten = lake.read(spark, "case").filter("synced_at IS NOT NULL").orderBy("case_id").limit(20)
                .withColumn("synced_at", org.apache.spark.sql.functions.lit(null).cast("timestamp")).persist();
        forgotten.count();
        ingest.overwrite(RecordType.CASE, "case", forgotten);
        new PortalFeed(spark, ingest, tmp).read(feed, null, NOW);

        assertEquals(20, SyncPresence.apply(spark, ingest));

        List<Row> found = lake.read(spark, "case").join(forgotten.select("case_id"), "case_id")
                .select("synced_at").distinct().collectAsList();
        assertEquals(1, found.size());
        assertEquals(NOW.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant(), found.get(0).get(0),
                "the time the feed was observed");
        assertEquals(0, SyncPresence.apply(spark, ingest), "a second pass finds nothing left to set");
        LakeComparison.assertNoDuplicateKeys(spark, lake, "case");
    }

    @Test
    void aPortalThatStaysDownFailsWithAMessageNamingIt() {
        PortalClient client = new PortalClient(new PortalClient.Settings("http://127.0.0.1:9/api/hoso", "t", "", "",
                "", 100), new SourceRetry(3, 10));
        var e = assertThrows(SourceUnavailableException.class, () -> client.pull(d -> { }));
        assertTrue(e.getMessage().startsWith("The national portal feed (http://127.0.0.1:9/api/hoso), page 1 is "
                + "unreachable after 3 attempts"), e.getMessage());
    }

    private static Dataset<Row> onPortal(Dataset<Row> rows, RecordType type) {
        return rows.select(type.columnNames().stream().filter(c -> !NOT_ON_PORTAL.contains(c))
                .map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    }

    private static void assertSame(Dataset<Row> expected, Dataset<Row> actual) {
        long missing = expected.exceptAll(actual).count();
        long extra = actual.exceptAll(expected).count();
        if (missing + extra > 0) {
            expected.exceptAll(actual).show(5, false);
            actual.exceptAll(expected).show(5, false);
        }
        assertEquals(0, missing + extra, missing + " rows missing, " + extra + " rows extra");
    }
}
