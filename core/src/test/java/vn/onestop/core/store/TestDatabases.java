package vn.onestop.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh stores for tests: an H2 file in a temporary folder, or a new database on the PostgreSQL at
 * 127.0.0.1:5432 (trust auth), created per test and dropped after, so no test depends on another's state.
 */
final class TestDatabases {
    static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private TestDatabases() {
    }

    static Store h2(Path dir) {
        return Store.open("jdbc:h2:file:" + dir.resolve("store") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH", "onestop", "", 4);
    }

    /** A store on a new PostgreSQL database; {@link #dropPostgres} removes it. */
    static Store postgres(String name) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for this test: " + e.getMessage(), e);
        }
        return Store.open("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "", 4);
    }

    static void dropPostgres(String name) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String newName() {
        return "onestop_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
