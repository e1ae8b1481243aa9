package vn.onestop.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import vn.onestop.core.config.ConfigException;
import vn.onestop.core.config.OneStopConfig;

/**
 * The SQL store of published runs and application state: embedded H2 by default, PostgreSQL by one setting
 * ({@code store.url}); the same versioned migrations run on both at open.
 */
public final class Store implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean postgres;
    /** Version → description of every migration this program ships, resolved once at open. */
    private final Map<String, String> shipped;

    private final String url;

    private Store(HikariDataSource dataSource, boolean postgres, Map<String, String> shipped, String url) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.shipped = shipped;
        this.url = url;
    }

    public static Store open(OneStopConfig config) {
        return open(config.storeUrl(), config.string("store.user"), config.string("store.password"),
                config.integer("store.pool_size"));
    }

    public static Store open(String url, String user, String password, int poolSize) {
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (!postgres && !url.startsWith("jdbc:h2:")) {
            throw new ConfigException("store.url = '" + url + "' is neither H2 (jdbc:h2:…) nor PostgreSQL "
                    + "(jdbc:postgresql://host:5432/db). Set store.url to one of these.");
        }
        if (url.startsWith("jdbc:h2:file:")) {
            createParentFolder(url.substring("jdbc:h2:file:".length()));
            url = withoutCompactionOnClose(url);
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setPoolName("store");
        hc.setInitializationFailTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new ConfigException("Cannot connect to the store at store.url = " + url + ": "
                    + rootMessage(e) + ". Check store.url, store.user and store.password, and that the database runs.");
        }
        Flyway flyway = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/store")
                .javaMigrations(new V13__Bulk_published_rows_without_run_foreign_key())
                .load();
        flyway.migrate();
        Map<String, String> shipped = new LinkedHashMap<>();
        for (MigrationInfo m : flyway.info().all()) {
            if (m.getVersion() != null && m.getState().isResolved()) {
                shipped.put(m.getVersion().getVersion(), m.getDescription());
            }
        }
        return new Store(ds, postgres, Collections.unmodifiableMap(shipped), url);
    }

    /**
     * H2 2.3.232 compacts the file when the database closes, and that compaction can fail half-way
     * (RandomAccessStore.moveChunkInside, h2database issues 4086 and 4247): the file then reopens without its latest
     * commits. Here it lost Flyway's history rows but kept the tables they describe, and the next open failed on
     * "Duplicate column" (decision 82). Without the compaction on close the file is not shrunk when the store closes;
     * the space of deleted rows (pruned runs) is reused while the store runs. A URL that sets MAX_COMPACT_TIME keeps
     * its own value.
     */
    static String withoutCompactionOnClose(String url) {
        return url.toUpperCase(java.util.Locale.ROOT).contains(";MAX_COMPACT_TIME=") ? url : url + ";MAX_COMPACT_TIME=0";
    }

    private static void createParentFolder(String h2Path) {
        String file = h2Path.split(";", 2)[0];
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new ConfigException("Cannot create the store folder " + parent + " (store.url): " + e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public boolean isPostgres() {
        return postgres;
    }

    /**
     * Migrations this program ships that the store has not applied successfully, as {@code V4 description (Pending)}
     * or {@code (Failed)}; empty when the schema is the one the program expects. One query on Flyway's history table
     * (asking Flyway itself rescans the classpath: 130 ms, too slow for a readiness probe).
     */
    public List<String> migrationsNotApplied() {
        Map<String, Boolean> applied = new HashMap<>();
        try (Connection c = connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT version, success FROM \"flyway_schema_history\" WHERE version IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                applied.merge(rs.getString(1), rs.getBoolean(2), Boolean::logicalOr);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the store's migration history", e);
        }
        List<String> missing = new ArrayList<>();
        shipped.forEach((version, description) -> {
            if (!Boolean.TRUE.equals(applied.get(version))) {
                missing.add("V" + version + " " + description + (applied.containsKey(version) ? " (Failed)" : " (Pending)"));
            }
        });
        return missing;
    }

    /** Connections of the pool right now, for monitoring. */
    public record PoolStats(int active, int idle, int total, int waiting, int max) {
    }

    public PoolStats poolStats() {
        var pool = dataSource.getHikariPoolMXBean();
        return pool == null ? new PoolStats(0, 0, 0, 0, dataSource.getMaximumPoolSize())
                : new PoolStats(pool.getActiveConnections(), pool.getIdleConnections(), pool.getTotalConnections(),
                        pool.getThreadsAwaitingConnection(), dataSource.getMaximumPoolSize());
    }

    /** The store as a message names it: kind and location, without parameters (they may hold a password). */
    public String describe() {
        return postgres ? "PostgreSQL store " + url.split("\\?", 2)[0]
                : "embedded H2 store " + url.split(";", 2)[0].replaceFirst("^jdbc:h2:(file:)?", "");
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
