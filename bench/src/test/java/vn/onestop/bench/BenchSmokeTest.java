package vn.onestop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark end to end on a tiny province (one month, 2,000 dossiers): every figure is there, DuckDB agrees with
 * Spark and the API answered every request. Nine child JVMs, four of them Spark: minutes, not seconds.
 * Not part of {@code mvn verify} until it has run green end to end: {@code -Dbench.smoke=true} runs it.
 */
@EnabledIfSystemProperty(named = "bench.smoke", matches = "true")
class BenchSmokeTest {
    private static final List<String> FIGURES = List.of("generate.seconds", "vendor_load.seconds",
            "ingest.csv.rows_per_s", "ingest.jdbc.rows_per_s", "extract.jdbc.cold.rows_per_s", "extract.jdbc.rows_per_s",
            "copy.rows_per_s",
            "ratio.jdbc_vs_copy", "ratio.jdbc_ingest_vs_copy", "compute.spark.seconds", "compute.duckdb.seconds",
            "ratio.spark_vs_duckdb", "match.766.2.1", "match.766.3.3", "match.766.4.2", "match.R01.rate",
            "compute.spark_core.seconds", "ratio.spark_core_vs_duckdb", "match.spark_core", "memory.spark-core.mb",
            "publish.h2.seconds", "publish.postgresql.seconds",
            "api.16.p50_ms", "api.16.p95_ms", "api.16.p99_ms", "api.16.requests_per_s", "api.16.errors",
            "api.64.p50_ms", "api.64.p95_ms", "api.64.p99_ms", "api.64.requests_per_s", "api.64.errors",
            "nightly.changes", "nightly.rows_read", "nightly.seconds", "full_run.seconds", "ratio.nightly_vs_full",
            "memory.generate.mb", "memory.vendor-load.mb", "memory.ingest-csv.mb", "memory.ingest-jdbc.mb",
            "memory.compute.mb", "memory.compute_only.mb", "memory.duckdb.mb", "memory.dashboard.mb",
            "memory.advance.mb", "memory.nightly.mb", "memory.bench_driver.mb");

    @TempDir
    Path tmp;

    @Test
    void aTinyBenchmarkMeasuresEveryFigureAndDuckDbAgreesWithSpark() throws Exception {
        BenchRecord run = BenchRecord.tiny(tmp, "--clients", "16,64", "--latency-seconds", "1", "--compute-heap", "1g",
                "--ingest-heap", "1g", "--step-timeout-minutes", "30", "--databases", "onestop_bench_smoke");

        String table = run.table();
        JsonNode record = run.json();
        Map<String, JsonNode> figures = run.figures();
        List<String> missing = new ArrayList<>(FIGURES);
        missing.removeAll(figures.keySet());
        assertEquals(List.of(), missing, table);
        figures.values().forEach(f -> assertTrue(f.get("value").isNumber() && f.get("value").asDouble() >= 0, f::toString));
        for (String id : List.of("match.766.2.1", "match.766.3.3", "match.766.4.2", "match.R01.rate",
            "match.spark_core", "api.16.errors", "api.64.errors")) {
            assertEquals(0, figures.get(id).get("value").asDouble(), () -> id + "\n" + table);
        }
        assertTrue(record.get("machine").get("cores").asInt() > 0);
        assertTrue(record.get("settings").get("jvm").get("dashboard").asText().contains("-Xmx160m"));
        assertTrue(table.contains("JDBC extraction (steady) ÷ COPY throughput"), table);
    }
}
