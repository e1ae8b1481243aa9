package vn.onestop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bench --compute-only}, the way the compute's targets are measured at 10,000,000 dossiers: generate, ingest
 * the CSV files, compute and compare with DuckDB (held to a memory budget) and with Spark held to DuckDB's work
 * (decision 90), in child JVMs on the throughput collector (decision 89), and nothing else — no store is written, no
 * dashboard served. On a tiny province (one month, 2,000 dossiers, five child JVMs): it also shows the benchmark runs
 * from a fresh clone's build in CI, where the whole benchmark ({@code BenchSmokeTest}) does not.
 */
class BenchComputeOnlyTest {
    private static final List<String> FIGURES = List.of("compute.duckdb.seconds", "compute.spark.seconds",
            "compute.spark_core.seconds", "generate.seconds", "ingest.csv.rows_per_s", "match.766.2.1",
            "match.766.3.3", "match.766.4.2", "match.R01.rate", "match.spark_core", "memory.bench_driver.mb",
            "memory.compute.mb", "memory.compute_only.mb", "memory.duckdb.mb", "memory.generate.mb",
            "memory.ingest-csv.mb", "memory.spark-core.mb", "ratio.spark_core_vs_duckdb", "ratio.spark_vs_duckdb");

    @TempDir
    Path tmp;

    @Test
    void computeOnlyMeasuresTheComputeAgainstDuckDbAndPublishesNothing() throws Exception {
        BenchRecord run = BenchRecord.tiny(tmp, "--compute-only", "--compute-heap", "1g", "--ingest-heap", "1g",
                "--duckdb-memory", "1GB", "--step-timeout-minutes", "15");

        String table = run.table();
        JsonNode record = run.json();
        Map<String, JsonNode> figures = run.figures();
        assertEquals(FIGURES, List.copyOf(figures.keySet()), table);
        for (String id : List.of("match.766.2.1", "match.766.3.3", "match.766.4.2", "match.R01.rate",
                "match.spark_core")) {
            assertEquals(0, figures.get(id).get("value").asDouble(), () -> id + "\n" + table);
        }
        assertTrue(figures.get("compute.spark.seconds").get("value").asDouble() > 0, table);

        JsonNode settings = record.get("settings");
        assertTrue(settings.get("compute_only").asBoolean());
        assertFalse(settings.get("postgresql").asBoolean());
        assertTrue(settings.get("jvm").get("compute").asText().contains("-XX:+UseParallelGC"), settings::toString);
        assertTrue(settings.get("jvm").get("duckdb").asText().contains("memory_limit 1GB"), settings::toString);
        JsonNode compute = record.get("steps").get("compute");
        for (String step : List.of("ingest-csv", "compute", "spark-core")) {
            String options = record.get("steps").get(step).get("jvm_options").toString();
            assertTrue(options.contains("\"-XX:+UseParallelGC\"") && options.contains("\"-Xmx1g\""),
                    () -> step + " ran with " + options);
        }
        assertFalse(compute.has("publish_h2_ms"), compute::toString);
        assertFalse(Files.exists(tmp.resolve("work/data/store")), "nothing is published");
        assertTrue(table.contains("Spark full compute ÷ DuckDB core indicators"), table);
        // The like-for-like Spark run computes the four indicators for months only, as DuckDB does.
        JsonNode core = record.get("steps").get("spark-core");
        assertEquals(record.get("steps").get("duckdb").get("rows").asInt(), core.get("rows").asInt(), core::toString);
    }

    @Test
    void theOnlyModesAreOneAtATime() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        CommandLine bench = new CommandLine(new BenchCommand());
        bench.setErr(new PrintWriter(errors, true, StandardCharsets.UTF_8));

        int exit = bench.execute("--compute-only", "--dashboard-only", "--work", tmp.resolve("work").toString(),
                "--out", tmp.resolve("out").toString());

        assertEquals(1, exit);
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("--dashboard-only, --compute-only and --jdbc-only"),
                errors::toString);
        errors.reset();
        assertEquals(1, bench.execute("--compute-only", "--jdbc-only", "--work", tmp.resolve("work").toString(),
                "--out", tmp.resolve("out").toString()));
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("give one"), errors::toString);
        errors.reset();
        assertEquals(1, bench.execute("--jdbc-only", "--no-postgres", "--work", tmp.resolve("work").toString(),
                "--out", tmp.resolve("out").toString()));
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("cannot go with --no-postgres"), errors::toString);
    }
}
