package vn.onestop.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.ingest.SparkSessions;
import vn.onestop.sample.GeneratorOptions;
import vn.onestop.sample.ProvinceGenerator;
import vn.onestop.sample.vendor.VendorActivity;
import vn.onestop.sample.vendor.VendorDatabase;

/**
 * Faults against the real PostgreSQL, in one chain to keep the time modest: the command line in a child JVM killed
 * with SIGKILL during ingest, during compute and during publish; the store's connections cut in the middle of a run;
 * a damaged Parquet file in the lake. After each, the previous run keeps serving; the run after them publishes every
 * dossier of the source database exactly once.
 *
 * <p>A child is stopped at a known place without any hook in the product: the test holds a database lock the child
 * needs next (the source table it is about to read, the progress row of its stage) and kills it once it waits.
 */
class RunFaultsTest {
    private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final int STALE_SECONDS = 3;

    @TempDir
    Path tmp;

    private TestStores store;
    private TestStores vendor;
    private final List<Process> children = new ArrayList<>();
    /** Runs killed here: recorded as running until the next run takes over. */
    private final java.util.Set<String> dead = new java.util.HashSet<>();

    @AfterEach
    void cleanUp() {
        children.forEach(Process::destroyForcibly);
        if (store != null) {
            store.close();
        }
        if (vendor != null) {
            vendor.close();
        }
    }

    @Test
    void killedFailedAndDamagedRunsLeaveThePreviousRunServingAndTheNextRunPublishesEveryDossierOnce() throws Exception {
        store = TestStores.postgres();
        vendor = TestStores.postgres();
        Path province = tmp.resolve("province");
        ProvinceGenerator.generate(new GeneratorOptions(808, 300, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), 0),
                province);
        try (Connection c = vendorConnection()) {
            VendorDatabase.createSchema(c);
            VendorDatabase.load(c, province, LocalDate.of(2024, 3, 31).atTime(23, 59, 59));
        }
        String first = publishedRunOf(cli("ingest"));
        assertEquals(vendorReceived(first), publishedDossiers(first));
        try (Connection c = vendorConnection()) {
            new VendorActivity(c, 9, 6, 1).advance(2);
        }

        // SIGKILL during ingest: dossiers are in the lake, their history is being read (the test holds its table).
        String killedInIngest;
        try (Connection lock = vendorConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE motcua.hs_quatrinhxuly IN ACCESS EXCLUSIVE MODE");
            }
            Process child = child("ingest");
            killedInIngest = awaitRun(child, "ingest");
            awaitLockWaiter(child, vendor.database());
            // Meanwhile a second run fails at once, naming the one in progress.
            CliResult busy = cli("compute");
            assertEquals(1, busy.code());
            assertTrue(busy.err().contains("error: Run " + killedInIngest + " (manual, started ")
                    && busy.err().contains("'runs cancel " + killedInIngest + "'"), busy.err());
            kill(child);
            lock.rollback();
        }
        dead.add(killedInIngest);
        assertServing(first);

        // SIGKILL during compute, by a run that first takes over the dead one once its heartbeat is stale.
        Thread.sleep(STALE_SECONDS * 1000 + 500);
        String killedInCompute = killDuringCompute();
        assertServing(first);
        assertAbandoned(killedInIngest);

        // SIGKILL during publish, after some of its rows are written.
        Thread.sleep(STALE_SECONDS * 1000 + 500);
        String killedInPublish = killDuringPublish();
        assertServing(first);
        assertTrue(rows("SELECT COUNT(*) FROM pub_period WHERE run_id = ?", killedInPublish) > 0,
                "the killed run had written rows, never visible");

        // The store's connections cut in the middle of publishing: a clear failure naming the store.
        Thread.sleep(STALE_SECONDS * 1000 + 500);
        CliResult cut = storeCutDuringPublish();
        assertEquals(1, cut.code());
        assertTrue(cut.err().contains("error: The PostgreSQL store " + store.url() + " failed: ")
                && cut.err().contains("terminating connection")
                && cut.err().contains("The previously published run keeps serving; check that the database is up and "
                + "reachable, then run again."), cut.err());
        assertServing(first);

        // The retry publishes every dossier of the source once; the dead runs are failed and their rows gone.
        Thread.sleep(STALE_SECONDS * 1000 + 500);
        String retried = publishedRunOf(cli("ingest"));
        assertServing(retried);
        assertEquals(vendorReceived(retried), publishedDossiers(retried));
        assertLakeHoldsEachDossierOnce();
        for (String dead : List.of(killedInCompute, killedInPublish)) {
            assertAbandoned(dead);
        }

        // A damaged Parquet file: the run fails naming it and what to do; moved out and read again in full, all is back.
        Path damaged = damageALakeFile();
        CliResult broken = cli("compute");
        assertEquals(1, broken.code());
        assertTrue(broken.err().contains("error: The lake file ") && broken.err().contains(damaged.getFileName().toString())
                && broken.err().contains("cannot be read: it is damaged (")
                && broken.err().contains("Move it out of the lake, then run 'ingest --full'"), broken.err());
        String brokenRun = value("SELECT run_id FROM run WHERE status = 'failed' ORDER BY started_at DESC LIMIT 1");
        String brokenVi = value("SELECT message_vi FROM run WHERE run_id = ?", brokenRun);
        assertTrue(brokenVi.startsWith("Tệp dữ liệu ") && brokenVi.contains(damaged.getFileName().toString())
                && brokenVi.contains("bị hỏng, không đọc được"), brokenVi);
        assertServing(retried);
        Files.move(damaged, tmp.resolve("damaged.parquet"));
        String repaired = publishedRunOf(cli("ingest", "--full"));
        assertEquals(vendorReceived(repaired), publishedDossiers(repaired));
        assertLakeHoldsEachDossierOnce();
    }

    /** Runs {@code compute} in a child and kills it while it computes: the test holds its stage's progress row. */
    private String killDuringCompute() throws Exception {
        Process child = child("compute");
        String runId = awaitRun(child, "compute");
        try (Connection lock = storeConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement ps = lock.prepareStatement(
                    "SELECT rows_done FROM run_stage WHERE run_id = ? AND stage = 'compute' FOR UPDATE")) {
                ps.setString(1, runId);
                ps.executeQuery().close();
            }
            awaitLockWaiter(child, store.database());
            assertEquals("compute", value("SELECT stage FROM run WHERE run_id = ?", runId));
            kill(child);
            lock.rollback();
        }
        dead.add(runId);
        return runId;
    }

    /** Runs {@code compute} in a child and kills it as it publishes: its rows are written, the test holds the flip. */
    private String killDuringPublish() throws Exception {
        try (Connection lock = storeConnection()) {
            lock.setAutoCommit(false);
            holdCurrentRun(lock);
            Process child = child("compute");
            String runId = awaitRun(child, "publish");
            awaitLockWaiter(child, store.database());
            kill(child);
            lock.rollback();
            dead.add(runId);
            return runId;
        }
    }

    private static void holdCurrentRun(Connection lock) throws SQLException {
        try (Statement s = lock.createStatement()) {
            s.executeQuery("SELECT run_id FROM current_run WHERE id = 1 FOR UPDATE").close();
        }
    }

    /** An in-process {@code compute} whose store connections are terminated while it waits to publish. */
    private CliResult storeCutDuringPublish() throws Exception {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CompletableFuture<Integer> run = null;
            try (Connection lock = storeConnection()) {
                lock.setAutoCommit(false);
                holdCurrentRun(lock);
                run = CompletableFuture.supplyAsync(() -> OneStopCli.run(args("compute")));
                awaitRun(null, "publish");
                awaitLockWaiter(null, store.database());
                // The run's connections go first; our lock is released only once they are gone.
                store.terminateConnectionsExcept(lock);
            }
            assertTrue(run != null);
            return new CliResult(run.get(180, TimeUnit.SECONDS), "", err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            oldErr.print(err.toString(StandardCharsets.UTF_8));
        }
    }

    private Path damageALakeFile() throws IOException {
        Path damaged;
        try (Stream<Path> files = Files.walk(tmp.resolve("data/lake/case"))) {
            damaged = files.filter(p -> p.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(damaged);
        Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        return damaged;
    }

    private String[] args(String... command) {
        List<String> args = new ArrayList<>(List.of(
                "--set", "data.dir=" + tmp.resolve("data"),
                "--set", "store.url=" + store.url(),
                "--set", "store.user=postgres",
                "--set", "source.jdbc.url=" + vendor.url() + "?user=postgres",
                "--set", "runs.stale_after_seconds=" + STALE_SECONDS,
                "--set", "source.retry.attempts=1"));
        args.addAll(List.of(command));
        return args.toArray(String[]::new);
    }

    record CliResult(int code, String out, String err) {
    }

    private CliResult cli(String... command) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = OneStopCli.run(args(command));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        CliResult r = new CliResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        oldOut.print(r.out());
        oldErr.print(r.err());
        return r;
    }

    private static String publishedRunOf(CliResult r) {
        assertEquals(0, r.code(), r.err());
        return r.out().lines().filter(l -> l.startsWith("Published run ")).findFirst().orElseThrow()
                .split(" ")[2];
    }

    /** The command line in a JVM of its own, with the test's classpath, its output in a file. */
    private Process child(String... command) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty") || arg.startsWith("-Duser.timezone")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), OneStopCli.class.getName()));
        cmd.addAll(List.of(args(command)));
        Path log = tmp.resolve("child-" + children.size() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(p);
        return p;
    }

    private static void kill(Process child) throws InterruptedException {
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }

    /** The newest running run, other than the dead ones, once it is in {@code stage}. */
    private String awaitRun(Process child, String stage) throws Exception {
        long until = System.currentTimeMillis() + 900_000;
        while (System.currentTimeMillis() < until) {
            if (child != null && !child.isAlive()) {
                throw new AssertionError("the child ended (" + child.exitValue() + ") before " + stage + ":\n"
                        + childLog());
            }
            String id = value("SELECT run_id FROM run WHERE status = 'running' AND stage = ? "
                    + "ORDER BY started_at DESC, run_id DESC LIMIT 1", stage);
            if (id != null && !dead.contains(id)) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no run reached " + stage + ":\n" + childLog());
    }

    private void awaitLockWaiter(Process child, String database) throws Exception {
        long until = System.currentTimeMillis() + 900_000;
        while (System.currentTimeMillis() < until) {
            if (child != null && !child.isAlive()) {
                throw new AssertionError("the child ended before it waited on the lock:\n" + childLog());
            }
            try (Connection c = DriverManager.getConnection(ADMIN, "postgres", "");
                 PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity "
                         + "WHERE datname = ? AND wait_event_type = 'Lock'")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nothing waited on the lock:\n" + childLog());
    }

    private String childLog() {
        try {
            Path log = tmp.resolve("child-" + (children.size() - 1) + ".log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void assertServing(String runId) throws SQLException {
        assertEquals(runId, value("SELECT run_id FROM current_run WHERE id = 1"), "the published run");
    }

    private void assertAbandoned(String runId) throws SQLException {
        assertEquals("failed", value("SELECT status FROM run WHERE run_id = ?", runId), runId);
        assertTrue(value("SELECT message FROM run WHERE run_id = ?", runId).startsWith("Abandoned: the process "), runId);
        assertTrue(value("SELECT message_vi FROM run WHERE run_id = ?", runId).startsWith("Bị bỏ dở: tiến trình chạy "
                + "lần này"), runId);
        assertEquals(0, rows("SELECT (SELECT COUNT(*) FROM pub_value WHERE run_id = ?) + (SELECT COUNT(*) FROM "
                + "pub_period WHERE run_id = ?) + (SELECT COUNT(*) FROM pub_agency WHERE run_id = ?)", runId, runId, runId),
                runId + "'s partial rows are removed");
    }

    /** Dossiers received in the run's range, province-wide: columns (4) + (5) of form 06a. */
    private long publishedDossiers(String runId) throws SQLException {
        return rows("SELECT CAST(SUM(numerator) AS BIGINT) FROM pub_value WHERE run_id = ? AND scope_kind = 'province' "
                + "AND period_kind = 'range' AND indicator_id IN ('06a.4', '06a.5')", runId);
    }

    /** Ground truth from the source itself: its dossiers received (not only submitted) within the run's range. */
    private long vendorReceived(String runId) throws SQLException {
        LocalDate from = LocalDate.parse(value("SELECT period_from FROM run WHERE run_id = ?", runId));
        LocalDate to = LocalDate.parse(value("SELECT period_to FROM run WHERE run_id = ?", runId));
        try (Connection c = vendorConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM "
                + "motcua.hs_hoso WHERE ngay_tiep_nhan >= ? AND ngay_tiep_nhan < ?")) {
            ps.setObject(1, from.atStartOfDay());
            ps.setObject(2, to.plusDays(1).atStartOfDay());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long vendorDossiers() throws SQLException {
        try (Connection c = vendorConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM motcua.hs_hoso")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void assertLakeHoldsEachDossierOnce() throws SQLException {
        SparkSession spark = SparkSessions.get("local[2]", 8);
        // Through the lake's reader: a nightly ingest's rows are appended changes, merged on read (decision 81).
        Dataset<Row> cases = new vn.onestop.ingest.Lake(tmp.resolve("data/lake").toString()).read(spark, "case");
        long rows = cases.count();
        assertEquals(rows, cases.select("case_id").distinct().count(), "no dossier twice in the lake");
        assertEquals(vendorDossiers(), rows, "no dossier missing from the lake");
    }

    private Connection storeConnection() throws SQLException {
        return DriverManager.getConnection(store.url(), "postgres", "");
    }

    private Connection vendorConnection() throws SQLException {
        return DriverManager.getConnection(vendor.url(), "postgres", "");
    }

    private String value(String sql, Object... args) throws SQLException {
        try (Connection c = storeConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private long rows(String sql, Object... args) throws SQLException {
        String v = value(sql, args);
        return v == null ? 0 : Long.parseLong(v);
    }
}
