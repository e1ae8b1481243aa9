package vn.onestop.analytics.incremental;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
    private static final StructType COUNTS = new StructType()
            .add("agency_code", DataTypes.StringType).add("period_kind", DataTypes.StringType)
            .add("period_start", DataTypes.DateType).add("period_end", DataTypes.DateType)
            .add("indicator_id", DataTypes.StringType).add("numerator", DataTypes.LongType)
            .add("denominator", DataTypes.LongType);
    private static final StructType DIM_COUNTS = new StructType()
            .add("dimension", DataTypes.StringType).add("dim_code", DataTypes.StringType)
            .add("agency_code", DataTypes.StringType).add("period_kind", DataTypes.StringType)
            .add("period_start", DataTypes.DateType).add("period_end", DataTypes.DateType)
            .add("indicator_id", DataTypes.StringType).add("numerator", DataTypes.LongType)
            .add("denominator", DataTypes.LongType);

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
            Counts c = new Counts(r.getString(0), r.getString(1), r.getAs(2), r.getAs(3), r.getString(4), r.getLong(5),
                    r.isNullAt(6) ? null : r.getLong(6));
            if (!recomputed.agency(c.periodKind(), c.periodStart(), c.agencyCode())) {
                out.add(c);
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
            DimensionCounts c = new DimensionCounts(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                    r.getAs(4), r.getAs(5), r.getString(6), r.getLong(7), r.isNullAt(8) ? null : r.getLong(8));
            if (!recomputed.agency(c.periodKind(), c.periodStart(), c.agencyCode())) {
                out.add(c);
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
        List<Row> rows = new ArrayList<>(counts.size());
        counts.forEach(c -> rows.add(RowFactory.create(c.agencyCode(), c.periodKind(), c.periodStart(), c.periodEnd(),
                c.indicatorId(), c.numerator(), c.denominator())));
        List<Row> dimRows = new ArrayList<>(dims.size());
        dims.forEach(c -> dimRows.add(RowFactory.create(c.dimension(), c.dimCode(), c.agencyCode(), c.periodKind(),
                c.periodStart(), c.periodEnd(), c.indicatorId(), c.numerator(), c.denominator())));
        String dir = Fingerprints.dir(lake, runId);
        write(spark, lake, plan, spark.createDataFrame(rows, COUNTS), "counts", dir);
        write(spark, lake, plan, spark.createDataFrame(dimRows, DIM_COUNTS), "dim_counts", dir);
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
