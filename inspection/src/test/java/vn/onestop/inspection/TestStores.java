package vn.onestop.inspection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import vn.onestop.core.store.Store;

/**
 * Fresh stores for tests, as core's store tests make them: an H2 file in a temporary folder, or a new database on the
 * PostgreSQL at 127.0.0.1:5432 (trust auth) created for the test and dropped after it.
 */
public final class TestStores implements AutoCloseable {
    private static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final Store store;
    private final String pgName;

    private TestStores(Store store, String pgName) {
        this.store = store;
        this.pgName = pgName;
    }

    /** {@code h2} or {@code postgres}. */
    public static TestStores open(String kind, Path dir) {
        if (kind.equals("h2")) {
            return new TestStores(Store.open("jdbc:h2:file:" + dir.resolve("store") + ";MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "onestop", "", 4), null);
        }
        String name = "onestop_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for this test: " + e.getMessage(), e);
        }
        return new TestStores(Store.open("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "", 4), name);
    }

    public Store store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
        if (pgName != null) {
            try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + pgName + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
