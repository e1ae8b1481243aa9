package vn.onestop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --jdbc-only}, the way the JDBC target is measured at 10,000,000 dossiers: generate, load the vendor
 * database, ingest it over JDBC and copy the same rows with COPY, and nothing else — no CSV ingest, compute, store or
 * dashboard. On a tiny province (one month, 2,000 dossiers) in databases of its own on the local PostgreSQL.
 */
class BenchJdbcOnlyTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final List<String> FIGURES = List.of("copy.rows_per_s", "extract.jdbc.cold.rows_per_s",
            "extract.jdbc.rows_per_s", "generate.seconds", "ingest.jdbc.rows_per_s", "memory.bench_driver.mb",
            "memory.generate.mb", "memory.ingest-jdbc.mb", "memory.vendor-load.mb", "ratio.jdbc_ingest_vs_copy",
            "ratio.jdbc_vs_copy", "vendor_load.seconds");

    private final String prefix = "onestop_bench_t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    @TempDir
    Path tmp;

    @AfterEach
    void dropDatabases() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + prefix + "_vendor WITH (FORCE)");
            s.execute("DROP DATABASE IF EXISTS " + prefix + "_store WITH (FORCE)");
        }
    }

    @Test
    void jdbcOnlyComparesTheJdbcReadWithCopyOfTheSameRowsAndComputesNothing() throws Exception {
        BenchRecord run = BenchRecord.tiny(tmp, "--jdbc-only", "--ingest-heap", "1g", "--databases", prefix,
                "--step-timeout-minutes", "15");

        String table = run.table();
        JsonNode record = run.json();
        Map<String, JsonNode> figures = run.figures();
        assertEquals(FIGURES, List.copyOf(figures.keySet()), table);
        // The extraction, the ingest and COPY read the same rows, or the run says so in its notes.
        assertEquals(0, record.get("notes").size(), table);
        JsonNode steps = record.get("steps");
        long copied = steps.get("copy").get("rows").asLong();
        assertTrue(copied > 2000, table);
        assertEquals(copied, steps.get("ingest-jdbc").get("extract_rows").asLong(), table);
        assertEquals(copied, steps.get("ingest-jdbc").get("rows_read").asLong(), table);
        assertTrue(figures.get("ratio.jdbc_vs_copy").get("value").asDouble() > 0, table);

        JsonNode settings = record.get("settings");
        assertTrue(settings.get("jdbc_only").asBoolean());
        assertTrue(settings.get("postgresql").asBoolean());
        assertFalse(steps.has("ingest-csv") || steps.has("compute") || steps.has("duckdb"), steps::toString);
        assertFalse(Files.exists(tmp.resolve("work/data/lake-csv")), "no CSV lake");
        assertTrue(Files.isDirectory(tmp.resolve("work/data/lake-jdbc")), "the JDBC lake");
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + prefix + "_store'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "no PostgreSQL store is created");
        }
        assertTrue(table.contains("JDBC extraction (steady) ÷ COPY throughput"), table);
    }
}
