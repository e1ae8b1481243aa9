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
        key("source.jdbc.partitions", "4", "parallel reads per source table");
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
        key("risk.min_dossiers", "30", "agencies with fewer dossiers to handle in the period are not scored");
        key("risk.min_denominator", "10", "a rate enters the risk score only over at least N dossiers (noise)");
        key("risk.weights", "R01.rate=3,R02.rate=2,R03.rate=1,R04.rate=1,R05.rate=1,R06.rate=2,R07.rate=1,"
                + "R08.rate=1,R09.rate=1,R10.rate=2,R11.rate=1,gap:766.2.1=2,gap:766.1.4=1,gap:766.4.2=1,"
                + "gap:766.5.4=1,feedback_per_1000=1,conduct_feedback=1",
                "risk inputs and their weights: input=weight, comma-separated");
        key("schedule.cron", "0 0 2 * * ?", "Quartz cron of the nightly ingest → compute → publish");
        key("schedule.enabled", "true", "run the schedule inside 'serve'");
    }

    private static void key(String name, String defaultValue, String help) {
        KEYS.put(name, new String[] {defaultValue, help});
    }

    private final Map<String, String> values;

    private OneStopConfig(Map<String, String> values) {
        this.values = values;
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
        OneStopConfig config = new OneStopConfig(expand(merged));
        config.validate();
        return config;
    }

    public static OneStopConfig defaults() {
        return load(null, Map.of());
    }

    /** A copy with some keys replaced (tests, the demo). */
    public OneStopConfig with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(values);
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
        for (String k : new String[] {"inbox.min_age_seconds", "source.jdbc.partitions", "source.jdbc.overlap_minutes",
            "source.portal.page_size", "source.retry.attempts", "source.retry.backoff_ms"}) {
            if (integer(k) < 0 || (integer(k) == 0 && (k.endsWith("partitions") || k.endsWith("page_size")
                    || k.endsWith("attempts")))) {
                throw new ConfigException(k + " = '" + string(k) + "' is out of range. " + help(k));
            }
        }
        officeStart();
        officeEnd();
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

    /** Key → (default, help) of every known key, for {@code config --help}. */
    public static Map<String, String[]> knownKeys() {
        return Map.copyOf(KEYS);
    }
}
