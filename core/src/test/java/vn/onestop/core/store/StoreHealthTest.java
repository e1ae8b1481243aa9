package vn.onestop.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the dashboard's readiness and metrics ask the store: are its migrations applied, how busy is its pool. */
class StoreHealthTest {
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

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aStoreJustOpenedHasEveryMigrationAndALostOneIsNamed(String kind) throws SQLException {
        Store s = open(kind);
        assertEquals(List.of(), s.migrationsNotApplied());
        String last;
        try (Connection c = s.connection(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE installed_rank = "
                    + "(SELECT MAX(installed_rank) FROM flyway_schema_history)");
            rs.next();
            last = rs.getString(1);
            st.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '" + last + "'");
        }
        List<String> missing = s.migrationsNotApplied();
        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("V" + last + " ") && missing.get(0).endsWith("(Pending)"), missing.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void poolStatsCountTheConnectionsInUse(String kind) throws SQLException {
        Store s = open(kind);
        try (Connection held = s.connection()) {
            Store.PoolStats stats = s.poolStats();
            assertEquals(1, stats.active());
            assertEquals(4, stats.max());
            assertEquals(0, stats.waiting());
            assertEquals(stats.total(), stats.active() + stats.idle());
        }
        assertEquals(0, s.poolStats().active());
    }
}
