package vn.onestop.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.catalogue.IndicatorDefinition;
import vn.onestop.core.calendar.WorkingCalendar;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.auth.UserAccounts;
import vn.onestop.dashboard.sql.Sql;
import vn.onestop.ingest.jdbc.SourceMapping;
import vn.onestop.sample.GeneratorOptions;

/**
 * The side-by-side benchmark (issue 7): on one generated province, ingest from CSV and from the vendor database over
 * JDBC against PostgreSQL's COPY, a full computation against the same core indicators in DuckDB (and whether they
 * agree), publication, the dashboard's API under 16 and 64 clients, a nightly run after a day of changes, and the
 * peak memory of every process. Each measured step runs in a child JVM; this driver only orchestrates, copies with
 * COPY and plays the dashboard's clients. Prints a table with the targets and writes it as JSON.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure ingest, compute, publish and the dashboard side by side on one generated province.")
public final class BenchCommand implements Callable<Integer> {
    static final String BENCH_USER = "bench";

    @Option(names = "--cases", description = "Dossiers to generate (default ${DEFAULT-VALUE}; the targets are set at 10,000,000).")
    long cases = 1_000_000;

    @Option(names = "--seed", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed = GeneratorOptions.DEFAULT_SEED;

    @Option(names = "--from", description = "First day of submissions (default ${DEFAULT-VALUE}).")
    LocalDate from = GeneratorOptions.DEFAULT_FROM;

    @Option(names = "--to", description = "Last day of submissions (default ${DEFAULT-VALUE}).")
    LocalDate to = GeneratorOptions.DEFAULT_TO;

    @Option(names = "--work", description = "Folder for the generated data, lakes and store; emptied first (default ${DEFAULT-VALUE}).")
    Path work = Path.of("bench-work");

    @Option(names = "--out", description = "Folder of results: <timestamp>.json and the steps' logs (default ${DEFAULT-VALUE}).")
    Path out = Path.of("bench-results");

    @Option(names = "--postgres", paramLabel = "JDBC_URL",
            description = "PostgreSQL server to create the vendor and store databases on (default ${DEFAULT-VALUE}).")
    String postgres = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    @Option(names = "--databases", paramLabel = "PREFIX",
            description = "Names of the databases created (dropped first): PREFIX_vendor and PREFIX_store (default ${DEFAULT-VALUE}).")
    String databases = "onestop_bench";

    @Option(names = "--no-postgres", description = "Skip what needs PostgreSQL (JDBC, COPY, nightly run, PostgreSQL store).")
    boolean noPostgres;

    @Option(names = "--compute-only", description = "Generate, ingest the CSV files, compute and compare with DuckDB; "
            + "no PostgreSQL, publication, dashboard or nightly run: the compute's targets at a size (10,000,000) whose "
            + "whole chain would take an afternoon.")
    boolean computeOnly;

    @Option(names = "--jdbc-only", description = "Generate, load the vendor database, ingest it over JDBC and copy the "
            + "same rows with COPY; no CSV ingest, compute, publication, dashboard or nightly run: the JDBC target at a "
            + "size (10,000,000) whose whole chain would take an afternoon.")
    boolean jdbcOnly;

    @Option(names = "--dashboard-only", description = "Measure only the dashboard, on the store a previous run left in "
            + "--work (kept): to re-measure after a change to the dashboard without generating and computing again.")
    boolean dashboardOnly;

    @Option(names = "--copies", paramLabel = "K", description = "With --dashboard-only: first insert the published "
            + "run's flagged dossiers, timelines and register K times in all under new ids, to measure the dashboard "
            + "at K times the dossiers (50 on a 200,000-dossier run: 10,000,000). Latency and memory only: the "
            + "values no longer add up (default ${DEFAULT-VALUE}).")
    int copies = 1;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "With --dashboard-only: serve from this store "
            + "instead of the embedded one in --work, e.g. the PostgreSQL store the run published to "
            + "(jdbc:postgresql://127.0.0.1:5432/onestop_bench_store?user=postgres); the user is taken from ?user=.")
    String store;

    @Option(names = "--compute-heap", description = "-Xmx of the compute and nightly JVMs (default ${DEFAULT-VALUE}).")
    String computeHeap = "3g";

    @Option(names = "--ingest-heap", description = "-Xmx of the ingest JVMs (default ${DEFAULT-VALUE}).")
    String ingestHeap = "3g";

    @Option(names = "--spark-jvm", split = " ", paramLabel = "FLAGS",
            description = "JVM options of the ingest, compute and nightly JVMs besides their heap, as the deployment "
                    + "guide recommends for a job run in a process of its own (default: ${DEFAULT-VALUE}).")
    List<String> sparkJvm = List.of(SPARK_JVM.split(" "));

    /**
     * Spark's batch work in a JVM of its own: the throughput collector, without G1's remembered sets (decision 89:
     * about 450 MB less at the peak and a tenth faster on 200,000 dossiers).
     */
    static final String SPARK_JVM = "-XX:+UseParallelGC";

    @Option(names = "--duckdb-memory", paramLabel = "LIMIT", description = "DuckDB's memory_limit, e.g. 3GB for the "
            + "compute's budget (default: DuckDB's own, 80 %% of the machine's memory).")
    String duckdbMemory;

    @Option(names = "--dashboard-heap", description = "-Xmx of the dashboard JVM (default ${DEFAULT-VALUE}).")
    String dashboardHeap = "160m";

    @Option(names = "--dashboard-jvm", split = " ", paramLabel = "FLAGS",
            description = "JVM options of the dashboard besides its heap, as the README recommends for serving "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> dashboardJvm = List.of(DASHBOARD_JVM.split(" "));

    /** The options the README recommends for {@code serve} on a small server: see "Serving on a small machine". */
    static final String DASHBOARD_JVM = "-XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=48m -XX:TieredStopAtLevel=1";

    @Option(names = "--clients", split = ",", description = "Concurrent dashboard clients, one run each (default ${DEFAULT-VALUE}).")
    List<Integer> clients = List.of(16, 64);

    @Option(names = "--latency-seconds", description = "Seconds of requests at each concurrency (default ${DEFAULT-VALUE}).")
    double latencySeconds = 20;

    @Option(names = "--step-timeout-minutes", description = "A step that runs longer fails the benchmark (default ${DEFAULT-VALUE}).")
    long stepTimeoutMinutes = 240;

    /** The steps that run Spark: they get {@code --spark-jvm}. */
    private static final Set<String> SPARK_STEPS = Set.of("ingest-csv", "ingest-jdbc", "compute", "spark-core",
            "nightly");

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> steps = new LinkedHashMap<>();
    private final Map<String, Object> notes = new LinkedHashMap<>();
    private Path logs;
    private PrintStream console = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        logs = Files.createDirectories(out.resolve(stamp));
        if (copies < 1) {
            throw new IllegalArgumentException("--copies must be 1 or more, not " + copies);
        }
        if ((dashboardOnly ? 1 : 0) + (computeOnly ? 1 : 0) + (jdbcOnly ? 1 : 0) > 1) {
            throw new IllegalArgumentException("--dashboard-only, --compute-only and --jdbc-only measure different "
                    + "steps: give one");
        }
        if (jdbcOnly && noPostgres) {
            throw new IllegalArgumentException("--jdbc-only measures the read from PostgreSQL: it cannot go with --no-postgres");
        }
        if (dashboardOnly) {
            return dashboardOnly(stamp);
        }
        if (copies != 1 || store != null) {
            throw new IllegalArgumentException("--copies and --store go with --dashboard-only (on the store of an earlier run)");
        }
        Path data = prepareWork();
        Map<String, Object> header = header();
        printHeader(header);

        boolean pg = !noPostgres && !computeOnly;
        String vendorUrl = null;
        String storeUrl = null;
        if (pg) {
            vendorUrl = database(databases + "_vendor");
            storeUrl = jdbcOnly ? null : database(databases + "_store");
        }
        LocalDateTime now = to.plusDays(7).atTime(12, 0);
        Path province = data.resolve("province");
        List<String> common = List.of("now=" + now, "onestop.data.dir=" + data.toAbsolutePath());

        progress("Generating " + String.format("%,d", cases) + " dossiers");
        Map<String, Object> generated = step("generate", "512m", false, List.of("seed=" + seed, "cases=" + cases,
                "from=" + from, "to=" + to, "out=" + province.toAbsolutePath()));
        figures.add(Figure.info("generate.seconds", "Generate the province as CSV", seconds(generated, "ms"), "s"));

        if (pg) {
            progress("Loading the vendor database (COPY)");
            Map<String, Object> loaded = step("vendor-load", "512m", false, List.of("url=" + vendorUrl,
                    "dir=" + province.toAbsolutePath(), "to=" + to));
            figures.add(Figure.info("vendor_load.seconds", "Load the vendor PostgreSQL database (COPY)",
                    seconds(loaded, "ms"), "s"));
        }

        String csvLake = data.resolve("lake-csv").toAbsolutePath().toString();
        if (!jdbcOnly) {
            progress("Ingesting the CSV files");
            Map<String, Object> csv = step("ingest-csv", ingestHeap, false, with(common,
                    "dir=" + province.toAbsolutePath(), "onestop.lake.uri=" + csvLake));
            double csvRows = number(csv, "rows_read");
            figures.add(Figure.info("ingest.csv.rows_per_s", "Ingest from CSV (" + Figure.number(csvRows) + " rows)",
                    csvRows / seconds(csv, "ms"), "rows/s"));
        }

        // Without PostgreSQL the compute and the nightly run read the CSV lake.
        String lake = csvLake;
        List<String> lakeParams = with(common, "onestop.lake.uri=" + csvLake);
        if (pg) {
            lake = data.resolve("lake-jdbc").toAbsolutePath().toString();
            lakeParams = with(common, "onestop.lake.uri=" + lake, "onestop.source.jdbc.url=" + vendorUrl);
            Path feedback = Files.createDirectories(data.resolve("feedback"));
            Files.copy(province.resolve("feedback.csv"), feedback.resolve("feedback.csv"));
            progress("Ingesting the vendor database over JDBC");
            Map<String, Object> jdbc = step("ingest-jdbc", ingestHeap, false,
                    with(lakeParams, "feedback=" + feedback.toAbsolutePath()));
            progress("Copying the same rows with COPY (SELECT …) TO STDOUT");
            CopyBaseline.Copied copied = CopyBaseline.run(vendorUrl, SourceMapping.load(SourceMapping.SAMPLE_VENDOR));
            steps.put("copy", copied);
            jdbcFigures(jdbc, copied);
        }
        if (jdbcOnly) {
            memoryFigures();
            return finish(stamp, header);
        }

        progress(computeOnly ? "Computing every indicator and rule" : "Computing every indicator and rule, then publishing");
        Path sparkValues = logs.resolve("spark-core-indicators.csv");
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        List<String> computeParams = with(lakeParams, "spark_values=" + sparkValues.toAbsolutePath(), "user=" + BENCH_USER);
        if (pg) {
            computeParams = with(computeParams, "pg_store_url=" + storeUrl);
        }
        if (computeOnly) {
            computeParams = with(computeParams, "publish=false");
        }
        Map<String, Object> compute = stepWithEnv("compute", computeHeap, false, computeParams,
                Map.of("ONESTOP_BENCH_PASSWORD", password));

        progress("Computing the core indicators in DuckDB");
        Path duckValues = logs.resolve("duckdb-core-indicators.csv");
        List<String> duckParams = new ArrayList<>(List.of("lake=" + lake, "out=" + duckValues.toAbsolutePath()));
        if (duckdbMemory != null) {
            duckParams.add("memory_limit=" + duckdbMemory);
        }
        Map<String, Object> duck = step("duckdb", "1g", true, duckParams);
        computeFigures(compute, duck, sparkValues, duckValues);

        progress("Computing the same core indicators in Spark alone");
        Path sparkCoreValues = logs.resolve("spark-only-core-indicators.csv");
        Map<String, Object> sparkCore = step("spark-core", computeHeap, false,
                with(lakeParams, "out=" + sparkCoreValues.toAbsolutePath()));
        sparkCoreFigures(sparkCore, duck, sparkCoreValues, duckValues);

        if (!computeOnly) {
            progress("Serving the dashboard and measuring its API");
            dashboard(data, password);
        }

        if (pg) {
            progress("One day of work in the vendor database, then the nightly run");
            WorkingCalendar calendar = WorkingCalendar.bundled();
            long workingDays = from.datesUntil(to.plusDays(1)).filter(calendar::isWorkingDay).count();
            Map<String, Object> day = step("advance", "512m", false, List.of("url=" + vendorUrl, "seed=" + seed,
                    "day=" + calendar.onOrAfter(to.plusDays(1)), "new_per_day=" + Math.max(1, cases / workingDays)));
            Map<String, Object> nightly = step("nightly", computeHeap, false, lakeParams);
            nightlyFigures(day, nightly, compute);
        }
        memoryFigures();
        return finish(stamp, header);
    }

    /** The dashboard step alone on the published store of an earlier run, with a new password for its user. */
    private int dashboardOnly(String stamp) throws IOException, InterruptedException, SQLException {
        Path data = work.resolve("data");
        if (store == null && !Files.isDirectory(data.resolve("store"))) {
            throw new IllegalArgumentException("--dashboard-only needs the store of an earlier run in " + data
                    + ": run the benchmark once with the same --work first");
        }
        Map<String, Object> header = header();
        header.put("dashboard_only", true);
        header.put("store", store != null ? store.replaceAll("password=[^&]*", "password=…") : "embedded H2 in --work");
        printHeader(header);
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        try (Store store = Store.open(OneStopConfig.load(null, storeSettings(data)))) {
            Sql.update(store, "DELETE FROM app_user WHERE username = ?", BENCH_USER);
            UserAccounts.create(store, BENCH_USER, password, "admin", null, "Benchmark");
            if (copies > 1) {
                progress("Copying the dossier-level rows to " + copies + " times the dossiers");
                long start = System.nanoTime();
                Map<String, Long> rows = StoreScaler.scale(store, copies, line -> progress("  " + line));
                header.put("copies", copies);
                header.put("rows_after_copies", rows);
                progress(String.format("  done in %d s: %s", (System.nanoTime() - start) / 1_000_000_000L, rows));
            }
        }
        progress("Serving the dashboard and measuring its API");
        dashboard(data, password);
        memoryFigures();
        return finish(stamp, header);
    }

    /** data.dir and, with --store, the store's URL and user: for this driver and the dashboard alike. */
    private Map<String, String> storeSettings(Path data) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("data.dir", data.toAbsolutePath().toString());
        if (store != null) {
            out.put("store.url", store);
            java.util.regex.Matcher user = java.util.regex.Pattern.compile("[?&]user=([^&]+)").matcher(store);
            out.put("store.user", user.find() ? user.group(1) : "onestop");
        }
        return out;
    }

    private int finish(String stamp, Map<String, Object> header) throws IOException {
        Map<String, Object> record = new LinkedHashMap<>(header);
        record.put("figures", figures);
        record.put("notes", notes);
        record.put("steps", steps);
        Path json = out.resolve(stamp + ".json");
        Results.write(json, record);
        printTable();
        console.println();
        console.println("Results: " + json.toAbsolutePath() + " (steps' logs in " + logs.toAbsolutePath() + ")");
        return 0;
    }

    private Map<String, Object> header() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("taken_at", LocalDateTime.now().withNano(0).toString());
        h.put("machine", Machine.describe());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("cases", cases);
        settings.put("seed", seed);
        settings.put("from", from.toString());
        settings.put("to", to.toString());
        settings.put("postgresql", !noPostgres && !computeOnly);
        settings.put("compute_only", computeOnly);
        settings.put("jdbc_only", jdbcOnly);
        settings.put("clients", clients);
        settings.put("latency_seconds", latencySeconds);
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("ingest", "-Xmx" + ingestHeap + " " + String.join(" ", sparkJvm));
        jvm.put("compute", "-Xmx" + computeHeap + " " + String.join(" ", sparkJvm));
        jvm.put("dashboard", "-Xmx" + dashboardHeap + " " + String.join(" ", dashboardJvm));
        jvm.put("generate, vendor load, day of work", "-Xmx512m");
        jvm.put("duckdb", "-Xmx1g, memory_limit " + (duckdbMemory != null ? duckdbMemory : "DuckDB's default"));
        jvm.put("every JVM", "-Duser.timezone=UTC and Spark's --add-opens; the default GC unless given above");
        jvm.put("spark", "local[2], spark.sql.shuffle.partitions 8 (the product's defaults)");
        settings.put("jvm", jvm);
        h.put("settings", settings);
        return h;
    }

    private void printHeader(Map<String, Object> header) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) header.get("machine");
        if (dashboardOnly) {
            console.printf("OneStop Monitor benchmark — the dashboard alone, on the store published in %s%s%n",
                    store != null ? store : work.resolve("data").toAbsolutePath(), copies > 1
                            ? ", its dossier-level rows copied to " + copies + " times the dossiers" : "");
        } else {
            console.printf("OneStop Monitor benchmark — %,d dossiers, seed %d, %s – %s%n", cases, seed, from, to);
        }
        console.printf("Machine: %s cores, %s GB, %s; %s; %s; load average %s at start%n", m.get("cores"),
                m.get("memory_gb"), m.get("cpu"), m.get("os"), m.get("java"), m.get("load_average_at_start"));
        console.println(jvmLine());
        console.println();
    }

    /** The JVMs this mode starts, as they are started: a mode that skips one does not name it. */
    String jvmLine() {
        String spark = String.join(" ", sparkJvm);
        String dashboard = "dashboard -Xmx" + dashboardHeap + " " + String.join(" ", dashboardJvm);
        if (dashboardOnly) {
            return "JVMs: " + dashboard;
        }
        if (jdbcOnly) {
            return "JVMs: ingest -Xmx" + ingestHeap + " " + spark + "; Spark local[2]";
        }
        return "JVMs: ingest -Xmx" + ingestHeap + ", compute -Xmx" + computeHeap + " (both " + spark + ")"
                + (computeOnly ? "" : ", " + dashboard) + "; Spark local[2]";
    }

    private void jdbcFigures(Map<String, Object> jdbc, CopyBaseline.Copied copied) {
        double rows = number(jdbc, "rows_read");
        double extractRate = number(jdbc, "extract_rows") / seconds(jdbc, "extract_ms");
        double copyRate = copied.rows() / (copied.ms() / 1000.0);
        figures.add(Figure.info("ingest.jdbc.rows_per_s", "Ingest from PostgreSQL over JDBC (" + Figure.number(rows)
                + " rows, read + checks + lake)", rows / seconds(jdbc, "ms"), "rows/s"));
        figures.add(Figure.info("extract.jdbc.cold.rows_per_s", "JDBC extraction alone, first read in a fresh JVM "
                + "(the same queries through Spark's JDBC reader, drained)",
                number(jdbc, "extract_rows") / seconds(jdbc, "extract_cold_ms"), "rows/s"));
        figures.add(Figure.info("extract.jdbc.rows_per_s", "JDBC extraction alone, steady (the same read again)",
                extractRate, "rows/s"));
        figures.add(Figure.info("copy.rows_per_s", "PostgreSQL COPY (SELECT …) TO STDOUT, drained ("
                + Figure.number(copied.rows()) + " rows)", copyRate, "rows/s"));
        figures.add(Figure.atLeast("ratio.jdbc_vs_copy", "JDBC extraction (steady) ÷ COPY throughput",
                100 * extractRate / copyRate, "%", 50));
        figures.add(Figure.info("ratio.jdbc_ingest_vs_copy", "  whole JDBC ingest ÷ COPY throughput",
                100 * (rows / seconds(jdbc, "ms")) / copyRate, "%"));
        if (copied.rows() != (long) number(jdbc, "extract_rows")) {
            notes.put("extract_rows_differ", "COPY gave " + copied.rows() + " rows, the JDBC extraction "
                    + (long) number(jdbc, "extract_rows"));
        }
        if (copied.rows() != (long) rows) {
            notes.put("copy_rows_differ", "COPY gave " + copied.rows() + " rows, the JDBC read " + (long) rows);
        }
    }

    private void computeFigures(Map<String, Object> compute, Map<String, Object> duck, Path sparkValues, Path duckValues) {
        double spark = seconds(compute, "ms");
        double duckdb = seconds(duck, "ms");
        figures.add(Figure.info("compute.spark.seconds", "Full compute, every indicator and rule (Spark)", spark, "s"));
        figures.add(Figure.info("compute.duckdb.seconds", "Core indicators 766.2.1, 766.3.3, 766.4.2, R01 (DuckDB SQL)",
                duckdb, "s"));
        figures.add(Figure.atMost("ratio.spark_vs_duckdb", "Spark full compute ÷ DuckDB core indicators", spark / duckdb,
                "×", 3));
        for (CoreIndicators.Agreement a : CoreIndicators.compare(CoreIndicators.read(sparkValues),
                CoreIndicators.read(duckValues))) {
            figures.add(Figure.atMost("match." + a.indicatorId(), "DuckDB = Spark for " + a.indicatorId()
                    + " (agency × month rows that differ, of " + a.rows() + ")", a.mismatches(), "", 0));
            if (!a.matches()) {
                notes.put(a.indicatorId(), a.example());
            }
        }
        if (compute.containsKey("publish_h2_ms")) {
            figures.add(Figure.info("publish.h2.seconds", "Publish to the embedded H2 store",
                    seconds(compute, "publish_h2_ms"), "s"));
        }
        if (compute.containsKey("publish_postgresql_ms")) {
            figures.add(Figure.info("publish.postgresql.seconds", "Publish to PostgreSQL",
                    seconds(compute, "publish_postgresql_ms"), "s"));
        }
    }

    /** Like for like: the product's Spark path held to DuckDB's four indicators per month. */
    private void sparkCoreFigures(Map<String, Object> sparkCore, Map<String, Object> duck, Path sparkCoreValues,
                                  Path duckValues) {
        double seconds = seconds(sparkCore, "ms");
        figures.add(Figure.info("compute.spark_core.seconds", "The same four core indicators per agency × month in "
                + "Spark (the product's models and catalogue SQL, month periods only)", seconds, "s"));
        figures.add(Figure.info("ratio.spark_core_vs_duckdb", "  Spark ÷ DuckDB for the same four core indicators",
                seconds / seconds(duck, "ms"), "×"));
        int rows = 0;
        int differ = 0;
        for (CoreIndicators.Agreement a : CoreIndicators.compare(CoreIndicators.read(sparkCoreValues),
                CoreIndicators.read(duckValues))) {
            rows += a.rows();
            differ += a.mismatches();
            if (!a.matches()) {
                notes.put("spark-core " + a.indicatorId(), a.example());
            }
        }
        figures.add(Figure.atMost("match.spark_core", "  DuckDB = Spark for them (rows that differ, of "
                + Figure.number(rows) + ")", differ, "", 0));
    }

    /** The product's own {@code serve}, in its own JVM with the dashboard's heap, without DuckDB on its classpath. */
    private void dashboard(Path data, String password) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> args = new ArrayList<>();
        storeSettings(data).forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
        args.addAll(List.of("--set", "server.port=" + port, "--set", "schedule.enabled=false", "serve"));
        List<String> command = ChildJvm.command(dashboardHeap, dashboardJvm, false, "vn.onestop.jobs.OneStopCli", args);
        // glibc gives each busy thread its own malloc arena; two keep the native heap small (README, "small machine").
        Process server = ChildJvm.start(command, work, logs.resolve("dashboard.log"), Map.of("MALLOC_ARENA_MAX", "2"));
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            DashboardLoad load = new DashboardLoad("http://127.0.0.1:" + port);
            long t = System.nanoTime();
            load.awaitUp(Duration.ofSeconds(120), server);
            result.put("start_ms", (System.nanoTime() - t) / 1_000_000);
            List<String> indicatorIds = Catalogue.bundled().definitions().stream().map(IndicatorDefinition::id).toList();
            load.prepare(BENCH_USER, password, indicatorIds);
            load.run(clients.get(0), Math.min(5, latencySeconds / 2), seed); // warm-up, not counted
            for (int n : clients) {
                DashboardLoad.Level level = load.run(n, latencySeconds, seed + n);
                result.put("clients_" + n, level);
                notes.put("API p95 per page at " + n + " clients (ms)", level.p95MsByApi());
                String at = n + " clients";
                figures.add(n == 16 ? Figure.below("api." + n + ".p95_ms", "Dashboard API p95, " + at, level.p95Ms(), "ms", 50)
                        : Figure.info("api." + n + ".p95_ms", "Dashboard API p95, " + at, level.p95Ms(), "ms"));
                figures.add(Figure.info("api." + n + ".p50_ms", "Dashboard API p50, " + at, level.p50Ms(), "ms"));
                figures.add(Figure.info("api." + n + ".p99_ms", "Dashboard API p99, " + at, level.p99Ms(), "ms"));
                figures.add(Figure.info("api." + n + ".requests_per_s", "Dashboard API throughput, " + at,
                        level.requestsPerSecond(), "req/s"));
                figures.add(Figure.atMost("api." + n + ".errors", "Dashboard API answers other than 200, " + at,
                        level.errors(), "", 0));
            }
            result.put("vm_hwm_kb", ProcessMemory.peakKb(server.pid()));
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        steps.put("dashboard", result);
    }

    private void nightlyFigures(Map<String, Object> day, Map<String, Object> nightly, Map<String, Object> compute) {
        @SuppressWarnings("unchecked")
        Map<String, Object> full = (Map<String, Object>) steps.get("ingest-jdbc");
        // Both with their publication to the embedded store: a nightly run saves most there (decision 74).
        double fullRun = seconds(full, "ms") + seconds(compute, "ms") + seconds(compute, "publish_h2_ms");
        double nightlyRun = seconds(nightly, "ingest_ms") + seconds(nightly, "compute_ms")
                + seconds(nightly, "publish_ms");
        figures.add(Figure.info("nightly.changes", "Changes in the day of work (" + day.get("day") + ")",
                number(day, "changes"), ""));
        figures.add(Figure.info("nightly.rows_read", "Rows the nightly JDBC read took in", number(nightly, "ingest_rows_read"),
                "rows"));
        figures.add(Figure.info("nightly.plan", "Nightly run: " + nightly.get("plan"), number(nightly, "periods_recomputed"),
                "periods recomputed"));
        figures.add(Figure.info("nightly.seconds", "Nightly run: incremental JDBC ingest + compute + publish (H2)",
                nightlyRun, "s"));
        figures.add(Figure.info("full_run.seconds", "Full run: full JDBC ingest + compute + publish (H2)", fullRun, "s"));
        figures.add(Figure.atMost("ratio.nightly_vs_full", "Nightly run ÷ full run", 100 * nightlyRun / fullRun, "%", 20));
    }

    private void memoryFigures() {
        String[][] processes = {{"generate", "generate"}, {"vendor-load", "vendor load"}, {"ingest-csv", "ingest CSV"},
            {"ingest-jdbc", "ingest JDBC"}, {"compute", computeOnly ? "compute" : "compute + publish"}, {"duckdb", "DuckDB"},
            {"spark-core", "Spark, core indicators only"},
            {"dashboard", "dashboard"}, {"advance", "day of work"}, {"nightly", "nightly run"}};
        for (String[] p : processes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) steps.get(p[0]);
            if (s == null) {
                continue;
            }
            double mb = number(s, "vm_hwm_kb") / 1024;
            String id = "memory." + p[0] + ".mb";
            String label = "Peak memory (VmHWM): " + p[1];
            figures.add(p[0].equals("dashboard") ? Figure.below(id, label, mb, "MB", 300) : Figure.info(id, label, mb, "MB"));
            if (p[0].equals("compute")) {
                figures.add(Figure.below("memory.compute_only.mb", "Peak memory (VmHWM): compute, before publishing",
                        number(s, "compute_vm_hwm_kb") / 1024, "MB", 4096));
            }
        }
        figures.add(Figure.info("memory.bench_driver.mb", "Peak memory (VmHWM): this driver (COPY, HTTP clients)",
                ProcessMemory.selfPeakKb() / 1024.0, "MB"));
    }

    private void printTable() {
        console.println();
        tableLines(figures).forEach(console::println);
        notes.forEach((k, v) -> console.println("note: " + k + ": " + v));
    }

    /** Labels wider than this wrap onto lines of their own, so that one long label does not widen every row. */
    static final int LABEL_WIDTH = 100;

    /** The printed table: a label wraps at spaces, its value and target on its last line. */
    static List<String> tableLines(List<Figure> figures) {
        int width = Math.min(LABEL_WIDTH, figures.stream().mapToInt(f -> f.label().length()).max().orElse(40)) + 2;
        String row = "%-" + width + "s %18s   %-14s %s";
        List<String> out = new ArrayList<>();
        out.add(String.format("%-" + width + "s %18s   %-14s", "figure", "value", "target"));
        out.add("-".repeat(width + 38));
        for (Figure f : figures) {
            List<String> label = wrap(f.label(), width - 2);
            label.subList(0, label.size() - 1).forEach(out::add);
            out.add(String.format(row, label.get(label.size() - 1), f.valueText(),
                    f.target() == null ? "" : f.target(), f.mark()).stripTrailing());
        }
        return out;
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && longer.length() > width) {
                lines.add(line);
                line = "  " + word;
            } else {
                line = longer;
            }
        }
        lines.add(line);
        return lines;
    }

    private Map<String, Object> step(String name, String heap, boolean duckdb, List<String> params)
            throws IOException, InterruptedException {
        return stepWithEnv(name, heap, duckdb, params, Map.of());
    }

    private Map<String, Object> stepWithEnv(String name, String heap, boolean duckdb, List<String> params,
                                            Map<String, String> env) throws IOException, InterruptedException {
        long t = System.nanoTime();
        List<String> jvmOptions = SPARK_STEPS.contains(name) ? sparkJvm : List.of();
        Map<String, Object> result = ChildJvm.runStep(name, heap, jvmOptions, duckdb, work, logs, params, env,
                stepTimeoutMinutes);
        result.put("wall_ms", (System.nanoTime() - t) / 1_000_000);
        steps.put(name, result);
        return result;
    }

    /** Empties what earlier runs left in the work folder. */
    private Path prepareWork() throws IOException {
        Path data = work.resolve("data");
        if (Files.exists(data)) {
            try (var walk = Files.walk(data)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(data);
    }

    /** A fresh database on the PostgreSQL server; its JDBC URL. */
    private String database(String name) throws SQLException {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("--databases must be lower-case letters, digits and _, not " + databases);
        }
        try (Connection c = DriverManager.getConnection(postgres); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
        String base = postgres.split("\\?", 2)[0];
        String query = postgres.contains("?") ? "?" + postgres.split("\\?", 2)[1] : "";
        return base.substring(0, base.lastIndexOf('/') + 1) + name + query;
    }

    private void progress(String what) {
        console.printf("%s  %s%n", LocalDateTime.now().withNano(0).toLocalTime(), what);
    }

    private static List<String> with(List<String> params, String... more) {
        List<String> out = new ArrayList<>(params);
        out.addAll(List.of(more));
        return out;
    }

    private static double number(Map<String, Object> result, String key) {
        Object v = result.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("The step result has no number " + key + ": " + result);
        }
        return n.doubleValue();
    }

    private static double seconds(Map<String, Object> result, String msKey) {
        return number(result, msKey) / 1000.0;
    }

    /** For tests: where the table goes. */
    void console(PrintStream stream) {
        this.console = stream;
    }
}
