package vn.onestop.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs as a state machine, the one-run slot with its heartbeat, and retention, on H2 and PostgreSQL alike. */
class RunStateMachineTest {
    private static final Duration STALE = Duration.ofSeconds(5);

    @TempDir
    Path tmp;

    private String pgName;
    private Store store;

    private Store open(String kind) {
        if (kind.equals("h2")) {
            store = TestDatabases.h2(tmp);
        } else {
            pgName = TestDatabases.newName();
            store = TestDatabases.postgres(pgName);
        }
        return store;
    }

    @AfterEach
    void cleanUp() {
        if (store != null) {
            store.close();
        }
        if (pgName != null) {
            TestDatabases.dropPostgres(pgName);
        }
    }

    private void sql(String statement, Object... args) throws SQLException {
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private long count(String query, Object... args) throws SQLException {
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** One row in pub_value, pub_reconciliation and pub_reconciliation_agency, and one quarantined row. */
    private void rowsOf(String runId) throws SQLException {
        sql("INSERT INTO pub_value (run_id, scope_code, scope_kind, period_kind, period_start, period_end, indicator_id, "
                + "numerator, denominator, value_pct) VALUES (?, 'A1', 'agency', 'month', DATE '2024-02-01', "
                + "DATE '2024-02-29', '766.2.1', 4, 6, 66.67)", runId);
        sql("INSERT INTO pub_reconciliation (run_id, case_id, agency_code, difference) VALUES (?, 'HS-1', 'A1', 'STATUS')",
                runId);
        sql("INSERT INTO pub_reconciliation_agency (run_id, agency_code, province_cases, portal_cases, missing_on_portal, "
                + "only_on_portal, status_differs, dates_differ, channel_differs, payment_differs) "
                + "VALUES (?, 'A1', 1, 1, 0, 0, 1, 0, 0, 0)", runId);
        sql("INSERT INTO run_quarantine (run_id, record_type, location, reason) VALUES (?, 'case', 'case.csv:2', "
                + "'MISSING_CASE_ID')", runId);
    }

    private long publishedRows(String runId) throws SQLException {
        return count("SELECT (SELECT COUNT(*) FROM pub_value WHERE run_id = ?) + (SELECT COUNT(*) FROM "
                + "pub_reconciliation WHERE run_id = ?) + (SELECT COUNT(*) FROM pub_reconciliation_agency WHERE run_id = ?)",
                runId, runId, runId);
    }

    private void publish(String runId) throws SQLException {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            RunLog.publish(c, runId, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), "dvcqg-2025", "t", null);
            c.commit();
        }
    }

    @Test
    void theStateMachineAllowsExactlyTheseTransitions() {
        assertEquals(Set.of(RunState.RUNNING, RunState.FAILED, RunState.CANCELLED), RunState.QUEUED.next());
        assertEquals(Set.of(RunState.SUCCEEDED, RunState.FAILED, RunState.CANCELLED), RunState.RUNNING.next());
        for (RunState end : List.of(RunState.SUCCEEDED, RunState.FAILED, RunState.CANCELLED)) {
            assertTrue(end.isFinal() && end.next().isEmpty(), end + " is final");
        }
        assertFalse(RunState.QUEUED.mayBecome(RunState.SUCCEEDED), "a run is never published without running");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void transitionsAreRecordedAndIllegalOnesRefusedWithTheStateTheRunIsIn(String kind) throws SQLException {
        Store s = open(kind);
        RunLog.queue(s, "q1", "scheduled");
        assertEquals(RunState.CANCELLED, RunLog.requestCancel(s, "q1"), "a queued run is cancelled at once");
        var refused = assertThrows(IllegalRunTransitionException.class, () -> RunLog.fail(s, "q1", "late"));
        assertEquals("Run q1 is cancelled and cannot become failed: it has already ended.", refused.getMessage());

        RunLog.start(s, "r1", "manual");
        publish("r1");
        assertEquals("succeeded", RunLog.status(s, "r1"));
        assertEquals("Run r1 is succeeded and cannot become cancelled: it has already ended.",
                assertThrows(IllegalRunTransitionException.class, () -> RunLog.requestCancel(s, "r1")).getMessage());
        assertThrows(IllegalRunTransitionException.class, () -> RunLog.fail(s, "r1", "too late"));
        assertEquals(Optional.of("r1"), RunLog.currentRunId(s));

        RunLog.queue(s, "q2", "scheduled");
        var notRunning = assertThrows(IllegalRunTransitionException.class, () -> publish("q2"));
        assertEquals("Run q2 is queued and cannot become succeeded (from queued a run may become cancelled, failed, "
                + "running).", notRunning.getMessage());

        RunLog.start(s, "r2", "manual");
        rowsOf("r2");
        assertFalse(RunLog.cancelRequested(s, "r2"));
        assertEquals(RunState.RUNNING, RunLog.requestCancel(s, "r2"), "a running run stops at its next check");
        assertTrue(RunLog.cancelRequested(s, "r2"));
        RunLog.cancelled(s, "r2", "Cancelled during compute.");
        assertEquals("cancelled", RunLog.status(s, "r2"));
        assertEquals(0, publishedRows("r2"), "a cancelled run's partial rows are removed");
        assertThrows(IllegalRunTransitionException.class, () -> publish("r2"));
        assertEquals(Optional.of("r1"), RunLog.currentRunId(s), "the last good run keeps serving");
        assertEquals("There is no run nope. 'runs list' shows the runs.",
                assertThrows(IllegalArgumentException.class, () -> RunLog.requestCancel(s, "nope")).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aFailedRunLosesItsRowsInEveryPublishedTableTheReconciliationToo(String kind) throws SQLException {
        Store s = open(kind);
        RunLog.start(s, "r1", "manual");
        rowsOf("r1");
        publish("r1");
        RunLog.start(s, "r2", "manual");
        rowsOf("r2");
        RunLog.fail(s, "r2", "Source motcua is unreachable");
        assertEquals(0, publishedRows("r2"));
        assertEquals(3, publishedRows("r1"));
        assertEquals(1, count("SELECT COUNT(*) FROM run_quarantine WHERE run_id = 'r2'"),
                "what a failed run read and quarantined stays visible");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void stagesAndProgressAreRecordedInOrder(String kind) throws SQLException {
        Store s = open(kind);
        RunLog.start(s, "r1", "manual");
        RunLog.enterStage(s, "r1", "ingest");
        RunLog.progress(s, "r1", "ingest", "motcua hs_hoso loaded", 600, null);
        RunLog.enterStage(s, "r1", "compute");
        RunLog.progress(s, "r1", "compute", "counts", 3, 5L);
        RunRecord run = RunRecord.find(s, "r1").orElseThrow();
        assertEquals("compute", run.stage());
        assertEquals(2, run.stages().size());
        RunStage ingest = run.stages().get(0);
        assertEquals(List.of("ingest", 1, "motcua hs_hoso loaded", 600L, true),
                List.of(ingest.stage(), ingest.seq(), ingest.step(), ingest.rowsDone(), ingest.finished()));
        assertNull(ingest.rowsTotal());
        RunStage compute = run.stages().get(1);
        assertEquals(List.of("compute", 2, "counts", 3L, 5L, false, 60),
                List.of(compute.stage(), compute.seq(), compute.step(), compute.rowsDone(), compute.rowsTotal(),
                        compute.finished(), compute.percent().orElseThrow()));
        publish("r1");
        assertTrue(RunRecord.find(s, "r1").orElseThrow().stages().stream().allMatch(RunStage::finished));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aSecondRunFailsFastNamingTheRunningOneAndLeavesNoRecord(String kind) throws SQLException {
        Store s = open(kind);
        try (RunSlot first = RunSlot.take(s, "r1", "manual", STALE)) {
            RunLog.enterStage(s, "r1", "compute");
            var busy = assertThrows(RunInProgressException.class, () -> RunSlot.take(s, "r2", "manual", STALE));
            assertEquals("r1", busy.runningRunId());
            assertTrue(busy.getMessage().startsWith("Run r1 (manual, started "), busy.getMessage());
            assertTrue(busy.getMessage().endsWith(", stage compute) is in progress on " + RunSlot.OWNER + ". Wait for it "
                    + "to end ('runs show r1'), or stop it with 'runs cancel r1'."), busy.getMessage());
            assertNull(RunLog.status(s, "r2"), "a refused run leaves no record");
            publish("r1");
        }
        try (RunSlot second = RunSlot.take(s, "r2", "manual", STALE)) {
            assertEquals("running", RunLog.status(s, "r2"), "an ended run frees the slot");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRunWhoseProcessDiedIsRecordedAsFailedByTheNextRunOnceItsHeartbeatIsStale(String kind) throws Exception {
        Store s = open(kind);
        RunLog.start(s, "r1", "manual");
        rowsOf("r1");
        publish("r1");
        RunLog.start(s, "dead", "scheduled");
        rowsOf("dead");
        sql("UPDATE run SET heartbeat_at = ? WHERE run_id = 'dead'", LocalDateTime.now(RunLog.ZONE).minusSeconds(3));
        assertThrows(RunInProgressException.class, () -> RunSlot.take(s, "r2", "manual", STALE),
                "3 s without a heartbeat is not yet stale");
        sql("UPDATE run SET heartbeat_at = ? WHERE run_id = 'dead'", LocalDateTime.now(RunLog.ZONE).minusSeconds(6));
        try (RunSlot slot = RunSlot.take(s, "r2", "manual", STALE)) {
            RunRecord dead = RunRecord.find(s, "dead").orElseThrow();
            assertEquals(RunState.FAILED, dead.state());
            assertTrue(dead.message().startsWith("Abandoned: the process running it (" + RunSlot.OWNER + ") stopped "
                    + "without finishing (killed, crashed or restarted); no sign of life since "), dead.message());
            assertEquals(0, publishedRows("dead"));
            assertEquals(3, publishedRows("r1"));
            assertEquals(Optional.of("r1"), RunLog.currentRunId(s));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aLiveRunKeepsTheSlotPastTheStaleTimeBecauseItsHeartbeatRuns(String kind) throws Exception {
        Store s = open(kind);
        try (RunSlot slot = RunSlot.take(s, "r1", "manual", Duration.ofMillis(1000))) {
            Thread.sleep(1600);
            assertThrows(RunInProgressException.class, () -> RunSlot.take(s, "r2", "manual", Duration.ofMillis(1000)));
            assertEquals("running", RunLog.status(s, "r1"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aQueuedRunWaitsForTheSlotAndCanBeCancelledWhileItWaits(String kind) throws Exception {
        Store s = open(kind);
        Duration poll = Duration.ofMillis(100);
        try (RunSlot first = RunSlot.take(s, "r1", "manual", STALE)) {
            CompletableFuture<RunSlot> cancelled = CompletableFuture.supplyAsync(() -> waitFor(s, "q1", poll));
            CompletableFuture<RunSlot> waiting = CompletableFuture.supplyAsync(() -> waitFor(s, "q2", poll));
            awaitStatus(s, "q1", "queued");
            awaitStatus(s, "q2", "queued");
            assertEquals(RunState.CANCELLED, RunLog.requestCancel(s, "q1"));
            var e = assertThrows(ExecutionException.class, () -> cancelled.get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof RunCancelledException, e.toString());
            assertFalse(waiting.isDone());
            publish("r1");
            try (RunSlot second = waiting.get(5, TimeUnit.SECONDS)) {
                assertEquals("running", RunLog.status(s, "q2"));
            }
        }
    }

    private static RunSlot waitFor(Store s, String runId, Duration poll) {
        try {
            return RunSlot.waitFor(s, runId, "scheduled", STALE, poll);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitStatus(Store s, String runId, String status) throws InterruptedException {
        for (int i = 0; i < 100 && !status.equals(RunLog.status(s, runId)); i++) {
            Thread.sleep(50);
        }
        assertEquals(status, RunLog.status(s, runId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void pruningKeepsTheNewestPublishedRunsTheCurrentOneAndWhatCameAfterThem(String kind) throws SQLException {
        Store s = open(kind);
        Map<String, Boolean> runs = new java.util.LinkedHashMap<>();
        runs.put("p1", true);
        runs.put("f1", false);
        runs.put("p2", true);
        runs.put("p3", true);
        runs.put("f2", false);
        runs.put("p4", true);
        int minute = 0;
        for (var run : runs.entrySet()) {
            RunLog.start(s, run.getKey(), "scheduled");
            sql("UPDATE run SET started_at = ? WHERE run_id = ?", LocalDateTime.of(2026, 1, 1, 2, minute++), run.getKey());
            rowsOf(run.getKey());
            if (run.getValue()) {
                publish(run.getKey());
            } else {
                RunLog.fail(s, run.getKey(), "source down");
            }
        }
        RunRetention.Pruned pruned = RunRetention.prune(s, 2);
        assertEquals(List.of("p1", "f1", "p2"), pruned.prunedRunIds());
        assertEquals("p3", pruned.oldestKept());
        for (String id : List.of("p1", "f1", "p2")) {
            assertEquals(0, publishedRows(id), id);
            assertEquals(0, count("SELECT COUNT(*) FROM run_quarantine WHERE run_id = ?", id), id);
            assertTrue(RunRecord.find(s, id).orElseThrow().prunedAt() != null, id + " is marked pruned, not forgotten");
        }
        assertEquals(3, publishedRows("p3"));
        assertEquals(1, count("SELECT COUNT(*) FROM run_quarantine WHERE run_id = 'f2'"), "newer than the kept runs");
        assertEquals(List.of(), RunRetention.prune(s, 2).prunedRunIds(), "pruning twice changes nothing");

        assertEquals(List.of("p3", "f2"), RunRetention.prune(s, 1).prunedRunIds());
        assertEquals(3, publishedRows("p4"), "the current run always stays");
        assertEquals(Optional.of("p4"), RunLog.currentRunId(s));
        assertThrows(IllegalArgumentException.class, () -> RunRetention.prune(s, 0));
    }
}
