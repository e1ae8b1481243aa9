package vn.onestop.analytics.incremental;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import vn.onestop.ingest.Lake;

/**
 * The per-dossier and per-feedback fingerprints a published run leaves beside the lake
 * ({@code _compute/<run id>/}), with the basis it was computed on (formulas, settings, calendar, reference data,
 * first day), so that the next run can compare the lake with what that run saw.
 */
public final class Fingerprints {
    static final String AREA = "_compute";
    /**
     * Part of a run's basis: fingerprints of another layout (2: {@code closing_hash}; 3: {@code agency_code} and the
     * run's counts) cannot be compared, so the run after an upgrade is a full one.
     */
    public static final int VERSION = 3;

    private Fingerprints() {
    }

    /** The views {@code case_fingerprint} and {@code feedback_fingerprint} over the current models. */
    public static void register(SparkSession spark) {
        // The dossiers' fingerprints are read by the plan, the publication and the write: cached (Models.release).
        vn.onestop.analytics.model.Models.cache(spark, spark.sql(vn.onestop.analytics.model.Models.model(
                "case_fingerprint")), "case_fingerprint");
        spark.sql(vn.onestop.analytics.model.Models.model("feedback_fingerprint"))
                .createOrReplaceTempView("feedback_fingerprint");
    }

    /** The basis the run {@code runId} left, or null when it left no fingerprints. */
    public static String basis(SparkSession spark, Lake lake, String runId) {
        Path done = new Path(dir(lake, runId) + "/basis");
        try {
            if (!fs(spark, done).exists(done)) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spark.read().text(done.toString()).first().getString(0);
    }

    /**
     * Registers {@code base_case_fingerprint} and {@code base_feedback_fingerprint} from the run {@code runId}, and
     * {@code fingerprint_diff}: one row per dossier that changed since.
     */
    public static void registerBase(SparkSession spark, Lake lake, String runId) {
        spark.read().parquet(dir(lake, runId) + "/case").createOrReplaceTempView("base_case_fingerprint");
        spark.read().parquet(dir(lake, runId) + "/feedback").createOrReplaceTempView("base_feedback_fingerprint");
        vn.onestop.analytics.model.Models.cache(spark, spark.sql(DIFF), "fingerprint_diff");
    }

    /** Writes this run's fingerprints; the basis last, so that a run interrupted while writing leaves none. */
    public static void write(SparkSession spark, Lake lake, String runId, String basis) {
        String dir = dir(lake, runId);
        spark.table("case_fingerprint").write().mode(SaveMode.Overwrite).parquet(dir + "/case");
        spark.table("feedback_fingerprint").write().mode(SaveMode.Overwrite).parquet(dir + "/feedback");
        spark.createDataset(List.of(basis), Encoders.STRING()).coalesce(1).write().mode(SaveMode.Overwrite)
                .text(dir + "/basis");
    }

    /**
     * Deletes the fingerprints of the runs {@code older} names (this store's runs other than the one just published,
     * failed ones included); folders of runs the store does not know — another store's on the same lake — stay.
     */
    public static void prune(SparkSession spark, Lake lake, java.util.function.Predicate<String> older) {
        Path area = new Path(lake.root() + "/" + AREA);
        try {
            FileSystem fs = fs(spark, area);
            if (!fs.exists(area)) {
                return;
            }
            for (FileStatus f : fs.listStatus(area)) {
                if (older.test(f.getPath().getName())) {
                    fs.delete(f.getPath(), true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + area + ": " + e.getMessage(), e);
        }
    }

    static String dir(Lake lake, String runId) {
        return lake.root() + "/" + AREA + "/" + runId;
    }

    private static FileSystem fs(SparkSession spark, Path p) throws IOException {
        return p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    }

    /**
     * Per changed dossier: {@code whole} (it appeared, disappeared or changed what every period reads: count it
     * from its reception), {@code moment} (the earliest moment that differs between its versions), {@code
     * reception} (a value judged at reception changed), and its current status, end and first apology.
     */
    private static final String DIFF = """
            WITH d AS (
                SELECT coalesce(n.case_id, o.case_id) AS case_id,
                       o.received_at AS old_received_at, n.received_at AS new_received_at,
                       o.case_id IS NULL OR n.case_id IS NULL OR o.static_hash <> n.static_hash
                           OR o.received_at <> n.received_at AS whole,
                       least(
                           -- The history counts only through R10's closing step (judged at the end): an old
                           -- dossier handed over today (a new status 10 step) reopens no period.
                           CASE WHEN NOT (o.end_at <=> n.end_at) OR NOT (o.end_status <=> n.end_status)
                                     OR NOT (o.e_result_issued <=> n.e_result_issued)
                                     OR NOT (o.closing_hash <=> n.closing_hash)
                                THEN least(o.end_at, n.end_at) END,
                           -- Column by column: a supplement answered or a second apology today leaves the first
                           -- request or apology as it was, and the periods ending before today as they were
                           -- (case_period compares each of these moments with the period's end).
                           CASE WHEN NOT (o.r1 <=> n.r1) THEN least(o.r1, n.r1) END,
                           CASE WHEN NOT (o.a1 <=> n.a1) THEN least(o.a1, n.a1) END,
                           CASE WHEN NOT (o.r2 <=> n.r2) THEN least(o.r2, n.r2) END,
                           CASE WHEN NOT (o.a2 <=> n.a2) THEN least(o.a2, n.a2) END,
                           CASE WHEN NOT (o.first_apology_at <=> n.first_apology_at)
                                THEN least(o.first_apology_at, n.first_apology_at) END,
                           CASE WHEN NOT (o.second_apology_at <=> n.second_apology_at)
                                THEN least(o.second_apology_at, n.second_apology_at) END,
                           -- A promised date counts from the apology that makes it the effective due time
                           -- (case_period: the last one from the second apology on).
                           CASE WHEN NOT (o.first_new_due_at <=> n.first_new_due_at)
                                THEN least(o.first_new_due_at, n.first_new_due_at, o.first_apology_at,
                                           n.first_apology_at) END,
                           CASE WHEN NOT (o.last_new_due_at <=> n.last_new_due_at)
                                THEN least(o.last_new_due_at, n.last_new_due_at, o.second_apology_at,
                                           n.second_apology_at) END,
                           CASE WHEN NOT (o.first_dissatisfied_at <=> n.first_dissatisfied_at)
                                THEN least(o.first_dissatisfied_at, n.first_dissatisfied_at) END,
                           CASE WHEN NOT (o.first_feedback_at <=> n.first_feedback_at)
                                THEN least(o.first_feedback_at, n.first_feedback_at) END) AS moment,
                       NOT (o.reception_hash <=> n.reception_hash) AS reception,
                       NOT (o.content_hash <=> n.content_hash) AS content,
                       n.status, n.end_at, n.first_apology_at, coalesce(n.agency_code, o.agency_code) AS agency_code
                FROM base_case_fingerprint o
                FULL OUTER JOIN case_fingerprint n ON n.case_id = o.case_id
            )
            SELECT * FROM d
            WHERE whole OR moment IS NOT NULL OR reception OR content
            """;

    /** changed dossiers, their earliest moment, changed feedback, theirs. */
    static String changesSql() {
        return """
                SELECT c.n, c.earliest, f.n, f.earliest
                FROM (SELECT count(*) AS n,
                             min(CASE WHEN whole THEN least(old_received_at, new_received_at) ELSE moment END) AS earliest
                      FROM fingerprint_diff) c
                CROSS JOIN (
                      SELECT count(*) AS n, min(least(o.first_at, n.first_at)) AS earliest
                      FROM base_feedback_fingerprint o
                      FULL OUTER JOIN feedback_fingerprint n ON n.feedback_id = o.feedback_id
                      WHERE NOT (o.row_hash <=> n.row_hash)) f
                """;
    }

    /**
     * The days of reception of the dossiers whose values judged at reception changed, with their agencies (neither
     * the reception nor the agency changed: that would be {@code whole}).
     */
    static String receptionDaysSql() {
        return """
                SELECT DISTINCT to_date(new_received_at), agency_code
                FROM fingerprint_diff WHERE reception AND NOT whole
                """;
    }
}
