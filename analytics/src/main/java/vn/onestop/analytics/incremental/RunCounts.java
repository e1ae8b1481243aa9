package vn.onestop.analytics.incremental;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.onestop.analytics.model.Counts;
import vn.onestop.analytics.model.DimensionCounts;
import vn.onestop.analytics.period.Period;
import vn.onestop.ingest.Lake;

/**
 * The counts a published run scored, per agency, period and indicator (and per procedure and field), kept beside
 * its fingerprints ({@code _compute/<run id>/counts}, {@code dim_counts}): a nightly run recomputes a partial
 * period's counts for some agencies only and takes the others' from here, and scores the periods before the
 * touched ones from here without computing them (ChangePlan, decisions.md 78).
 */
public final class RunCounts {
    // One row per agency × period (× procedure or field) with its indicators side by side: a row per indicator made
    // 1.8 million rows at 200,000 dossiers, and turning them into a DataFrame took most of the write's time.
    private static final StructType COUNTS = new StructType()
            .add("agency_code", DataTypes.StringType).add("period_kind", DataTypes.StringType)
            .add("period_start", DataTypes.DateType).add("period_end", DataTypes.DateType)
            .add("indicator_ids", DataTypes.createArrayType(DataTypes.StringType, false))
            .add("numerators", DataTypes.createArrayType(DataTypes.LongType, false))
            .add("denominators", DataTypes.createArrayType(DataTypes.LongType, true));
    private static final StructType DIM_COUNTS = new StructType()
            .add("dimension", DataTypes.StringType).add("dim_code", DataTypes.StringType)
            .add("agency_code", DataTypes.StringType).add("period_kind", DataTypes.StringType)
            .add("period_start", DataTypes.DateType).add("period_end", DataTypes.DateType)
            .add("indicator_ids", DataTypes.createArrayType(DataTypes.StringType, false))
            .add("numerators", DataTypes.createArrayType(DataTypes.LongType, false))
            .add("denominators", DataTypes.createArrayType(DataTypes.LongType, true));

    private RunCounts() {
    }

    /**
     * The base run's counts of {@code periods} that this run does not recompute (ChangePlan.Recomputed): those of
     * the agencies a partial period leaves alone, and every agency's of a period not touched.
     */
    public static List<Counts> carried(SparkSession spark, Lake lake, ChangePlan plan, Collection<Period> periods) {
        ChangePlan.Recomputed recomputed = plan.recomputed();
        List<Counts> out = new ArrayList<>();
        for (Row r : read(spark, lake, plan.baseRunId(), "counts", periods).collectAsList()) {
            if (recomputed.agency(r.getString(1), r.getAs(2), r.getString(0))) {
                continue;
            }
            List<String> ids = r.getList(4);
            List<Long> numerators = r.getList(5);
            List<Long> denominators = r.getList(6);
            for (int i = 0; i < ids.size(); i++) {
                out.add(new Counts(r.getString(0), r.getString(1), r.getAs(2), r.getAs(3), ids.get(i),
                        numerators.get(i), denominators.get(i)));
            }
        }
        return out;
    }

    /** As {@link #carried}, per procedure and field. */
    public static List<DimensionCounts> carriedDimensions(SparkSession spark, Lake lake, ChangePlan plan,
                                                          Collection<Period> periods) {
        ChangePlan.Recomputed recomputed = plan.recomputed();
        List<DimensionCounts> out = new ArrayList<>();
        for (Row r : read(spark, lake, plan.baseRunId(), "dim_counts", periods).collectAsList()) {
            if (recomputed.agency(r.getString(3), r.getAs(4), r.getString(2))) {
                continue;
            }
            List<String> ids = r.getList(6);
            List<Long> numerators = r.getList(7);
            List<Long> denominators = r.getList(8);
            for (int i = 0; i < ids.size(); i++) {
                out.add(new DimensionCounts(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                        r.getAs(4), r.getAs(5), ids.get(i), numerators.get(i), denominators.get(i)));
            }
        }
        return out;
    }

    /**
     * Writes this run's counts: those it computed and, in a nightly run, the base run's of every agency and period it
     * did not recompute — so that the next run finds every period's.
     */
    public static void write(SparkSession spark, Lake lake, String runId, ChangePlan plan, List<Counts> counts,
                             List<DimensionCounts> dims) {
        Map<List<Object>, Wide> rows = new LinkedHashMap<>();
        counts.forEach(c -> rows.computeIfAbsent(Arrays.asList(c.agencyCode(), c.periodKind(), c.periodStart(),
                c.periodEnd()), k -> new Wide()).add(c.indicatorId(), c.numerator(), c.denominator()));
        Map<List<Object>, Wide> dimRows = new LinkedHashMap<>();
        dims.forEach(c -> dimRows.computeIfAbsent(Arrays.asList(c.dimension(), c.dimCode(), c.agencyCode(), c.periodKind(),
                c.periodStart(), c.periodEnd()), k -> new Wide()).add(c.indicatorId(), c.numerator(), c.denominator()));
        String dir = Fingerprints.dir(lake, runId);
        write(spark, lake, plan, spark.createDataFrame(Wide.rows(rows), COUNTS), "counts", dir);
        write(spark, lake, plan, spark.createDataFrame(Wide.rows(dimRows), DIM_COUNTS), "dim_counts", dir);
    }

    /** The indicators of one key, side by side. */
    private static final class Wide {
        final List<String> ids = new ArrayList<>();
        final List<Long> numerators = new ArrayList<>();
        final List<Long> denominators = new ArrayList<>();

        void add(String id, long numerator, Long denominator) {
            ids.add(id);
            numerators.add(numerator);
            denominators.add(denominator);
        }

        static List<Row> rows(Map<List<Object>, Wide> byKey) {
            List<Row> out = new ArrayList<>(byKey.size());
            byKey.forEach((key, w) -> {
                Object[] values = new Object[key.size() + 3];
                for (int i = 0; i < key.size(); i++) {
                    values[i] = key.get(i);
                }
                values[key.size()] = w.ids.toArray(new String[0]);
                values[key.size() + 1] = w.numerators.toArray(new Long[0]);
                values[key.size() + 2] = w.denominators.toArray(new Long[0]);
                out.add(RowFactory.create(values));
            });
            return out;
        }
    }

    private static void write(SparkSession spark, Lake lake, ChangePlan plan, Dataset<Row> computed, String name,
                              String dir) {
        Dataset<Row> all = computed;
        if (plan.incremental()) {
            computed.createOrReplaceTempView("computed_" + name);
            recomputedView(spark, plan).createOrReplaceTempView("recomputed_scope");
            spark.read().parquet(Fingerprints.dir(lake, plan.baseRunId()) + "/" + name)
                    .createOrReplaceTempView("base_" + name);
            // A base row stays unless this run recomputed its agency and period (a whole period: every agency).
            all = computed.unionByName(spark.sql("SELECT b.* FROM base_" + name + " b LEFT ANTI JOIN recomputed_scope r "
                    + "ON r.period_kind = b.period_kind AND r.period_start = b.period_start "
                    + "AND (r.agency_code IS NULL OR r.agency_code = b.agency_code)"));
        }
        all.coalesce(1).write().mode(SaveMode.Overwrite).option("compression", "zstd").parquet(dir + "/" + name);
    }

    /** The touched periods: one row with a null agency for a whole one, one per agency for a partial one. */
    private static Dataset<Row> recomputedView(SparkSession spark, ChangePlan plan) {
        List<Row> rows = new ArrayList<>();
        for (Period p : plan.touched()) {
            var agencies = plan.partial().get(ChangePlan.key(p));
            if (agencies == null) {
                rows.add(RowFactory.create(p.kind().code(), p.start(), null));
            } else {
                agencies.forEach(a -> rows.add(RowFactory.create(p.kind().code(), p.start(), a)));
            }
        }
        return spark.createDataFrame(rows, new StructType().add("period_kind", DataTypes.StringType)
                .add("period_start", DataTypes.DateType).add("agency_code", DataTypes.StringType));
    }

    private static Dataset<Row> read(SparkSession spark, Lake lake, String runId, String name,
                                     Collection<Period> periods) {
        List<Row> keys = new ArrayList<>();
        periods.forEach(p -> keys.add(RowFactory.create(p.kind().code(), p.start())));
        spark.createDataFrame(keys, new StructType().add("period_kind", DataTypes.StringType)
                .add("period_start", DataTypes.DateType)).createOrReplaceTempView("wanted_periods");
        spark.read().parquet(Fingerprints.dir(lake, runId) + "/" + name).createOrReplaceTempView("base_" + name);
        return spark.sql("SELECT b.* FROM base_" + name + " b LEFT SEMI JOIN wanted_periods w "
                + "ON w.period_kind = b.period_kind AND w.period_start = b.period_start");
    }
}
