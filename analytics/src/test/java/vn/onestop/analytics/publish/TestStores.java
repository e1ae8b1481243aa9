package vn.onestop.analytics.publish;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import vn.onestop.core.store.Store;

/** A store of its own for one test, on the embedded H2 ("h2") or on a new PostgreSQL database ("postgresql"). */
final class TestStores implements AutoCloseable {
    private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";

    final Store store;
    private final String database;

    TestStores(String kind, Path tmp) {
        if (kind.equals("h2")) {
            database = null;
            store = Store.open("jdbc:h2:file:" + tmp.resolve("store") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH", "onestop", "", 2);
        } else {
            database = "onestop_pub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(PG_ADMIN, "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for this test: "
                        + e.getMessage(), e);
            }
            store = Store.open("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "", 2);
        }
    }

    @Override
    public void close() throws SQLException {
        store.close();
        if (database != null) {
            try (Connection c = DriverManager.getConnection(PG_ADMIN, "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
