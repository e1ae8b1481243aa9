package vn.onestop.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * References a record must resolve (data-contract.md): a dossier names a known agency and procedure, feedback a
 * known agency, and events, supplements, apologies and ratings a known dossier. Unknown ones are quarantined and
 * kept until reference data catches up.
 */
final class References {
    static final Set<String> RETRYABLE = Set.of(RowValidator.UNKNOWN_AGENCY, RowValidator.UNKNOWN_PROCEDURE,
            RowValidator.UNKNOWN_CASE);

    private References() {
    }

    /** Flags, in validated rows, the first unknown reference (rows already invalid keep their reason). */
    static Dataset<Row> check(SparkSession spark, Lake lake, RecordType type, String prefix, Dataset<Row> parsed) {
        Dataset<Row> out = parsed;
        switch (type) {
            case CASE -> {
                out = flagUnknown(out, "agency_code", known(spark, lake, "agency", "agency_code"),
                        RowValidator.UNKNOWN_AGENCY, "agency_code = '%s' is not in the agency list");
                out = flagUnknown(out, "procedure_code", known(spark, lake, "procedure", "procedure_code"),
                        RowValidator.UNKNOWN_PROCEDURE, "procedure_code = '%s' is not in the procedure list");
            }
            case FEEDBACK -> out = flagUnknown(out, "agency_code", known(spark, lake, "agency", "agency_code"),
                    RowValidator.UNKNOWN_AGENCY, "agency_code = '%s' is not in the agency list");
            case CASE_EVENT, CASE_SUPPLEMENT, CASE_APOLOGY, CASE_RATING -> out = flagUnknown(out, "case_id",
                    known(spark, lake, prefix + "case", "case_id"), RowValidator.UNKNOWN_CASE,
                    "case_id = '%s' is not a known dossier");
            default -> {
            }
        }
        return out;
    }

    /** Of kept rows (canonical text plus {@code _reason}), those whose missing reference the lake now holds. */
    static Dataset<Row> resolvable(SparkSession spark, Lake lake, RecordType type, String prefix, Dataset<Row> pending) {
        Dataset<Row> out = null;
        String[][] byReason = {
            {RowValidator.UNKNOWN_AGENCY, "agency_code", "agency", "agency_code"},
            {RowValidator.UNKNOWN_PROCEDURE, "procedure_code", "procedure", "procedure_code"},
            {RowValidator.UNKNOWN_CASE, "case_id", prefix + "case", "case_id"}};
        for (String[] r : byReason) {
            Dataset<Row> keys = known(spark, lake, r[2], r[3]);
            if (keys == null || !Set.of(pending.columns()).contains(r[1])) {
                continue;
            }
            Dataset<Row> rows = pending.filter(col(PendingRows.REASON).equalTo(r[0]));
            Dataset<Row> ready = rows.join(keys, rows.col(r[1]).equalTo(keys.col("_known")), "left_semi");
            out = out == null ? ready : out.unionByName(ready);
        }
        return out == null ? pending.limit(0) : out;
    }

    private static Dataset<Row> known(SparkSession spark, Lake lake, String table, String column) {
        if (!lake.exists(spark, table)) {
            return null;
        }
        // Keys of a lake table are unique already: no distinct needed.
        return lake.read(spark, table).select(col(column).cast("string").alias("_known"));
    }

    private static Dataset<Row> flagUnknown(Dataset<Row> rows, String column, Dataset<Row> keys, String reason,
                                            String detailFormat) {
        if (keys == null) {
            return rows;
        }
        // Agencies and procedures are a few thousand: broadcast them; dossiers may be millions: let Spark choose.
        Dataset<Row> known = reason.equals(RowValidator.UNKNOWN_CASE) ? keys : broadcast(keys);
        Dataset<Row> joined = rows.join(known, rows.col(column).equalTo(known.col("_known")), "left");
        Column unknown = col(RowValidator.REASON).isNull().and(col(column).isNotNull()).and(col("_known").isNull());
        String[] parts = detailFormat.split("%s", 2);
        return joined
                .withColumn(RowValidator.DETAIL, when(unknown, concat(lit(parts[0]), col(column), lit(parts[1])))
                        .otherwise(col(RowValidator.DETAIL)))
                .withColumn(RowValidator.REASON, when(unknown, lit(reason)).otherwise(col(RowValidator.REASON)))
                .drop("_known");
    }
}
