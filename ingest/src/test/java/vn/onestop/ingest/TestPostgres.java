package vn.onestop.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import vn.onestop.core.store.Store;

/**
 * A fresh database on the PostgreSQL at 127.0.0.1:5432 (trust auth) for one test, dropped after it: the vendor's
 * schema {@code motcua} and the store's tables live side by side in it.
 */
public final class TestPostgres implements AutoCloseable {
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String name;
    private Store store;

    public TestPostgres() {
        name = "onestop_src_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for this test: " + e.getMessage(), e);
        }
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:5432/" + name + "?reWriteBatchedInserts=true";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    /** The store (watermarks, runs) in this database, migrated on first use. */
    public synchronized Store store() {
        if (store == null) {
            store = Store.open("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "", 2);
        }
        return store;
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
