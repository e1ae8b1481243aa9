package vn.onestop.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    private static String runCapturingOut(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, OneStopCli.run(args), String.join(" ", args));
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        old.print(out);
        return out;
    }

    /**
     * One province through the whole chain, to keep the time modest: the demo on the vendor database, an increment
     * after days of activity, the reconciliation export, then a run whose source is down.
     */
    @Test
    void theDemoOnTheVendorDatabaseThenOnlyWhatChangedAndASourceDownLeavesTheLastRunServing() throws Exception {
        String vendor = newDatabase();
        String data = "data.dir=" + tmp.resolve("data");
        runCapturingOut("--set", data, "demo", "--cases", "400", "--no-serve", "--vendor-db", vendor);
        runCapturingOut("vendor-activity", "--url", vendor, "--days", "2", "--new-per-day", "5");
        String increment = runCapturingOut("--set", data, "--set", "source.jdbc.url=" + vendor, "--set",
                "source.portal.dir=" + tmp.resolve("data/portal"), "ingest", "--no-compute");
        Path csv = tmp.resolve("reconciliation.csv");
        runCapturingOut("--set", data, "reconciliation", "--out", csv.toString());

        long readAgain = increment.lines().filter(l -> l.startsWith("motcua:hs_hoso ")).findFirst()
                .map(l -> Long.parseLong(l.trim().split("\\s+")[2].replace(",", ""))).orElseThrow();
        assertTrue(readAgain > 0 && readAgain < 200, "the second read takes the changes only: " + increment);
        OneStopConfig config = OneStopConfig.load(null, Map.of("data.dir", tmp.resolve("data").toString()));
        String published;
        try (Store store = Store.open(config); Connection c = store.connection()) {
            published = RunLog.currentRunId(store).orElseThrow();
            assertEquals(400, count(c, "SELECT rows_read FROM run_input_count WHERE run_id = ? "
                    + "AND source = 'motcua:hs_hoso'", published));
            assertTrue(count(c, "SELECT count(*) FROM pub_reconciliation WHERE run_id = ?", published) > 0);
            assertTrue(count(c, "SELECT count(*) FROM pub_reconciliation_agency WHERE run_id = ?", published) > 0);
        }
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.size() > 1 && lines.get(0).endsWith("agency_code,case_id,difference,province_value,"
                + "portal_value,received_at"), lines.get(0));

        OneStopConfig down = config.with(Map.of("source.jdbc.url", "jdbc:postgresql://127.0.0.1:9/onestop",
                "source.retry.attempts", "3", "source.retry.backoff_ms", "20"));
        try (Environment env = new Environment(down)) {
            var e = assertThrows(SourceUnavailableException.class,
                    () -> new Pipeline(env).run("scheduled", null, true, null, null));
            assertTrue(e.getMessage().startsWith("Source motcua (jdbc:postgresql://127.0.0.1:9/onestop), entry "
                    + "dm_donvi is unreachable after 3 attempts"), e.getMessage());
            try (Connection c = env.store().connection();
                 PreparedStatement ps = c.prepareStatement(
                         "SELECT status, message FROM run WHERE run_id <> ? AND trigger_kind = 'scheduled'")) {
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
