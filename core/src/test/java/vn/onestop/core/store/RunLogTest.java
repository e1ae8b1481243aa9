package vn.onestop.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same migrations and the same SQL on the embedded H2 store and on PostgreSQL. */
class RunLogTest {
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

    private static void insertValue(Store store, String runId) throws SQLException {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO pub_value (run_id, scope_code, scope_kind, "
                     + "period_kind, period_start, period_end, indicator_id, numerator, denominator, value_pct) "
                     + "VALUES (?, 'A1', 'agency', 'month', DATE '2024-02-01', DATE '2024-02-29', '766.2.1', 4, 6, 66.67)")) {
            ps.setString(1, runId);
            ps.executeUpdate();
        }
    }

    private static int values(Store store, String runId) throws SQLException {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pub_value WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void publish(Store store, String runId) throws SQLException {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            RunLog.publish(c, runId, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), "dvcqg-2025", "t", null);
            c.commit();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void publishingMakesARunCurrentAndAFailedRunLeavesThePreviousOneServing(String kind) throws SQLException {
        Store s = open(kind);
        assertEquals(Optional.empty(), RunLog.currentRunId(s), "a new store serves nothing");

        RunLog.start(s, "run-1", "manual");
        insertValue(s, "run-1");
        publish(s, "run-1");
        assertEquals(Optional.of("run-1"), RunLog.currentRunId(s));
        assertEquals("succeeded", RunLog.status(s, "run-1"));

        RunLog.start(s, "run-2", "scheduled");
        insertValue(s, "run-2");
        RunLog.fail(s, "run-2", "PostgreSQL source unreachable");
        assertEquals(Optional.of("run-1"), RunLog.currentRunId(s), "the last good run keeps serving");
        assertEquals("failed", RunLog.status(s, "run-2"));
        assertEquals(0, values(s, "run-2"), "a failed run's partial rows are removed");
        assertEquals(1, values(s, "run-1"));

        RunLog.start(s, "run-3", "scheduled");
        publish(s, "run-3");
        assertEquals(Optional.of("run-3"), RunLog.currentRunId(s));

        // A run's message is kept in English and in Vietnamese; one recorded in English only has no Vietnamese.
        RunLog.start(s, "run-4", "manual");
        try (Connection c = s.connection()) {
            c.setAutoCommit(false);
            RunLog.publish(c, "run-4", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), "dvcqg-2025", "t",
                    RunMessage.of("full run (no published run to build on)", "Lần chạy đầy đủ (chưa có lần chạy)"));
            c.commit();
        }
        RunRecord published = RunRecord.find(s, "run-4").orElseThrow();
        assertEquals("full run (no published run to build on)", published.message());
        assertEquals("Lần chạy đầy đủ (chưa có lần chạy)", published.messageVi());
        RunRecord failed = RunRecord.find(s, "run-2").orElseThrow();
        assertEquals("PostgreSQL source unreachable", failed.message());
        assertEquals(null, failed.messageVi());
        assertEquals("PostgreSQL source unreachable", RunMessage.pick(failed.message(), failed.messageVi(), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void reopeningAStoreKeepsItsDataAndMigrationsRunOnce(String kind) throws SQLException {
        Store s = open(kind);
        RunLog.start(s, "run-1", "manual");
        publish(s, "run-1");
        if (kind.equals("h2")) {
            s.close();
            store = TestDatabases.h2(tmp);
        } else {
            s.close();
            store = Store.open("jdbc:postgresql://127.0.0.1:5432/" + pgName, "postgres", "", 2);
        }
        assertEquals(Optional.of("run-1"), RunLog.currentRunId(store));
        assertTrue(store.isPostgres() == kind.equals("postgres"));
    }
}
