package vn.onestop.jobs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.onestop.core.store.Store;

/** A fresh PostgreSQL database (127.0.0.1:5432, trust auth) or H2 file per test, dropped after it. */
final class TestStores implements AutoCloseable {
    private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String database;

    private TestStores(String database) {
        this.database = database;
    }

    static TestStores postgres() {
        String name = "onestop_runs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(ADMIN, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for this test: " + e.getMessage(), e);
        }
        return new TestStores(name);
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    String database() {
        return database;
    }

    Store open() {
        return Store.open(url(), "postgres", "", 4);
    }

    static Store h2(Path dir) {
        return Store.open(h2Url(dir), "onestop", "", 4);
    }

    static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("store") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    }

    /** Ends every connection other sessions hold to the database, as a restarted server would. */
    /**
     * Terminates every connection to this database but {@code keep}'s, and returns once they are gone: terminating
     * a lock's holder together with its waiters let a waiter take the lock and commit before its own termination
     * took effect (a flaky RunFaultsTest).
     */
    void terminateConnectionsExcept(Connection keep) {
        try (Connection c = DriverManager.getConnection(ADMIN, "postgres", ""); Statement s = c.createStatement()) {
            int kept;
            try (Statement k = keep.createStatement(); ResultSet rs = k.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                kept = rs.getInt(1);
            }
            List<Integer> terminated = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE datname = '" + database + "' AND pid <> pg_backend_pid() AND pid <> " + kept)) {
                while (rs.next()) {
                    terminated.add(rs.getInt(1));
                }
            }
            String pids = terminated.isEmpty() ? "0" : terminated.stream().map(String::valueOf)
                    .collect(Collectors.joining(","));
            for (int i = 0; i < 300; i++) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE pid IN (" + pids + ")")) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("Connections " + pids + " outlived their termination");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(ADMIN, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
