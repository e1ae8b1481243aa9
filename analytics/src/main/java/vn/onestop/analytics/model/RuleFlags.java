package vn.onestop.analytics.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.onestop.core.privacy.PersonalData;

/**
 * The dossiers behind rules R01 and R02 (inspection.md), per period: exactly the rows the R01.rate and R02.rate
 * numerators count, each with the values seen and the threshold in words. Streamed, never collected whole.
 */
public final class RuleFlags {
    public static final List<RuleDefinition> RULES = List.of(
            new RuleDefinition("R01", "r01", "Hồ sơ trễ hạn không có phiếu xin lỗi", "Late, no apology slip",
                    "Nghị định 61/2018/NĐ-CP (đến 30/6/2025), Nghị định 118/2025/NĐ-CP; mẫu 04",
                    "Trễ hạn (giải quyết sau hạn trả đã tính thời gian tạm dừng, hoặc còn tồn quá hạn cuối kỳ) và chưa có "
                            + "phiếu xin lỗi đến hết kỳ",
                    "Late (finished after the effective due time, or pending and overdue at the end of the period) and "
                            + "no apology slip by the end of the period"),
            new RuleDefinition("R02", "r02", "Phiếu xin lỗi gửi muộn", "Apology slip too late",
                    "Nghị định 61/2018/NĐ-CP, Nghị định 118/2025/NĐ-CP: chậm nhất 01 ngày làm việc trước hạn trả",
                    "Phiếu xin lỗi gửi sau 17:00 của ngày làm việc liền trước ngày hẹn trả (đã tính thời gian tạm dừng)",
                    "Apology issued after 17:00 of the working day before the due day (pauses included)"));

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private RuleFlags() {
    }

    public static long stream(SparkSession spark, Consumer<CaseFlag> consumer) {
        long n = 0;
        for (RuleDefinition rule : RULES) {
            Iterator<Row> rows = spark.table(Models.CASE_PERIOD).where(rule.column())
                    .select("case_id", "period_kind", "period_start", "agency_code", "procedure_code", "procedure_name",
                            "channel", "status", "received_at", "due_at", "effective_due_at", "end_at",
                            "first_apology_at", "apology_deadline", "applicant_name", "ended")
                    .toLocalIterator();
            while (rows.hasNext()) {
                Row r = rows.next();
                Instant due = r.getAs(10);
                Instant end = r.getBoolean(15) ? r.getAs(11) : null;
                Instant apology = r.getAs(12);
                Instant deadline = r.getAs(13);
                String[] detail = rule.id().equals("R01") ? lateDetail(due, end) : apologyDetail(apology, deadline, due);
                consumer.accept(new CaseFlag(rule.id(), r.getString(0), r.getString(1), r.getAs(2), r.getString(3),
                        r.getString(4), r.getString(5), r.getString(6), r.isNullAt(7) ? null : r.getInt(7),
                        r.getAs(8), r.getAs(9), due, r.getAs(11), apology, deadline,
                        PersonalData.maskName(r.getString(14)), detail[0], detail[1]));
                n++;
            }
        }
        return n;
    }

    private static String at(Instant t) {
        return t == null ? "—" : LocalDateTime.ofInstant(t, ZONE).format(VI);
    }

    private static String[] lateDetail(Instant due, Instant end) {
        String vi = "Hạn trả " + at(due) + (end == null ? "; chưa giải quyết xong đến hết kỳ" : "; giải quyết xong "
                + at(end)) + "; không có phiếu xin lỗi đến hết kỳ.";
        String en = "Due " + at(due) + (end == null ? "; still pending at the end of the period" : "; finished "
                + at(end)) + "; no apology slip by the end of the period.";
        return new String[] {vi, en};
    }

    private static String[] apologyDetail(Instant apology, Instant deadline, Instant due) {
        String vi = "Phiếu xin lỗi gửi " + at(apology) + ", sau hạn gửi " + at(deadline) + " (hạn trả " + at(due) + ").";
        String en = "Apology issued " + at(apology) + ", after its deadline " + at(deadline) + " (due " + at(due) + ").";
        return new String[] {vi, en};
    }
}
