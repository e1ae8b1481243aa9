package vn.onestop.analytics.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.onestop.analytics.IndicatorSettings.RuleThresholds;

/**
 * R12, silent procedure (inspection.md): a procedure the agency handles had dossiers at most of its peers in a month
 * but none at the agency, while the agency's own volume fell far below its usual month — possibly dossiers handled on
 * paper outside the system. An agency × procedure × month flag, not a dossier flag: computed by
 * {@code models/silent_procedure_period.sql}, published to {@code pub_agency_flag}.
 */
public final class SilentProcedures {
    public static final String RULE_ID = "R12";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private SilentProcedures() {
    }

    /** The rule with its thresholds as configured (shown with every flag). */
    public static RuleDefinition rule(RuleThresholds t) {
        return new RuleDefinition(RULE_ID, "r12", Models.SILENT_PROCEDURE_PERIOD,
                "Thủ tục không phát sinh hồ sơ trên hệ thống", "Silent procedure",
                "Kế hoạch kiểm tra: tiếp nhận, giải quyết 100 % hồ sơ TTHC trên Hệ thống thông tin giải quyết TTHC; "
                        + "dấu hiệu giải quyết hồ sơ giấy ngoài hệ thống",
                "Trong một tháng trọn vẹn, cơ quan không có hồ sơ nào của thủ tục mình thực hiện trong khi ít nhất "
                        + t.silentPeerSharePct() + " % cơ quan cùng loại thực hiện thủ tục đó có hồ sơ, và tổng số hồ sơ "
                        + "tiếp nhận của cơ quan dưới " + t.silentVolumePct() + " % trung vị hằng tháng của "
                        + t.silentHistoryMonths() + " tháng trước (chỉ xét cơ quan có từ " + t.silentMinHistoryMonths()
                        + " tháng số liệu và trung vị từ " + t.silentMinMonthlyMedian() + " hồ sơ/tháng)",
                "In a month, no dossier of a procedure the agency handles while at least " + t.silentPeerSharePct()
                        + " % of the agencies of its kind handling it had some, and the agency's dossiers of the month "
                        + "below " + t.silentVolumePct() + " % of its monthly median over the previous "
                        + t.silentHistoryMonths() + " months (agencies with at least " + t.silentMinHistoryMonths()
                        + " of those months and a median of at least " + t.silentMinMonthlyMedian() + " a month)");
    }

    /** Streams the flags of every period (never collected whole); returns how many. */
    public static long stream(SparkSession spark, Consumer<AgencyFlag> consumer) {
        Iterator<Row> rows = spark.sql("SELECT agency_code, procedure_code, procedure_name, period_kind, period_start, "
                + "month_start, peers, active_peers, month_dossiers, monthly_median, history_months FROM "
                + Models.SILENT_PROCEDURE_PERIOD + " WHERE r12").toLocalIterator();
        long n = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            LocalDate month = r.getAs(5);
            int peers = ((Number) r.getAs(6)).intValue();
            int active = ((Number) r.getAs(7)).intValue();
            long dossiers = ((Number) r.getAs(8)).longValue();
            BigDecimal median = BigDecimal.valueOf(((Number) r.getAs(9)).doubleValue()).setScale(2, RoundingMode.HALF_UP);
            int history = ((Number) r.getAs(10)).intValue();
            consumer.accept(new AgencyFlag(RULE_ID, r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                    r.getAs(4), month, peers, active, dossiers, median, history,
                    detailVi(month, peers, active, dossiers, median, history),
                    detailEn(month, peers, active, dossiers, median, history)));
            n++;
        }
        return n;
    }

    static String detailVi(LocalDate month, int peers, int active, long dossiers, BigDecimal median, int history) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.forLanguageTag("vi-VN"));
        return "Tháng " + month.format(MONTH) + ": không có hồ sơ nào của thủ tục, trong khi " + active + "/" + peers
                + " cơ quan cùng loại có hồ sơ; cơ quan tiếp nhận " + f.format(dossiers) + " hồ sơ (mọi thủ tục), trung vị "
                + history + " tháng trước " + f.format(median) + " hồ sơ/tháng.";
    }

    static String detailEn(LocalDate month, int peers, int active, long dossiers, BigDecimal median, int history) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.ENGLISH);
        return month.format(MONTH) + ": no dossier of the procedure while " + active + " of " + peers
                + " peer agencies had some; the agency received " + f.format(dossiers) + " dossier(s) (every procedure), "
                + "against a median of " + f.format(median) + " a month over the previous " + history + " months.";
    }
}
