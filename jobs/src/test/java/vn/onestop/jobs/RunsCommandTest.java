package vn.onestop.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.sample.GeneratorOptions;
import vn.onestop.sample.ProvinceGenerator;

/**
 * {@code runs list | show | cancel | prune} on PostgreSQL: a run cancelled while it computes ends as cancelled and the
 * previous run keeps serving; pruning keeps the newest published run and removes what dead runs left behind.
 */
class RunsCommandTest {
    @TempDir
    Path tmp;

    private TestStores store;

    @AfterEach
    void cleanUp() {
        if (store != null) {
            store.close();
        }
    }

    record Result(int code, String out, String err) {
    }

    private Result cli(String... command) {
        List<String> args = new ArrayList<>(List.of("--set", "data.dir=" + tmp.resolve("data"), "--set",
                "store.url=" + store.url(), "--set", "store.user=postgres"));
        args.addAll(List.of(command));
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = OneStopCli.run(args.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        Result r = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        oldOut.print(r.out());
        oldErr.print(r.err());
        return r;
    }

    private static String published(Result r) {
        assertEquals(0, r.code(), r.err());
        return r.out().lines().filter(l -> l.startsWith("Published run ")).findFirst().orElseThrow().split(" ")[2];
    }

    @Test
    void aRunCancelledWhileItComputesEndsCancelledAndPruningKeepsTheNewestRun() throws Exception {
        store = TestStores.postgres();
        Path province = tmp.resolve("province");
        ProvinceGenerator.generate(new GeneratorOptions(77, 150, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 29), 0),
                province);
        String first = published(cli("ingest", "--input", province.toString()));

        String cancelled;
        CompletableFuture<Result> compute = CompletableFuture.supplyAsync(() -> cli("compute"));
        try (Connection lock = connection()) {
            cancelled = awaitComputing();
            // Hold the run inside its compute stage (its next progress record waits) while it is cancelled.
            lock.setAutoCommit(false);
            try (PreparedStatement ps = lock.prepareStatement(
                    "SELECT rows_done FROM run_stage WHERE run_id = ? AND stage = 'compute' FOR UPDATE")) {
                ps.setString(1, cancelled);
                ps.executeQuery().close();
            }
            Result cancel = cli("runs", "cancel", cancelled);
            assertEquals(0, cancel.code(), cancel.err());
            assertEquals("Run " + cancelled + " will stop at its next check (between stages or batches) and end as "
                    + "cancelled; 'runs show " + cancelled + " --follow' shows when.\n", cancel.out());
            lock.rollback();
        }
        Result stopped = compute.get(300, TimeUnit.SECONDS);
        assertEquals(1, stopped.code());
        assertTrue(stopped.err().contains("error: Run " + cancelled + " was cancelled; the previously published run "
                + "keeps serving."), stopped.err());
        assertEquals(first, value("SELECT run_id FROM current_run"));
        assertEquals("cancelled", value("SELECT status FROM run WHERE run_id = ?", cancelled));
        assertEquals("Cancelled during compute; the previously published run keeps serving.",
                value("SELECT message FROM run WHERE run_id = ?", cancelled));
        assertEquals("0", value("SELECT COUNT(*) FROM pub_value WHERE run_id = ?", cancelled));

        Result show = cli("runs", "show", cancelled);
        assertTrue(show.out().startsWith("Run " + cancelled + "\n  status     cancelled\n  trigger    manual\n"), show.out());
        assertTrue(show.out().contains("  1. compute ["), show.out());
        assertEquals("Run " + cancelled + " is cancelled and cannot become cancelled: it has already ended.",
                cli("runs", "cancel", cancelled).err().strip().substring("error: ".length()));

        String newest = published(cli("compute"));
        Result list = cli("runs", "list");
        List<String> lines = list.out().lines().toList();
        assertTrue(lines.get(1).startsWith(newest + " ") && lines.get(1).contains(" succeeded* "), list.out());
        assertTrue(lines.get(2).startsWith(cancelled + " ") && lines.get(2).contains(" cancelled "), list.out());
        assertTrue(lines.get(3).startsWith(first + " ") && lines.get(3).contains(" succeeded "), list.out());

        // What dead runs left: a staging folder, a trash folder, a work folder; and an old quarantine history.
        Path lake = tmp.resolve("data/lake");
        Files.createDirectories(lake.resolve("_staging/20250101-020000-dead/case"));
        Files.createDirectories(lake.resolve("_trash/20250101-020000-dead/case"));
        Files.createDirectories(tmp.resolve("data/work/staging-20250101-020000-dead"));
        Files.createDirectories(lake.resolve("quarantine/ingest_run=20250101-020000-dead"));
        Result prune = cli("runs", "prune", "--keep", "1");
        assertEquals(0, prune.code(), prune.err());
        assertEquals("Kept the 1 newest published runs. Pruned 2 runs: " + first + ", " + cancelled + "; quarantine "
                + "history removed from the lake for 1 runs.\n", prune.out());
        assertEquals("0", value("SELECT COUNT(*) FROM pub_value WHERE run_id = ?", first));
        assertFalse("0".equals(value("SELECT COUNT(*) FROM pub_value WHERE run_id = ?", newest)));
        assertEquals(newest, value("SELECT run_id FROM current_run"));
        for (Path left : List.of(lake.resolve("_staging/20250101-020000-dead"), lake.resolve("_trash/20250101-020000-dead"),
                tmp.resolve("data/work/staging-20250101-020000-dead"),
                lake.resolve("quarantine/ingest_run=20250101-020000-dead"))) {
            assertFalse(Files.exists(left), left + " is removed");
        }
        assertEquals("retention", value("SELECT trigger_kind FROM run ORDER BY started_at DESC, run_id DESC LIMIT 1"));
    }

    private String awaitComputing() throws Exception {
        for (int i = 0; i < 3000; i++) {
            String id = value("SELECT run_id FROM run WHERE status = 'running' AND stage = 'compute'");
            if (id != null) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no run computed");
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(store.url(), "postgres", "");
    }

    private String value(String sql, Object... args) throws SQLException {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
