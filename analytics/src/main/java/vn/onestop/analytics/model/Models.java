package vn.onestop.analytics.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.onestop.analytics.IndicatorSettings;
import vn.onestop.analytics.period.Period;
import vn.onestop.analytics.period.PeriodKind;
import vn.onestop.core.calendar.WorkingCalendar;
import vn.onestop.ingest.Field;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.RecordType;

/**
 * Builds the layered SQL models over the lake, as temporary views: {@code lake_<table>} (canonical tables, empty
 * when the lake has none) → {@code stg_case} → {@code case_timeline} → {@code case_period}. The SQL lives in
 * {@code models/*.sql}; parameters (the periods) are views too, never text pasted into SQL.
 */
public final class Models {
    public static final String CASE_PERIOD = "case_period";
    private static final String TIMELINE_CASES = "timeline_cases";
    private static final String CASE_TIMELINE = "case_timeline";
    /** The cached layers, released after publishing and before the next build (the lake may have changed since). */
    private static final List<String> CACHED = List.of(CASE_PERIOD, "silent_procedure_period", CASE_TIMELINE,
            "case_fingerprint", "fingerprint_diff");
    public static final String SILENT_PROCEDURE_PERIOD = "silent_procedure_period";
    /** The cached layers by view (see {@link #cache}). */
    private static final Map<String, Dataset<Row>> CACHES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final List<String> PERIOD_LAYERS = List.of("agency_procedure_period", "feedback_period",
            "closing_burst_period");
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Models() {
    }

    /** The lake views and the period-independent layers: {@code stg_case}, {@code case_timeline}. */
    public static void buildBase(SparkSession spark, Lake lake, WorkingCalendar calendar, IndicatorSettings settings) {
        CalendarFunctions.register(spark, calendar);
        spark.createDataset(settings.copyCertificationProcedures(), org.apache.spark.sql.Encoders.STRING())
                .toDF("procedure_code").createOrReplaceTempView("copy_certification_procedures");
        var t = settings.thresholds();
        StructType thresholds = new StructType()
                .add("recorded_late_working_days", DataTypes.IntegerType).add("sync_late_days", DataTypes.IntegerType)
                .add("too_fast_minutes", DataTypes.IntegerType).add("too_fast_min_working_days", DataTypes.IntegerType)
                .add("closing_burst_share_pct", DataTypes.IntegerType).add("closing_burst_officer", DataTypes.IntegerType)
                .add("silent_peer_share_pct", DataTypes.IntegerType).add("silent_volume_pct", DataTypes.IntegerType)
                .add("silent_history_months", DataTypes.IntegerType)
                .add("silent_min_history_months", DataTypes.IntegerType)
                .add("silent_min_monthly_median", DataTypes.IntegerType);
        spark.createDataFrame(List.of(RowFactory.create(t.recordedLateWorkingDays(), t.syncLateDays(),
                t.tooFastMinutes(), t.tooFastMinWorkingDays(), t.closingBurstSharePct(), t.closingBurstOfficer(),
                t.silentPeerSharePct(), t.silentVolumePct(), t.silentHistoryMonths(), t.silentMinHistoryMonths(),
                t.silentMinMonthlyMedian())),
                thresholds).createOrReplaceTempView("rule_thresholds");
        for (RecordType type : RecordType.values()) {
            Dataset<Row> table = lake.exists(spark, type.table()) ? lake.read(spark, type.table())
                    : spark.createDataFrame(List.of(), emptySchema(type));
            table.createOrReplaceTempView("lake_" + type.table());
        }
        release();
        spark.sql(sql("stg_case")).createOrReplaceTempView("stg_case");
        // Cached: the data range, the fingerprints, the dossier periods and the register all read it, and each
        // evaluation joins the whole history.
        cache(spark, spark.sql(sql(CASE_TIMELINE)), CASE_TIMELINE);
    }

    /**
     * The period layers for the given periods: {@code case_period} (cached: every dossier indicator and rule reads
     * it), {@code agency_procedure_period}, {@code feedback_period}, {@code closing_burst_period} and
     * {@code silent_procedure_period} (cached too).
     */
    public static void buildPeriods(SparkSession spark, List<Period> periods) {
        buildPeriods(spark, periods, periods, Map.of());
    }

    /**
     * The period layers for {@code periods}, a part of the run's periods {@code all} (a nightly run): only the
     * months R12 judges come from all of them. {@code case_period} holds, of the periods in {@code partial}
     * ("kind|start" → agency codes), only the dossiers of those agencies.
     */
    public static void buildPeriods(SparkSession spark, List<Period> periods, List<Period> all,
                                    Map<String, Set<String>> partial) {
        periodsView(spark, all, Map.of()).createOrReplaceTempView("all_periods");
        periodsView(spark, periods, partial).createOrReplaceTempView("periods");
        List<Row> scope = new ArrayList<>();
        for (Period p : periods) {
            for (String agency : partial.getOrDefault(p.kind().code() + "|" + p.start(), Set.of())) {
                scope.add(RowFactory.create(p.kind().code(), p.start(), agency));
            }
        }
        spark.createDataFrame(scope, new StructType().add("kind", DataTypes.StringType)
                .add("period_start", DataTypes.DateType).add("agency_code", DataTypes.StringType))
                .createOrReplaceTempView("partial_scope");
        periodKindsView(spark, periods).createOrReplaceTempView("period_kinds");
        cache(spark, spark.sql(sql(CASE_PERIOD)), CASE_PERIOD);
        for (String layer : PERIOD_LAYERS) {
            spark.sql(sql(layer)).createOrReplaceTempView(layer);
        }
        // Small, read by the counts and again by the flag list.
        cache(spark, spark.sql(sql(SILENT_PROCEDURE_PERIOD)), SILENT_PROCEDURE_PERIOD);
        spark.sql(sql("flagged_case")).createOrReplaceTempView(TIMELINE_CASES);
    }

    /** The dossiers whose evidence timeline {@link #flaggedCaseTimeline} builds (every flagged one by default). */
    public static void timelineCases(SparkSession spark, List<String> caseIds) {
        spark.createDataset(caseIds, org.apache.spark.sql.Encoders.STRING()).toDF("case_id")
                .createOrReplaceTempView(TIMELINE_CASES);
    }

    /** The evidence timeline of every flagged dossier (reads case_period: build the periods first). */
    public static Dataset<Row> flaggedCaseTimeline(SparkSession spark) {
        // The dossiers once: the timeline's eight branches read them, and flagged_case scans every dossier period.
        spark.table(TIMELINE_CASES).localCheckpoint(true).createOrReplaceTempView(TIMELINE_CASES);
        return spark.sql(sql("flagged_case_timeline"));
    }

    /**
     * Caches {@code rows} and registers {@code view} over the cached columns themselves, not over the query that
     * fills them. Spark finds a cached query by comparing plans, and in Spark 4.2 a query written with WITH never
     * compares equal from inside another query with CTEs of its own: case_period, the fingerprints and the
     * timeline rebuilt case_timeline from the lake each time (decision 80). {@link #release} drops it.
     */
    public static void cache(SparkSession spark, Dataset<Row> rows, String view) {
        Dataset<Row> old = CACHES.remove(view);
        if (old != null) {
            old.unpersist();
        }
        CACHES.put(view, rows.persist());
        var session = (org.apache.spark.sql.classic.SparkSession) spark;
        var cached = session.sharedState().cacheManager()
                .lookupCachedData((org.apache.spark.sql.classic.Dataset<?>) rows).get();
        org.apache.spark.sql.classic.Dataset$.MODULE$.ofRows(session, cached.cachedRepresentation())
                .createOrReplaceTempView(view);
    }

    public static void release() {
        for (String view : CACHED) {
            Dataset<Row> rows = CACHES.remove(view);
            if (rows != null) {
                rows.unpersist();
            }
        }
    }

    private static StructType emptySchema(RecordType type) {
        List<StructField> fields = new ArrayList<>();
        for (Field f : type.fields()) {
            fields.add(DataTypes.createStructField(f.name(), f.type().sparkType(), true));
        }
        return DataTypes.createStructType(fields);
    }

    /** The periods; {@code partial} marks those computed for some agencies only (partial_scope). */
    private static Dataset<Row> periodsView(SparkSession spark, List<Period> periods, Map<String, Set<String>> partial) {
        StructType schema = new StructType()
                .add("kind", DataTypes.StringType).add("idx", DataTypes.IntegerType)
                .add("period_start", DataTypes.DateType).add("period_end", DataTypes.DateType)
                .add("start_ts", DataTypes.TimestampType).add("end_ts", DataTypes.TimestampType)
                .add("partial", DataTypes.BooleanType);
        List<Row> rows = new ArrayList<>();
        for (Period p : periods) {
            rows.add(RowFactory.create(p.kind().code(), p.idx(), p.start(), p.end(),
                    startOfDay(p.start()), startOfDay(p.end().plusDays(1)),
                    partial.containsKey(p.kind().code() + "|" + p.start())));
        }
        return spark.createDataFrame(rows, schema);
    }

    /**
     * The kinds of the periods with what numbers them (Period.index in SQL): a period's number is the number of
     * the month holding the day (year × 12 + month − 1; for report periods a day from the 15th counts in the next
     * month) divided by {@code months}, or 0 for the range.
     */
    private static Dataset<Row> periodKindsView(SparkSession spark, List<Period> periods) {
        StructType schema = new StructType()
                .add("kind", DataTypes.StringType).add("report", DataTypes.BooleanType)
                .add("months", DataTypes.IntegerType);
        List<Row> rows = new ArrayList<>();
        for (PeriodKind kind : new java.util.LinkedHashSet<>(periods.stream().map(Period::kind).toList())) {
            rows.add(RowFactory.create(kind.code(), kind.isReport(), kind.months()));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static java.time.Instant startOfDay(LocalDate d) {
        return d.atStartOfDay(ZONE).toInstant();
    }

    /** The SQL of {@code models/<model>.sql}. */
    public static String model(String model) {
        return sql(model);
    }

    static String sql(String model) {
        String path = "models/" + model + ".sql";
        try (InputStream in = Models.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
