package vn.onestop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import vn.onestop.analytics.ComputeJob;
import vn.onestop.analytics.IndicatorSettings;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.model.IndicatorValue;
import vn.onestop.analytics.model.Models;
import vn.onestop.analytics.period.PeriodKind;
import vn.onestop.core.calendar.WorkingCalendar;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.RunProgress;
import vn.onestop.core.store.SourceWatermarks;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.auth.UserAccounts;
import vn.onestop.ingest.ConfiguredSources;
import vn.onestop.ingest.FolderIngest;
import vn.onestop.ingest.IngestReport;
import vn.onestop.ingest.InputCount;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.SourceRetry;
import vn.onestop.ingest.SparkSessions;
import vn.onestop.ingest.jdbc.JdbcSource;
import vn.onestop.ingest.jdbc.SourceMapping;
import vn.onestop.sample.GeneratorOptions;
import vn.onestop.sample.ProvinceGenerator;
import vn.onestop.sample.vendor.VendorActivity;
import vn.onestop.sample.vendor.VendorDatabase;

/**
 * One measured step of the benchmark, run in a child JVM of its own so that its peak memory (VmHWM) is its own:
 * {@code java … BenchStep <step> <result.json> key=value …}. Keys starting with {@code onestop.} are configuration
 * keys of the product (data.dir, lake.uri, store.url, …). The step writes its timings and counts to the result file.
 */
public final class BenchStep {
    private final Map<String, String> params;
    private final Map<String, Object> result = new LinkedHashMap<>();

    private BenchStep(Map<String, String> params) {
        this.params = params;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            params.put(kv[0], kv[1]);
        }
        BenchStep step = new BenchStep(params);
        step.result.put("step", args[0]);
        switch (args[0]) {
            case "generate" -> step.generate();
            case "vendor-load" -> step.vendorLoad();
            case "ingest-csv" -> step.ingestCsv();
            case "ingest-jdbc" -> step.ingestJdbc();
            case "compute" -> step.compute();
            case "duckdb" -> step.duckdb();
            case "spark-core" -> step.sparkCore();
            case "advance" -> step.advance();
            case "nightly" -> step.nightly();
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
        step.result.put("vm_hwm_kb", ProcessMemory.selfPeakKb());
        // What this JVM actually ran with (heap, collector), not what the driver meant to give it.
        step.result.put("jvm_options", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .stream().filter(o -> o.startsWith("-X")).toList());
        Results.write(Path.of(args[1]), step.result);
        // Spark and the store pool leave non-daemon threads behind: the step is done.
        System.exit(0);
    }

    private String param(String key) {
        String v = params.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing parameter " + key);
        }
        return v;
    }

    private OneStopConfig config() {
        Map<String, String> overrides = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("onestop.")) {
                overrides.put(k.substring("onestop.".length()), v);
            }
        });
        return OneStopConfig.load(null, overrides);
    }

    /** The runs' clock: fixed after the data end (and the simulated day), so that every run sees the same data. */
    private LocalDateTime now() {
        return LocalDateTime.parse(param("now"));
    }

    private void generate() {
        GeneratorOptions options = new GeneratorOptions(Long.parseLong(param("seed")), Long.parseLong(param("cases")),
                LocalDate.parse(param("from")), LocalDate.parse(param("to")), 0);
        long t = System.nanoTime();
        var summary = ProvinceGenerator.generate(options, Path.of(param("out")));
        result.put("ms", ms(t));
        result.put("rows", summary.rowsPerFile());
    }

    private void vendorLoad() throws Exception {
        long t = System.nanoTime();
        try (Connection c = DriverManager.getConnection(param("url"))) {
            VendorDatabase.createSchema(c);
            var summary = VendorDatabase.load(c, Path.of(param("dir")), LocalDate.parse(param("to")).atTime(23, 59, 59));
            result.put("rows", summary.rows());
        }
        result.put("ms", ms(t));
    }

    private SparkSession spark(OneStopConfig config) {
        long t = System.nanoTime();
        SparkSession spark = SparkSessions.get(config.string("spark.master"), config.integer("spark.shuffle_partitions"));
        result.put("spark_start_ms", ms(t));
        return spark;
    }

    private void ingestCsv() throws Exception {
        OneStopConfig config = config();
        SparkSession spark = spark(config);
        Lake lake = new Lake(config.lakeUri());
        Path work = Files.createDirectories(config.dataDir().resolve("work"));
        long t = System.nanoTime();
        IngestReport report = new FolderIngest(spark, lake, now()).run(Path.of(param("dir")), work, RunLog.newRunId());
        result.put("ms", ms(t));
        result.put("rows_read", report.totalRead());
        result.put("rows_accepted", report.totalAccepted());
        result.put("rows_quarantined", report.totalQuarantined());
    }

    private void ingestJdbc() throws Exception {
        OneStopConfig config = config();
        SparkSession spark = spark(config);
        try (Store store = Store.open(config)) {
            Lake lake = new Lake(config.lakeUri());
            Path work = Files.createDirectories(config.dataDir().resolve("work"));
            if (params.containsKey("feedback")) {
                // Feedback (PAKN) lives in another system than the one-stop database: a drop, as in the demo.
                long t = System.nanoTime();
                new FolderIngest(spark, lake, now()).run(Path.of(param("feedback")), work, RunLog.newRunId());
                result.put("feedback_ms", ms(t));
            }
            // The extraction alone first, as COPY is measured: the same queries, read through Spark's JDBC reader
            // in the same key ranges and dropped. The ingest then reads them again, straight into the checks.
            // Read twice: the first read pays the JVM's and Spark's start (compiling, planning each query), which a
            // 10M-dossier read spreads over minutes; the second is the steady throughput the target is about.
            JdbcSource source = new JdbcSource(spark, jdbcSettings(config), new SourceWatermarks(store),
                    new SourceRetry(2, 1000), JdbcSource.Progress.NONE);
            long t = System.nanoTime();
            Map<String, Long> drained = source.drain();
            result.put("extract_cold_ms", ms(t));
            t = System.nanoTime();
            drained = source.drain();
            result.put("extract_ms", ms(t));
            result.put("extract_rows", drained.values().stream().mapToLong(Long::longValue).sum());
            result.put("extract_rows_by_entry", drained);
            jdbc(config, spark, lake, store, work, "");
        }
    }

    private static JdbcSource.Settings jdbcSettings(OneStopConfig config) {
        return new JdbcSource.Settings(config.string("source.jdbc.name"),
                config.string("source.jdbc.url"), config.string("source.jdbc.user"),
                config.string("source.jdbc.password"), SourceMapping.load(config.string("source.jdbc.mapping")),
                config.integer("source.jdbc.partitions"), config.integer("source.jdbc.overlap_minutes"));
    }

    /** The JDBC read into the lake (read, checks, upsert), timed. */
    private void jdbc(OneStopConfig config, SparkSession spark, Lake lake, Store store, Path work, String prefix) {
        JdbcSource.Settings settings = jdbcSettings(config);
        long t = System.nanoTime();
        ConfiguredSources.Read read = new ConfiguredSources(settings, null, null, null, new SourceRetry(2, 1000))
                .run(spark, lake, store, now(), RunLog.newRunId(), work, null, JdbcSource.Progress.NONE);
        result.put(prefix + "ms", ms(t));
        long rows = 0;
        Map<String, Long> byEntry = new LinkedHashMap<>();
        for (InputCount c : read.report().counts()) {
            if (c.source().startsWith(settings.name() + ":")) {
                rows += c.read();
                byEntry.merge(c.source(), c.read(), Long::sum);
            }
        }
        result.put(prefix + "rows_read", rows);
        result.put(prefix + "rows_by_entry", byEntry);
        result.put(prefix + "rows_quarantined", read.report().totalQuarantined());
    }

    private ComputeJob computeJob(OneStopConfig config, SparkSession spark) {
        return new ComputeJob(spark, new Lake(config.lakeUri()), calendar(config), Catalogue.bundled(),
                IndicatorSettings.from(config));
    }

    /**
     * A full computation of every indicator and rule; then, unless {@code publish=false}, its publication to the
     * embedded store and PostgreSQL.
     */
    private void compute() throws Exception {
        OneStopConfig config = config();
        SparkSession spark = spark(config);
        ComputeJob job = computeJob(config, spark);
        long t = System.nanoTime();
        ComputeJob.Computation computation = job.compute(null, null);
        result.put("ms", ms(t));
        result.put("values", computation.values().size());
        result.put("compute_vm_hwm_kb", ProcessMemory.selfPeakKb());
        CoreIndicators.write(Path.of(param("spark_values")), sparkCoreValues(computation));
        if ("false".equals(params.get("publish"))) {
            return; // --compute-only: the compute's figures at sizes whose publication would take hours
        }
        result.put("publish_h2_ms", publish(job, computation, config, null));
        if (params.containsKey("pg_store_url")) {
            // Publishing released the cached dossier periods: cache them again, untimed, as a compute would leave them.
            Models.buildPeriods(spark, computation.periods());
            spark.table(Models.CASE_PERIOD).count();
            result.put("publish_postgresql_ms", publish(job, computation, config, param("pg_store_url")));
        }
    }

    private long publish(ComputeJob job, ComputeJob.Computation computation, OneStopConfig config, String url) {
        OneStopConfig target = url == null ? config : config.with(Map.of("store.url", url, "store.user", "postgres"));
        try (Store store = Store.open(target)) {
            String runId = RunLog.newRunId();
            RunLog.start(store, runId, "bench");
            long t = System.nanoTime();
            job.publish(store, runId, computation, null);
            long ms = ms(t);
            if (url == null && params.containsKey("user")) {
                UserAccounts.create(store, param("user"), System.getenv("ONESTOP_BENCH_PASSWORD"), "admin", null,
                        "Benchmark");
            }
            return ms;
        }
    }

    /**
     * The like-for-like side of the DuckDB comparison: the product's own computation (the same models, the same
     * catalogue SQL) restricted to what DuckDB computes, the four core indicators per calendar month. What is left
     * between this and DuckDB is the engine; between this and the full compute, the amount of work.
     */
    private void sparkCore() throws Exception {
        OneStopConfig config = config();
        SparkSession spark = spark(config);
        ComputeJob job = new ComputeJob(spark, new Lake(config.lakeUri()), calendar(config),
                Catalogue.bundled().only(CoreIndicators.IDS), IndicatorSettings.from(config));
        long t = System.nanoTime();
        ComputeJob.Computation computation = job.compute(null, null, EnumSet.of(PeriodKind.MONTH));
        result.put("ms", ms(t));
        List<CoreIndicators.Count> counts = sparkCoreValues(computation);
        CoreIndicators.write(Path.of(param("out")), counts);
        result.put("rows", counts.size());
    }

    /** Spark's counts of the core indicators per agency × calendar month, as DuckDB computes them. */
    private static List<CoreIndicators.Count> sparkCoreValues(ComputeJob.Computation computation) {
        List<CoreIndicators.Count> out = new ArrayList<>();
        for (IndicatorValue v : computation.values()) {
            if (v.scopeKind() == IndicatorValue.ScopeKind.AGENCY && v.periodKind().equals("month")
                    && CoreIndicators.IDS.contains(v.indicatorId()) && v.denominator() != null
                    && v.denominator().signum() > 0) {
                out.add(new CoreIndicators.Count(v.scopeCode(), v.periodStart(), v.indicatorId(),
                        v.numerator().longValueExact(), v.denominator().longValueExact()));
            }
        }
        return out;
    }

    private void duckdb() throws Exception {
        long t = System.nanoTime();
        List<CoreIndicators.Count> counts = DuckDbIndicators.compute(param("lake"), WorkingCalendar.bundled(),
                params.get("memory_limit"));
        result.put("ms", ms(t));
        CoreIndicators.write(Path.of(param("out")), counts);
        result.put("rows", counts.size());
    }

    /** One working day of work in the vendor database, as its application would do it. */
    private void advance() throws Exception {
        long t = System.nanoTime();
        try (Connection c = DriverManager.getConnection(param("url"))) {
            VendorActivity.Day day = new VendorActivity(c, Long.parseLong(param("seed")),
                    Integer.parseInt(param("new_per_day")), 2).advanceDay(LocalDate.parse(param("day")));
            result.put("day", day.day().toString());
            result.put("new_dossiers", day.newDossiers());
            result.put("changes", day.changes());
            result.put("late_commits", day.lateCommits());
        }
        result.put("ms", ms(t));
    }

    /**
     * The nightly run after a day of changes: incremental JDBC read, then the computation on top of the run the
     * compute step published to the embedded store (decision 74), then its publication there.
     */
    private void nightly() throws Exception {
        OneStopConfig config = config();
        SparkSession spark = spark(config);
        try (Store store = Store.open(config)) {
            Path work = Files.createDirectories(config.dataDir().resolve("work"));
            jdbc(config, spark, new Lake(config.lakeUri()), store, work, "ingest_");
            ComputeJob job = computeJob(config, spark);
            long t = System.nanoTime();
            ComputeJob.Computation computation = job.compute(null, null, RunProgress.NONE,
                    ComputeJob.Baseline.current(store));
            result.put("compute_ms", ms(t));
            result.put("values", computation.values().size());
            result.put("plan", computation.plan().describe());
            result.put("periods_recomputed", computation.plan().touched().size());
            result.put("periods", computation.periods().size());
            result.put("compute_vm_hwm_kb", ProcessMemory.selfPeakKb());
            String runId = RunLog.newRunId();
            RunLog.start(store, runId, "bench");
            t = System.nanoTime();
            job.publish(store, runId, computation, null);
            result.put("publish_ms", ms(t));
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** The calendar as the product builds it from the configuration. */
    private static WorkingCalendar calendar(OneStopConfig config) {
        String dir = config.string("calendar.dir");
        return dir.isEmpty() ? WorkingCalendar.bundled().withOfficeHours(config.officeStart(), config.officeEnd())
                : WorkingCalendar.fromFolder(Path.of(dir), config.officeStart(), config.officeEnd());
    }
}
