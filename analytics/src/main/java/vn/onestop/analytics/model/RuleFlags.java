package vn.onestop.analytics.model;

import java.util.Iterator;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.onestop.core.privacy.PersonalData;

/**
 * The dossiers behind rules R01 and R02 (inspection.md), per period: exactly the rows the R01.rate and R02.rate
 * numerators count. Streamed to the consumer, never collected whole.
 */
public final class RuleFlags {
    private static final String[][] RULES = {{"R01", "r01"}, {"R02", "r02"}};

    private RuleFlags() {
    }

    public static long stream(SparkSession spark, Consumer<CaseFlag> consumer) {
        long n = 0;
        for (String[] rule : RULES) {
            Iterator<Row> rows = spark.table(Models.CASE_PERIOD).where(rule[1])
                    .select("case_id", "period_kind", "period_start", "agency_code", "procedure_code", "procedure_name",
                            "channel", "status", "received_at", "due_at", "effective_due_at", "end_at",
                            "first_apology_at", "apology_deadline", "applicant_name")
                    .toLocalIterator();
            while (rows.hasNext()) {
                Row r = rows.next();
                consumer.accept(new CaseFlag(rule[0], r.getString(0), r.getString(1), r.getAs(2), r.getString(3),
                        r.getString(4), r.getString(5), r.getString(6), r.isNullAt(7) ? null : r.getInt(7),
                        r.getAs(8), r.getAs(9), r.getAs(10), r.getAs(11), r.getAs(12), r.getAs(13),
                        PersonalData.maskName(r.getString(14))));
                n++;
            }
        }
        return n;
    }
}
