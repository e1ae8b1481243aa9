package vn.onestop.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V13 (decision 84) drops the key from {@code run_id} to {@code run} on the five bulk tables only, on both
 * stores, whatever each named it; the smaller published tables keep theirs, and every migration counts as applied.
 */
class BulkRowsForeignKeyTest {
    @TempDir
    Path tmp;

    private static final Map<String, Integer> EXPECTED = new TreeMap<>(Map.of("pub_value", 0, "pub_value_dim", 0,
            "pub_case_flag", 0, "pub_case_timeline", 0, "pub_case_register", 0, "pub_risk", 1, "pub_period", 1,
            "pub_agency_flag", 1, "current_run", 1));

    @Test
    void h2KeepsNoRunKeyOnTheBulkTables() throws Exception {
        try (Store store = TestDatabases.h2(tmp)) {
            assertEquals(EXPECTED, runKeys(store));
            assertEquals(java.util.List.of(), store.migrationsNotApplied());
        }
    }

    @Test
    void postgresKeepsNoRunKeyOnTheBulkTables() throws Exception {
        String name = TestDatabases.newName();
        try (Store store = TestDatabases.postgres(name)) {
            assertEquals(EXPECTED, runKeys(store));
            assertEquals(java.util.List.of(), store.migrationsNotApplied());
        } finally {
            TestDatabases.dropPostgres(name);
        }
    }

    private static Map<String, Integer> runKeys(Store store) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (Connection c = store.connection()) {
            boolean upper = c.getMetaData().storesUpperCaseIdentifiers();
            for (String table : EXPECTED.keySet()) {
                int n = 0;
                try (ResultSet rs = c.getMetaData().getImportedKeys(null, c.getSchema(),
                        upper ? table.toUpperCase(Locale.ROOT) : table)) {
                    while (rs.next()) {
                        n += "run".equalsIgnoreCase(rs.getString("PKTABLE_NAME")) ? 1 : 0;
                    }
                }
                out.put(table, n);
            }
        }
        return out;
    }
}
