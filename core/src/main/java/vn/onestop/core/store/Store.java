package vn.onestop.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import vn.onestop.core.config.ConfigException;
import vn.onestop.core.config.OneStopConfig;

/**
 * The SQL store of published runs and application state: embedded H2 by default, PostgreSQL by one setting
 * ({@code store.url}); the same versioned migrations run on both at open.
 */
public final class Store implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean postgres;

    private Store(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
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
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/store")
                .load()
                .migrate();
        return new Store(ds, postgres);
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

    @Override
    public void close() {
        dataSource.close();
    }
}
