package vn.onestop.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.Store;
import vn.onestop.ingest.SourceUnavailableException;

/** The command line and the pipeline with real sources: the demo on the sample vendor database, a source down. */
class SourcesRunTest {
    private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @TempDir
    Path tmp;

    private String database;

    private String newDatabase() throws SQLException {
        database = "onestop_jobs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(ADMIN, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres";
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (database != null) {
            try (Connection c = DriverManager.getConnection(ADMIN, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static long count(Connection c, String sql, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theDemoReadsTheVendorDatabaseAndTheNextRunOnlyWhatChanged() throws Exception {
        String vendor = newDatabase();
        String data = "data.dir=" + tmp.resolve("data");
        assertEquals(0, OneStopCli.run("--set", data, "demo", "--cases", "400", "--no-serve", "--vendor-db", vendor));
        assertEquals(0, OneStopCli.run("vendor-activity", "--url", vendor, "--days", "2", "--new-per-day", "5"));
        assertEquals(0, OneStopCli.run("--set", data, "--set", "source.jdbc.url=" + vendor, "--set",
                "source.portal.dir=" + tmp.resolve("data/portal"), "ingest"));
        Path csv = tmp.resolve("reconciliation.csv");
        assertEquals(0, OneStopCli.run("--set", data, "reconciliation", "--out", csv.toString()));

        OneStopConfig config = OneStopConfig.load(null, Map.of("data.dir", tmp.resolve("data").toString()));
        try (Store store = Store.open(config); Connection c = store.connection()) {
            String run = RunLog.currentRunId(store).orElseThrow();
            long dossiers = count(c, "SELECT count(*) FROM pub_agency WHERE run_id = ?", run);
            assertTrue(dossiers > 0);
            long readAgain = count(c, "SELECT rows_read FROM run_input_count WHERE run_id = ? "
                    + "AND source = 'motcua:hs_hoso'", run);
            assertTrue(readAgain > 0 && readAgain < 200, "the second run reads the changes only: " + readAgain);
            assertTrue(count(c, "SELECT count(*) FROM pub_reconciliation WHERE run_id = ?", run) > 0);
            assertTrue(count(c, "SELECT count(*) FROM pub_reconciliation_agency WHERE run_id = ?", run) > 0);
        }
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.size() > 1 && lines.get(0).endsWith("agency_code,case_id,difference,province_value,"
                + "portal_value,received_at"), lines.get(0));
    }

    @Test
    void aSourceThatIsDownFailsTheRunWithItsNameAndTheLastPublishedRunKeepsServing() throws Exception {
        OneStopConfig good = OneStopConfig.load(null, Map.of("data.dir", tmp.resolve("data").toString()));
        Path province = tmp.resolve("province");
        assertEquals(0, OneStopCli.run("generate", "--cases", "300", "--from", "2024-01-01", "--to", "2024-03-31",
                "--out", province.toString()));
        String published;
        try (Environment env = new Environment(good)) {
            published = new Pipeline(env).run("manual", province, false, null, null).runId();
        }
        OneStopConfig down = good.with(Map.of("source.jdbc.url", "jdbc:postgresql://127.0.0.1:9/onestop",
                "source.retry.attempts", "3", "source.retry.backoff_ms", "20"));
        try (Environment env = new Environment(down)) {
            var e = assertThrows(SourceUnavailableException.class,
                    () -> new Pipeline(env).run("scheduled", null, true, null, null));
            assertTrue(e.getMessage().startsWith("Source motcua (jdbc:postgresql://127.0.0.1:9/onestop), entry "
                    + "dm_donvi is unreachable after 3 attempts"), e.getMessage());
            try (Connection c = env.store().connection();
                 PreparedStatement ps = c.prepareStatement("SELECT status, message FROM run WHERE run_id <> ?")) {
                ps.setString(1, published);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("failed", rs.getString(1));
                    assertEquals(e.getMessage(), rs.getString(2));
                }
            }
            assertEquals(published, RunLog.currentRunId(env.store()).orElseThrow(), "the last good run keeps serving");
        }
    }
}
