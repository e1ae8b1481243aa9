package vn.onestop.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.incremental.ChangePlan;
import vn.onestop.analytics.incremental.Fingerprints;
import vn.onestop.analytics.incremental.RunCounts;
import vn.onestop.analytics.model.Counts;
import vn.onestop.analytics.model.DimensionCounts;
import vn.onestop.analytics.model.Agency;
import vn.onestop.analytics.model.DimensionValue;
import vn.onestop.analytics.model.IndicatorCounter;
import vn.onestop.analytics.model.IndicatorValue;
import vn.onestop.analytics.model.Models;
import vn.onestop.analytics.model.RiskScoring;
import vn.onestop.analytics.model.RuleDefinition;
import vn.onestop.analytics.model.RuleFlags;
import vn.onestop.analytics.model.Scoring;
import vn.onestop.analytics.model.SilentProcedures;
import vn.onestop.analytics.period.Period;
import vn.onestop.analytics.period.PeriodKind;
import vn.onestop.analytics.publish.Publisher;
import vn.onestop.core.calendar.WorkingCalendar;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.RunMessage;
import vn.onestop.core.store.RunProgress;
import vn.onestop.core.store.Store;
import vn.onestop.ingest.IngestReport;
import vn.onestop.ingest.Lake;

/**
 * Computes the catalogue over the lake for a date range and publishes it: models → counts per agency and period
 * → roll-ups and scores → flags → store. The range defaults to the data's own (first month received to the
 * last day with a reception or an end).
 */
public final class ComputeJob {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ComputeJob.class);
    /** Bumped whenever a formula changes, so that trend charts never join values across versions silently. */
    public static final String FORMULA_VERSION = "2026.1";
    private static final int FLAG_REPORT = 5_000;
    private static final java.time.format.DateTimeFormatter VI_DATE =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final SparkSession spark;
    private final Lake lake;
    private final WorkingCalendar calendar;
    private final Catalogue catalogue;
    private final IndicatorSettings settings;
    private final String profile;

    public ComputeJob(SparkSession spark, Lake lake, WorkingCalendar calendar, Catalogue catalogue,
                      IndicatorSettings settings) {
        this.spark = spark;
        this.lake = lake;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.settings = settings;
        this.profile = settings.profile();
    }

    /**
     * What a computation produced; the flags are read from Spark while publishing. In a nightly run ({@code
     * plan.incremental()}) the values and risks are those of the recomputed periods only; the rest is carried over.
     */
    public record Computation(LocalDate from, LocalDate to, List<Period> periods, List<Agency> agencies,
                              List<IndicatorValue> values, List<RiskScoring.AgencyRisk> risks, ChangePlan plan,
                              String basis, List<Counts> counts) {
    }

    /** The published run a nightly run may build on: its id and range. */
    public record Baseline(String runId, LocalDate from, LocalDate to) {
        /** The run the dashboard serves now, or null when none was published. */
        public static Baseline current(Store store) {
            try (java.sql.Connection c = store.connection();
                 java.sql.PreparedStatement ps = c.prepareStatement("SELECT r.run_id, r.period_from, r.period_to "
                         + "FROM current_run cr JOIN run r ON r.run_id = cr.run_id");
                 java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getDate(2) != null && rs.getDate(3) != null
                        ? new Baseline(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate())
                        : null;
            } catch (java.sql.SQLException e) {
                throw new vn.onestop.core.store.StoreException("Cannot read the published run", e);
            }
        }
    }

    /**
     * Counts per procedure and per field (lĩnh vực), from the cached dossier periods: in a nightly run those of the
     * agencies and periods it recomputes.
     */
    private List<DimensionCounts> dimensionCounts(ChangePlan plan) {
        List<DimensionCounts> out = new ArrayList<>(IndicatorCounter.countBy(spark, catalogue, "procedure",
                "procedure_code"));
        out.addAll(IndicatorCounter.countBy(spark, catalogue, "field", "field_code"));
        if (plan.incremental()) {
            ChangePlan.Recomputed recomputed = plan.recomputed();
            out.removeIf(c -> !recomputed.agency(c.periodKind(), c.periodStart(), c.agencyCode()));
        }
        return out;
    }

    /** Values per procedure and field of the periods published afresh: in a partial period, of its agencies. */
    private List<DimensionValue> dimensionValues(ChangePlan plan, List<DimensionCounts> counts) {
        List<DimensionCounts> scored = counts;
        if (plan.incremental()) {
            scored = new ArrayList<>(counts);
            scored.addAll(RunCounts.carriedDimensions(spark, lake, plan, plan.touched()));
        }
        List<DimensionValue> out = new ArrayList<>(new Scoring(catalogue, profile, settings.provinceCode(),
                settings.provinceName()).scoreDimensions(scored));
        if (plan.incremental()) {
            ChangePlan.Recomputed recomputed = plan.recomputed();
            out.removeIf(d -> !recomputed.scope(d.periodKind(), d.periodStart(), d.scopeCode(),
                    d.scopeKind() == IndicatorValue.ScopeKind.AGENCY));
        }
        return out;
    }

    public Computation compute(LocalDate from, LocalDate to) {
        return compute(from, to, RunProgress.NONE);
    }

    /** Reports its five steps to {@code progress}, which may stop the run between them. */
    public Computation compute(LocalDate from, LocalDate to, RunProgress progress) {
        return compute(from, to, EnumSet.allOf(PeriodKind.class), progress, null);
    }

    /**
     * A nightly run: on top of {@code baseline} (the published run, or null), only the periods that changes touch
     * are recomputed when the range is the data's own and nothing else changed (ChangePlan); otherwise a full run.
     */
    public Computation compute(LocalDate from, LocalDate to, RunProgress progress, Baseline baseline) {
        return compute(from, to, EnumSet.allOf(PeriodKind.class), progress, baseline);
    }

    /** Only the periods of the given kinds: a quicker computation for checks that need few of them. */
    public Computation compute(LocalDate from, LocalDate to, Set<PeriodKind> kinds) {
        return compute(from, to, kinds, RunProgress.NONE, null);
    }

    private Computation compute(LocalDate from, LocalDate to, Set<PeriodKind> kinds, RunProgress progress,
                                Baseline baseline) {
        int steps = 5;
        Models.buildBase(spark, lake, calendar, settings);
        progress.step("models", 1, steps);
        LocalDate[] range = dataRange();
        LocalDate start = from != null ? from : range[0];
        LocalDate end = to != null ? to : range[1];
        if (start == null || end == null) {
            throw new IllegalStateException("The lake holds no accepted dossier, so there is no period to compute. "
                    + "Ingest case files first, or give --from and --to.");
        }
        List<Period> periods = Period.ofKinds(Period.covering(start, end), kinds);
        Fingerprints.register(spark);
        String basis = basis(start, from == null && to == null && kinds.size() == PeriodKind.values().length);
        ChangePlan plan = plan(baseline, basis, start, end, periods);
        LOG.info("Compute: {}", plan.describe());
        // Only the touched periods, and of a partial one only its agencies' dossiers: the periods before them are
        // scored from the published run's counts.
        Models.buildPeriods(spark, plan.touched(), periods, plan.partial());
        List<Agency> agencies = agencies();
        progress.step("periods", 2, steps);
        long t = System.nanoTime();
        List<Counts> counts = IndicatorCounter.count(spark, catalogue);
        List<Counts> scored = counts;
        if (plan.incremental()) {
            ChangePlan.Recomputed recomputed = plan.recomputed();
            counts = counts.stream().filter(c -> recomputed.agency(c.periodKind(), c.periodStart(), c.agencyCode()))
                    .toList();
            scored = new ArrayList<>(counts);
            scored.addAll(RunCounts.carried(spark, lake, plan, plan.computed()));
        }
        t = lap("(computed) counts", t);
        progress.step("counts", 3, steps);
        var values = new Scoring(catalogue, profile, settings.provinceCode(), settings.provinceName())
                .score(scored, agencies, plan.computed());
        t = lap("(computed) scores", t);
        progress.step("scores", 4, steps);
        var risks = new RiskScoring(catalogue, settings.riskWeights(), settings.riskMinDossiers(),
                settings.riskPriorDossiers(), settings.riskOutlierChance()).score(values, agencies);
        lap("(computed) risk scores", t);
        if (plan.incremental()) {
            // Published afresh: the touched periods' values, of a partial one only its agencies', groups' and the
            // province's (the other agencies' rows are copied); risk scores of every agency of a touched period.
            ChangePlan.Recomputed recomputed = plan.recomputed();
            values = values.stream().filter(v -> recomputed.scope(v.periodKind(), v.periodStart(), v.scopeCode(),
                    v.scopeKind() == IndicatorValue.ScopeKind.AGENCY)).toList();
            risks = risks.stream().filter(r -> recomputed.period(r.periodKind(), r.periodStart())).toList();
        }
        progress.step("risk scores", 5, steps);
        return new Computation(start, end, periods, agencies, values, risks, plan, basis, counts);
    }

    /** A nightly run on top of the published run when nothing but the dossiers and feedback changed. */
    private ChangePlan plan(Baseline baseline, String basis, LocalDate start, LocalDate end, List<Period> periods) {
        if (baseline == null) {
            return ChangePlan.full(RunMessage.of("no published run to build on",
                    "chưa có lần chạy đã công bố để dựa vào"), periods);
        }
        if (!start.equals(baseline.from()) || end.isBefore(baseline.to())) {
            return ChangePlan.full(RunMessage.of("the data now cover " + start + " – " + end
                    + ", the published run " + baseline.from() + " – " + baseline.to(), "dữ liệu nay trải từ "
                    + VI_DATE.format(start) + " đến " + VI_DATE.format(end) + ", lần chạy đã công bố từ "
                    + VI_DATE.format(baseline.from()) + " đến " + VI_DATE.format(baseline.to())), periods);
        }
        String baseBasis = Fingerprints.basis(spark, lake, baseline.runId());
        if (baseBasis == null) {
            return ChangePlan.full(RunMessage.of("the published run left no fingerprints of its dossiers",
                    "lần chạy đã công bố không để lại dấu vân tay của hồ sơ"), periods);
        }
        if (!baseBasis.equals(basis)) {
            return ChangePlan.full(RunMessage.of("formulas, settings, calendar, reference data or the range asked "
                    + "for changed", "công thức, cấu hình, lịch làm việc, dữ liệu danh mục hoặc khoảng thời gian "
                    + "yêu cầu đã thay đổi"), periods);
        }
        Fingerprints.registerBase(spark, lake, baseline.runId());
        return ChangePlan.plan(spark, baseline.runId(), baseline.to(), periods);
    }

    /**
     * Everything besides the dossiers and feedback that the published numbers depend on: a nightly run builds on
     * the published run only when this is unchanged.
     */
    private String basis(LocalDate start, boolean dataRange) {
        StringBuilder s = new StringBuilder();
        s.append(FORMULA_VERSION).append(" fingerprints ").append(Fingerprints.VERSION).append('\n')
                .append(start).append(dataRange ? " data range" : " range asked for")
                .append('\n').append(settings).append('\n');
        catalogue.definitions().forEach(d -> s.append(d).append('\n'));
        s.append(calendar.dayStart()).append('-').append(calendar.dayEnd());
        for (int year : new java.util.TreeSet<>(calendar.years())) {
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                s.append(calendar.isWorkingDay(d) ? '1' : '0');
            }
        }
        for (String table : List.of("lake_agency", "lake_procedure", "lake_agency_procedure")) {
            Row r = spark.sql("SELECT count(*), bit_xor(xxhash64(to_json(struct(*)))) FROM " + table).first();
            s.append('\n').append(table).append(' ').append(r.getLong(0)).append(' ')
                    .append(r.isNullAt(1) ? 0 : r.getLong(1));
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the computation under {@code runId} and makes it current; flags stream from Spark into the store. */
    public void publish(Store store, String runId, Computation computation, IngestReport inputs) {
        publish(store, runId, computation, inputs, RunProgress.NONE);
    }

    /**
     * Reports the rows written so far to {@code progress} after each part and every {@value #FLAG_REPORT} flags;
     * {@code progress} may stop the run there, before the current run is flipped.
     */
    public void publish(Store store, String runId, Computation computation, IngestReport inputs, RunProgress progress) {
        ChangePlan plan = computation.plan();
        boolean nightly = plan.incremental();
        Set<String> touched = plan.touchedKeys();
        try (Publisher publisher = new Publisher(store, runId)) {
            long t = System.nanoTime();
            long rows = computation.agencies().size() + computation.periods().size();
            publisher.agencies(computation.agencies());
            publisher.groups(computation.agencies());
            publisher.periods(computation.periods());
            publisher.rules(rules());
            publisher.catalogue(catalogue, profile);
            progress.step("catalogue", rows, -1);
            publisher.values(computation.values());
            rows += computation.values().size();
            t = lap("indicator values (" + computation.values().size() + ")", t);
            progress.step("indicator values", rows, -1);
            publisher.risks(computation.risks());
            rows += computation.risks().size();
            t = lap("risk scores (" + computation.risks().size() + ")", t);
            List<DimensionCounts> dimCounts = dimensionCounts(plan);
            List<DimensionValue> dims = dimensionValues(plan, dimCounts);
            publisher.dimensionValues(dims);
            rows += dims.size();
            t = lap("procedure and field values (" + dims.size() + ")", t);
            progress.step("procedure and field values", rows, -1);
            publisher.procedures(spark.sql("SELECT procedure_code, name, field_code, field_name, legal_duration, "
                    + "duration_unit, online_level FROM lake_procedure ORDER BY procedure_code").toLocalIterator());
            long before = rows;
            java.util.function.Consumer<vn.onestop.analytics.model.CaseFlag> sink = publisher.flagSink();
            long[] flagged = {0};
            long flags = RuleFlags.stream(spark, RuleFlags.rules(settings.thresholds()), flag -> {
                sink.accept(flag);
                if (++flagged[0] % FLAG_REPORT == 0) {
                    progress.step("rule flags", before + flagged[0], -1);
                }
            });
            rows += flags;
            t = lap("rule flags (" + flags + ")", t);
            var agencySink = publisher.agencyFlagSink();
            long agencyFlags = SilentProcedures.stream(spark, f -> {
                if (!nightly || touched.contains(ChangePlan.key(f.periodKind(), f.periodStart()))) {
                    agencySink.accept(f);
                }
            });
            rows += agencyFlags;
            t = lap("agency flags (" + agencyFlags + ")", t);
            List<String> changed = List.of();
            if (nightly) {
                long copied = publisher.carryOver(plan.baseRunId(), plan);
                rows += copied;
                t = lap("carried over from " + plan.baseRunId() + " (" + copied + ")", t);
                List<Row> changedRows = spark.sql("SELECT case_id, status, end_at, first_apology_at "
                        + "FROM fingerprint_diff").collectAsList();
                changed = changedRows.stream().map(r -> r.getString(0)).toList();
                publisher.refreshFlags(changedRows);
                java.util.Set<String> timelines = new java.util.LinkedHashSet<>(changed);
                timelines.addAll(publisher.flaggedWithoutTimeline(plan.baseRunId()));
                Models.timelineCases(spark, new ArrayList<>(timelines));
                t = lap("changed dossiers (" + changed.size() + "), timelines to build (" + timelines.size() + ")", t);
            }
            progress.step("rule flags", rows, -1);
            // Built on both cores and kept on local disk first: toLocalIterator alone computes the window's
            // partitions one after another, on one core, while the store waits.
            Dataset<Row> timeline = Models.flaggedCaseTimeline(spark).persist(StorageLevel.DISK_ONLY());
            try {
                timeline.count();
                publisher.timeline(timeline.toLocalIterator());
            } finally {
                timeline.unpersist();
            }
            if (nightly) {
                publisher.carryOverTimelines(plan.baseRunId());
                publisher.carryOverRegister(plan.baseRunId(), changed);
            }
            t = lap("dossier timelines", t);
            publisher.register(spark.sql("SELECT case_id, agency_code, procedure_code, field_code, received_at "
                    + "FROM stg_case WHERE to_date(received_at) BETWEEN :from AND :to"
                    + (nightly ? " AND case_id IN (SELECT case_id FROM fingerprint_diff)" : "")
                    + " ORDER BY agency_code, case_id",
                    java.util.Map.of("from", computation.from(), "to", computation.to())).toLocalIterator());
            t = lap("dossier register", t);
            if (inputs != null) {
                publisher.inputs(inputs);
                rows += inputs.counts().size() + inputs.quarantined().size();
            }
            progress.step("dossier timelines and input balance", rows, -1);
            RunCounts.write(spark, lake, runId, plan, computation.counts(), dimCounts);
            t = lap("counts beside the lake", t);
            Fingerprints.write(spark, lake, runId, computation.basis());
            t = lap("dossier fingerprints", t);
            publisher.publish(computation.from(), computation.to(), profile, FORMULA_VERSION, plan.message());
            lap("commit", t);
        } finally {
            Models.release();
        }
        try {
            java.util.Set<String> runs = new java.util.HashSet<>();
            try (java.sql.Connection c = store.connection();
                 java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT run_id FROM run")) {
                while (rs.next()) {
                    runs.add(rs.getString(1));
                }
            }
            Fingerprints.prune(spark, lake, id -> !id.equals(runId) && runs.contains(id));
        } catch (java.sql.SQLException | RuntimeException e) {
            LOG.warn("Could not delete older runs' dossier fingerprints (the run is published): {}", e.getMessage());
        }
    }

    /** Every rule the run judges: the dossier rules R01–R11, then the agency rule R12. */
    private List<RuleDefinition> rules() {
        List<RuleDefinition> rules = new ArrayList<>(RuleFlags.rules(settings.thresholds()));
        rules.add(SilentProcedures.rule(settings.thresholds()));
        return rules;
    }

    private static long lap(String what, long since) {
        long now = System.nanoTime();
        LOG.info("Published {} in {} ms", what, (now - since) / 1_000_000);
        return now;
    }

    private LocalDate[] dataRange() {
        Row r = spark.sql("SELECT min(to_date(received_at)), "
                + "greatest(max(to_date(received_at)), max(to_date(end_at))) FROM case_timeline").first();
        LocalDate first = r.isNullAt(0) ? null : ((LocalDate) r.getAs(0)).withDayOfMonth(1);
        LocalDate last = r.isNullAt(1) ? null : r.getAs(1);
        return new LocalDate[] {first, last};
    }

    private List<Agency> agencies() {
        List<Agency> out = new ArrayList<>();
        for (Row r : spark.sql("SELECT agency_code, name, kind, parent_code, valid_from, valid_to, successor_code "
                + "FROM lake_agency ORDER BY agency_code").collectAsList()) {
            out.add(new Agency(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getAs(4), r.getAs(5),
                    r.getString(6)));
        }
        return out;
    }

    public static String newRunId() {
        return RunLog.newRunId();
    }
}
