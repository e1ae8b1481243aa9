package vn.onestop.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The one typed entry point to configuration. Sources, later ones winning: built-in defaults, a properties file
 * ({@code onestop.properties} in the working directory, or the file given to {@link #load}), environment variables
 * ({@code ONESTOP_STORE_URL} for {@code store.url}) and system properties ({@code -Donestop.store.url=…}).
 * An unknown key is an error that names the key: a typo must not silently fall back to a default.
 */
public final class OneStopConfig {
    /** Every key with its default and what it is for; {@code ${data.dir}} is expanded. */
    private static final Map<String, String[]> KEYS = new LinkedHashMap<>();

    static {
        key("data.dir", "./data", "folder for the lake, the embedded store and generated sample data");
        key("lake.uri", "${data.dir}/lake", "root of the Parquet lake (a folder, hdfs:// or s3a://)");
        key("inbox.dir", "${data.dir}/inbox", "watched folder of canonical CSV/XLSX drops, read at every run");
        key("inbox.archive_dir", "${data.dir}/inbox-archive", "where processed drops move (one folder per run)");
        key("inbox.rejected_dir", "${data.dir}/inbox-rejected", "where unreadable drops move, each with a report beside it");
        key("inbox.min_age_seconds", "5", "a drop younger than this is left for the next run (it may still be copying)");
        key("source.jdbc.url", "", "JDBC URL of the one-stop database (empty = no such source)");
        key("source.jdbc.user", "", "one-stop database user");
        key("source.jdbc.password", "", "one-stop database password");
        key("source.jdbc.name", "motcua", "name of the one-stop source in counts, quarantine and watermarks");
        key("source.jdbc.mapping", "sample-vendor", "mapping file from the vendor schema to the canonical records "
                + "(sample-vendor = the bundled mapping of the sample vendor schema)");
        key("source.jdbc.partitions", "2", "parallel key-range reads per big source table: one per Spark core "
                + "(local[2] by default); more only interleave");
        key("source.jdbc.overlap_minutes", "10", "re-read this much before the watermark, against late commits");
        key("source.portal.url", "", "national portal (DVCQG) dossier feed to pull over HTTP (empty = none)");
        key("source.portal.token", "", "bearer token for the feed (or use source.portal.token_url)");
        key("source.portal.token_url", "", "URL that issues a bearer token for client_id/client_secret");
        key("source.portal.client_id", "", "client id for source.portal.token_url");
        key("source.portal.client_secret", "", "client secret for source.portal.token_url");
        key("source.portal.page_size", "200", "dossiers per page of the HTTP feed");
        key("source.portal.dir", "", "folder of DVCQG dossier JSON files (empty = none)");
        key("source.retry.attempts", "4", "attempts to reach a source before the run fails");
        key("source.retry.backoff_ms", "2000", "wait before the second attempt; doubles at each further one");
        key("store.url", "jdbc:h2:file:${data.dir}/store/onestop;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE", "JDBC URL of the store (H2 by default, jdbc:postgresql://… in production)");
        key("store.user", "onestop", "store user");
        key("store.password", "", "store password");
        key("store.pool_size", "8", "connection pool size");
        key("compute.incremental", "true", "recompute only the periods that the day's changes touch and copy the "
                + "rest from the published run (false = every run recomputes every period)");
        key("spark.master", "local[2]", "Spark master URL (local[N] or spark://host:7077)");
        key("spark.shuffle_partitions", "8", "spark.sql.shuffle.partitions");
        key("spark.driver_memory", "", "informational: set -Xmx of the JVM instead");
        key("server.host", "127.0.0.1", "address the dashboard listens on");
        key("server.port", "7070", "port of the dashboard");
        key("province.code", "TINH", "code of the province roll-up row in exports");
        key("province.name", "Toàn tỉnh", "name of the province roll-up row");
        key("calendar.dir", "", "folder of YYYY.csv working-day calendars (empty = the bundled 2020–2027)");
        key("calendar.office_start", "08:00", "start of office hours (HH:mm)");
        key("calendar.office_end", "17:00", "end of office hours, the default due time (HH:mm)");
        key("indicators.profile", "dvcqg-2025", "766 points profile: dvcqg-2025 or qd766-2022");
        key("indicators.copy_certification_procedures", "2.000908,2.000942",
                "procedure codes of copy certification from originals (766.4.7), comma-separated");
        key("rules.recorded_late_working_days", "1", "R06: a dossier recorded more than N working days after reception");
        key("rules.sync_late_days", "1", "R07: synced more than N days after its last change (or never)");
        key("rules.too_fast_minutes", "15", "R09: resolved within N minutes of reception …");
        key("rules.too_fast_min_working_days", "3", "R09: … for a procedure whose legal time is at least N working days");
        key("rules.closing_burst_share_pct", "30", "R10: share of a period's resolved dossiers on its last working day");
        key("rules.closing_burst_officer", "20", "R10: dossiers one officer closes within one minute");
        key("rules.silent_peer_share_pct", "50", "R12: share of peer agencies (same kind, same procedure) with dossiers "
                + "of the procedure in the month, at least");
        key("rules.silent_volume_pct", "20", "R12: … while the agency's dossiers of the month fell below N % of its "
                + "monthly median");
        key("rules.silent_history_months", "12", "R12: calendar months before the judged month whose median is the "
                + "agency's usual monthly volume");
        key("rules.silent_min_history_months", "6", "R12: agencies with fewer of those months (new, or data too "
                + "recent) are not judged");
        key("rules.silent_min_monthly_median", "20", "R12: agencies whose monthly median is lower are not judged "
                + "(a quiet month is ordinary there)");
        key("risk.min_dossiers", "30", "agencies with fewer dossiers to handle in the period are not scored");
        key("risk.prior_dossiers", "30", "a rate is smoothed toward its peers' median as if over N more dossiers at "
                + "that median (few dossiers, little weight)");
        key("risk.outlier_chance", "0.0001", "an input above Q3 + 1.5 × IQR is an outlier only when chance at the other "
                + "peers' rate would give its count less often than this");
        key("risk.weights", "R01.rate=3,R02.rate=2,R03.rate=1,R04.rate=1,R05.rate=1,R06.rate=2,R07.rate=1,"
                + "R08.rate=1,R09.rate=1,R10.rate=2,R11.rate=1,R12.count=2,gap:766.2.1=2,gap:766.1.4=1,gap:766.4.2=1,"
                + "gap:766.5.4=1,feedback_per_1000=1,conduct_feedback=1,trend=1",
                "risk inputs and their weights: input=weight, comma-separated (R…rate, R12.count, gap:766…, "
                        + "feedback_per_1000, conduct_feedback, trend)");
        key("inspection.notice_days", "10", "a planned direct inspection is announced N days before it starts");
        key("inspection.recent_months", "12", "the draw excludes agencies inspected within the last N months");
        key("inspection.random_share_pct", "20", "share of each kind's quota drawn uniformly at random (0–100)");
        key("inspection.quotas", "department=3,commune_ppc=20",
                "default surprise-draw quotas per agency kind: kind=N, comma-separated");
        key("inspection.sample_size", "30", "default number of dossiers in an agency's random sample");
        key("schedule.cron", "0 0 2 * * ?", "Quartz cron of the nightly ingest → compute → publish");
        key("schedule.enabled", "true", "run the schedule inside 'serve'");
        key("ops.max_run_age_hours", "36", "/health/ready answers 503 when the published run is older than this "
                + "(the nightly run plus a margin; 0 = not checked)");
        key("ops.metrics_token", "", "bearer token that opens /metrics from anywhere (empty = none; 16 characters or more)");
        key("ops.metrics_from_loopback", "true", "/metrics opens without a token to requests from this machine "
                + "that came through no proxy");
        key("log.format", "text", "text, or json for one JSON object per line (read when the JVM starts: "
                + "-Donestop.log.format=json or ONESTOP_LOG_FORMAT=json)");
        key("schedule.misfire_threshold_seconds", "60", "a scheduled time missed by more than this (the app was down) "
                + "runs once when the app is back");
        key("schedule.instance_id", "AUTO", "this instance's name in the schedule cluster (AUTO = host and start time)");
        key("runs.keep", "30", "published runs whose rows are kept; older runs are pruned after each publish (0 = never prune)");
        key("runs.stale_after_seconds", "60", "a run without a heartbeat for this long belongs to a process that died: "
                + "the next run records it as failed and goes ahead");
    }

    private static void key(String name, String defaultValue, String help) {
        KEYS.put(name, new String[] {defaultValue, help});
    }

    private final Map<String, String> values;
    /** The values before {@code ${data.dir}} was expanded, so that a copy with another data.dir moves what follows it. */
    private final Map<String, String> raw;

    private OneStopConfig(Map<String, String> raw) {
        this.raw = raw;
        this.values = expand(raw);
    }

    /** Defaults plus environment and system properties, plus {@code ./onestop.properties} if it exists. */
    public static OneStopConfig load() {
        Path local = Path.of("onestop.properties");
        return load(Files.isRegularFile(local) ? local : null, Map.of());
    }

    /**
     * @param file      a properties file or null
     * @param overrides values that win over everything (command-line options)
     */
    public static OneStopConfig load(Path file, Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>();
        KEYS.forEach((k, v) -> merged.put(k, v[0]));
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
            }
            for (String k : p.stringPropertyNames()) {
                put(merged, k, p.getProperty(k), "in " + file);
            }
        }
        for (String k : KEYS.keySet()) {
            String env = System.getenv("ONESTOP_" + k.toUpperCase().replace('.', '_'));
            if (env != null) {
                merged.put(k, env);
            }
        }
        for (String k : System.getProperties().stringPropertyNames()) {
            if (k.startsWith("onestop.")) {
                put(merged, k.substring("onestop.".length()), System.getProperty(k), "as system property -D" + k);
            }
        }
        overrides.forEach((k, v) -> put(merged, k, v, "on the command line"));
        OneStopConfig config = new OneStopConfig(merged);
        config.validate();
        return config;
    }

    public static OneStopConfig defaults() {
        return load(null, Map.of());
    }

    /**
     * A copy with some keys replaced (tests, the demo). Keys left at {@code ${data.dir}/…} follow a replaced data.dir,
     * as they would had it been set in the file.
     */
    public OneStopConfig with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(raw);
        overrides.forEach((k, v) -> put(merged, k, v, "in an override"));
        OneStopConfig config = new OneStopConfig(merged);
        config.validate();
        return config;
    }

    private static void put(Map<String, String> into, String key, String value, String where) {
        if (!KEYS.containsKey(key)) {
            throw new ConfigException("Unknown configuration key '" + key + "' " + where
                    + ". Known keys: " + String.join(", ", KEYS.keySet()) + ".");
        }
        into.put(key, value.strip());
    }

    private static Map<String, String> expand(Map<String, String> raw) {
        Map<String, String> out = new TreeMap<>();
        String dataDir = raw.get("data.dir");
        raw.forEach((k, v) -> out.put(k, v.replace("${data.dir}", dataDir)));
        return out;
    }

    private void validate() {
        integer("server.port");
        integer("store.pool_size");
        integer("spark.shuffle_partitions");
        for (String k : KEYS.keySet()) {
            if (k.startsWith("rules.") && integer(k) < 0) {
                throw new ConfigException(k + " = " + integer(k) + " must not be negative. " + help(k));
            }
        }
        if (integer("rules.silent_history_months") < 1) {
            throw new ConfigException("rules.silent_history_months must be at least 1. " + help("rules.silent_history_months"));
        }
        for (String k : new String[] {"inbox.min_age_seconds", "source.jdbc.partitions", "source.jdbc.overlap_minutes",
            "source.portal.page_size", "source.retry.attempts", "source.retry.backoff_ms"}) {
            if (integer(k) < 0 || (integer(k) == 0 && (k.endsWith("partitions") || k.endsWith("page_size")
                    || k.endsWith("attempts")))) {
                throw new ConfigException(k + " = '" + string(k) + "' is out of range. " + help(k));
            }
        }
        for (String k : new String[] {"schedule.misfire_threshold_seconds", "runs.stale_after_seconds"}) {
            if (integer(k) < 1) {
                throw new ConfigException(k + " = '" + string(k) + "' must be at least 1. " + help(k));
            }
        }
        if (integer("runs.keep") < 0) {
            throw new ConfigException("runs.keep = '" + string("runs.keep") + "' must not be negative. " + help("runs.keep"));
        }
        for (String k : new String[] {"inspection.notice_days", "inspection.recent_months", "inspection.sample_size"}) {
            if (integer(k) < 0) {
                throw new ConfigException(k + " = " + integer(k) + " must not be negative. " + help(k));
            }
        }
        int share = integer("inspection.random_share_pct");
        if (share < 0 || share > 100) {
            throw new ConfigException("inspection.random_share_pct = " + share + " must be between 0 and 100. "
                    + help("inspection.random_share_pct"));
        }
        inspectionQuotas();
        officeStart();
        officeEnd();
        if (integer("ops.max_run_age_hours") < 0) {
            throw new ConfigException("ops.max_run_age_hours = " + integer("ops.max_run_age_hours")
                    + " must not be negative. " + help("ops.max_run_age_hours"));
        }
        bool("ops.metrics_from_loopback");
        bool("compute.incremental");
        String token = string("ops.metrics_token");
        if (!token.isEmpty() && token.length() < 16) {
            throw new ConfigException("ops.metrics_token is shorter than 16 characters: use a long random value, "
                    + "e.g. from 'openssl rand -hex 24'. " + help("ops.metrics_token"));
        }
        String logFormat = string("log.format");
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            throw new ConfigException("log.format = '" + logFormat + "' is neither text nor json. " + help("log.format"));
        }
        String profile = string("indicators.profile");
        if (!profile.equals("dvcqg-2025") && !profile.equals("qd766-2022")) {
            throw new ConfigException("indicators.profile = '" + profile
                    + "' is not a known points profile. Use dvcqg-2025 (default) or qd766-2022.");
        }
        if (string("data.dir").isEmpty()) {
            throw new ConfigException("data.dir is empty. Set it to a writable folder, e.g. data.dir=./data");
        }
    }

    public String string(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new ConfigException("Unknown configuration key '" + key + "' asked for by the program.");
        }
        return v;
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(string(key));
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " = '" + string(key) + "' is not a whole number. " + help(key));
        }
    }

    public boolean bool(String key) {
        String v = string(key).toLowerCase();
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigException(key + " = '" + string(key) + "' must be true or false. " + help(key));
        }
        return Boolean.parseBoolean(v);
    }

    private LocalTime time(String key) {
        try {
            return LocalTime.parse(string(key));
        } catch (DateTimeParseException e) {
            throw new ConfigException(key + " = '" + string(key) + "' is not a time of day like 17:00. " + help(key));
        }
    }

    private static String help(String key) {
        return "(" + key + ": " + KEYS.get(key)[1] + "; default " + KEYS.get(key)[0] + ")";
    }

    public Path dataDir() {
        return Path.of(string("data.dir"));
    }

    public String lakeUri() {
        return string("lake.uri");
    }

    public Path inboxDir() {
        return Path.of(string("inbox.dir"));
    }

    public String storeUrl() {
        return string("store.url");
    }

    public String provinceCode() {
        return string("province.code");
    }

    public String provinceName() {
        return string("province.name");
    }

    public LocalTime officeStart() {
        return time("calendar.office_start");
    }

    public LocalTime officeEnd() {
        return time("calendar.office_end");
    }

    public String pointsProfile() {
        return string("indicators.profile");
    }

    /** The default surprise-draw quotas: agency kind → number of agencies, in the order written. */
    public Map<String, Integer> inspectionQuotas() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String part : string("inspection.quotas").split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] kv = p.split("=", 2);
            try {
                int n = Integer.parseInt(kv.length == 2 ? kv[1].strip() : "");
                if (n < 0 || kv[0].isBlank() || out.put(kv[0].strip(), n) != null) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new ConfigException("inspection.quotas: '" + p + "' should read kind=N with a whole N ≥ 0, each "
                        + "kind once, e.g. department=3,commune_ppc=20. " + help("inspection.quotas"));
            }
        }
        return out;
    }

    /** Key → (default, help) of every known key, for {@code config --help}. */
    public static Map<String, String[]> knownKeys() {
        return Map.copyOf(KEYS);
    }
}
