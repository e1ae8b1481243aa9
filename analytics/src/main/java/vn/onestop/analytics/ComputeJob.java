package vn.onestop.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.model.Agency;
import vn.onestop.analytics.model.DimensionValue;
import vn.onestop.analytics.model.IndicatorCounter;
import vn.onestop.analytics.model.IndicatorValue;
import vn.onestop.analytics.model.Models;
import vn.onestop.analytics.model.RiskScoring;
import vn.onestop.analytics.model.RuleFlags;
import vn.onestop.analytics.model.Scoring;
import vn.onestop.analytics.period.Period;
import vn.onestop.analytics.publish.Publisher;
import vn.onestop.core.calendar.WorkingCalendar;
import vn.onestop.core.store.RunLog;
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

    /** What a computation produced; the flags are read from Spark while publishing. */
    public record Computation(LocalDate from, LocalDate to, List<Period> periods, List<Agency> agencies,
                              List<IndicatorValue> values, List<RiskScoring.AgencyRisk> risks) {
    }

    /** Per procedure and per field (lĩnh vực): computed while publishing, from the cached dossier periods. */
    private List<DimensionValue> dimensionValues() {
        Scoring scoring = new Scoring(catalogue, profile, settings.provinceCode(), settings.provinceName());
        List<DimensionValue> out = new java.util.ArrayList<>(scoring.scoreDimensions(
                IndicatorCounter.countBy(spark, catalogue, "procedure", "procedure_code")));
        out.addAll(scoring.scoreDimensions(IndicatorCounter.countBy(spark, catalogue, "field", "field_code")));
        return out;
    }

    public Computation compute(LocalDate from, LocalDate to) {
        Models.buildBase(spark, lake, calendar, settings);
        LocalDate[] range = dataRange();
        LocalDate start = from != null ? from : range[0];
        LocalDate end = to != null ? to : range[1];
        if (start == null || end == null) {
            throw new IllegalStateException("The lake holds no accepted dossier, so there is no period to compute. "
                    + "Ingest case files first, or give --from and --to.");
        }
        List<Period> periods = Period.covering(start, end);
        Models.buildPeriods(spark, periods);
        List<Agency> agencies = agencies();
        long t = System.nanoTime();
        var counts = IndicatorCounter.count(spark, catalogue);
        t = lap("(computed) counts", t);
        var values = new Scoring(catalogue, profile, settings.provinceCode(), settings.provinceName()).score(counts, agencies, periods);
        t = lap("(computed) scores", t);
        var risks = new RiskScoring(catalogue, settings.riskWeights(), settings.riskMinDossiers(),
                settings.riskMinDenominator()).score(values, agencies);
        lap("(computed) risk scores", t);
        return new Computation(start, end, periods, agencies, values, risks);
    }

    /** Writes the computation under {@code runId} and makes it current; flags stream from Spark into the store. */
    public void publish(Store store, String runId, Computation computation, IngestReport inputs) {
        try (Publisher publisher = new Publisher(store, runId)) {
            long t = System.nanoTime();
            publisher.agencies(computation.agencies());
            publisher.groups(computation.agencies());
            publisher.periods(computation.periods());
            publisher.rules(RuleFlags.rules(settings.thresholds()));
            publisher.catalogue(catalogue, profile);
            publisher.values(computation.values());
            t = lap("indicator values (" + computation.values().size() + ")", t);
            publisher.risks(computation.risks());
            t = lap("risk scores (" + computation.risks().size() + ")", t);
            List<DimensionValue> dims = dimensionValues();
            publisher.dimensionValues(dims);
            t = lap("procedure and field values (" + dims.size() + ")", t);
            publisher.procedures(spark.sql("SELECT procedure_code, name, field_code, field_name, legal_duration, "
                    + "duration_unit, online_level FROM lake_procedure ORDER BY procedure_code").toLocalIterator());
            long flags = RuleFlags.stream(spark, RuleFlags.rules(settings.thresholds()), publisher.flagSink());
            t = lap("rule flags (" + flags + ")", t);
            publisher.timeline(Models.flaggedCaseTimeline(spark).toLocalIterator());
            t = lap("dossier timelines", t);
            if (inputs != null) {
                publisher.inputs(inputs);
            }
            publisher.publish(computation.from(), computation.to(), profile, FORMULA_VERSION, null);
            lap("commit", t);
        } finally {
            Models.release(spark);
        }
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
