package vn.onestop.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V14 (decision 92): a run published before it keeps what each rule flags — R12 procedure-months, every
 * other rule dossiers — on both stores.
 */
class RuleFlagsMigrationTest {
    @TempDir
    Path tmp;

    @Test
    void h2RunsPublishedBeforeTheColumnKeepWhatTheirRulesFlag() throws Exception {
        String url = "jdbc:h2:file:" + tmp.resolve("store") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH";
        assertEquals(Map.of("R01", "dossiers", "R10", "dossiers", "R12", "procedure_months"),
                migratedFromV13(url, "onestop", ""));
    }

    @Test
    void postgresRunsPublishedBeforeTheColumnKeepWhatTheirRulesFlag() throws Exception {
        String name = TestDatabases.newName();
        try (Connection c = DriverManager.getConnection(TestDatabases.PG_ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        try {
            assertEquals(Map.of("R01", "dossiers", "R10", "dossiers", "R12", "procedure_months"),
                    migratedFromV13("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", ""));
        } finally {
            TestDatabases.dropPostgres(name);
        }
    }

    /** Rules published on a store at V13, then what {@code pub_rule.flags} says once the store is opened. */
    private static Map<String, String> migratedFromV13(String url, String user, String password) throws Exception {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/store")
                .javaMigrations(new V13__Bulk_published_rows_without_run_foreign_key()).target("13").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("INSERT INTO run (run_id, trigger_kind, status, started_at) "
                    + "VALUES ('r1', 'manual', 'succeeded', TIMESTAMP '2026-11-01 02:00:00')");
            for (String rule : new String[] {"R01", "R10", "R12"}) {
                s.execute("INSERT INTO pub_rule (run_id, rule_id, name_vi, name_en) VALUES ('r1', '" + rule + "', "
                        + "'tên', 'name')");
            }
        }
        Map<String, String> flags = new LinkedHashMap<>();
        try (Store store = Store.open(url, user, password, 2); Connection c = store.connection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT rule_id, flags FROM pub_rule ORDER BY rule_id")) {
            assertEquals(java.util.List.of(), store.migrationsNotApplied());
            while (rs.next()) {
                flags.put(rs.getString(1), rs.getString(2));
            }
        }
        return flags;
    }
}
