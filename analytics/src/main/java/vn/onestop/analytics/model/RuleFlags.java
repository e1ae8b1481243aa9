package vn.onestop.analytics.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.onestop.analytics.IndicatorSettings.RuleThresholds;
import vn.onestop.core.privacy.PersonalData;

/**
 * The dossiers behind the rules of inspection.md, per period: exactly the rows the R0x.rate numerators count,
 * each with the values seen and the threshold in words. Streamed, never collected whole.
 */
public final class RuleFlags {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final String CASES = Models.CASE_PERIOD;
    /** The column of the first rule's flag in the query of {@link #stream}: after the dossier's 20 columns. */
    private static final int FIRST_FLAG = 20;

    private RuleFlags() {
    }

    /** The rules with their thresholds as configured (shown with every flag). */
    public static List<RuleDefinition> rules(RuleThresholds t) {
        return List.of(
                new RuleDefinition("R01", "r01", CASES, "Hồ sơ trễ hạn không có phiếu xin lỗi", "Late, no apology slip",
                        "Nghị định 61/2018/NĐ-CP (đến 30/6/2025), Nghị định 118/2025/NĐ-CP; mẫu 04",
                        "Trễ hạn (giải quyết sau hạn trả đã tính thời gian tạm dừng, hoặc còn tồn quá hạn cuối kỳ) và chưa "
                                + "có phiếu xin lỗi đến hết kỳ",
                        "Late (finished after the effective due time, or pending and overdue at the end of the period) "
                                + "and no apology slip by the end of the period"),
                new RuleDefinition("R02", "r02", CASES, "Phiếu xin lỗi gửi muộn", "Apology slip too late",
                        "Nghị định 61/2018/NĐ-CP, Nghị định 118/2025/NĐ-CP: chậm nhất 01 ngày làm việc trước hạn trả",
                        "Phiếu xin lỗi gửi sau 17:00 của ngày làm việc liền trước ngày hẹn trả (đã tính thời gian tạm dừng)",
                        "Apology issued after 17:00 of the working day before the due day (pauses included)"),
                new RuleDefinition("R03", "r03", CASES, "Hẹn lại ngày trả kết quả quá một lần", "Rescheduled more than once",
                        "Nghị định 118/2025/NĐ-CP (hồ sơ tiếp nhận từ 01/7/2025)",
                        "Từ hai phiếu xin lỗi, hẹn lại trở lên", "Two or more apology and new-date slips"),
                new RuleDefinition("R04", "r04", CASES, "Không trả kết quả đúng ngày hẹn lại", "Missed the new date",
                        "Nghị định 61/2018/NĐ-CP, Nghị định 118/2025/NĐ-CP",
                        "Kết thúc (hoặc còn tồn) sau ngày hẹn lại của phiếu xin lỗi gần nhất",
                        "Finished (or still open) after the new date of the latest apology slip"),
                new RuleDefinition("R05", "r05", CASES, "Yêu cầu bổ sung hồ sơ nhiều lần", "Repeated supplement requests",
                        "Quy định một cửa; quy tắc tiến độ của Cổng DVCQG", "Yêu cầu bổ sung từ lần thứ hai",
                        "A second supplement request during handling"),
                new RuleDefinition("R06", "r06", CASES, "Hồ sơ cập nhật vào hệ thống muộn", "Entered after the fact",
                        "Kế hoạch kiểm tra: tiếp nhận, xử lý 100 % hồ sơ trên hệ thống một cửa điện tử",
                        "Ghi vào hệ thống sau " + t.recordedLateWorkingDays() + " ngày làm việc kể từ ngày tiếp nhận",
                        "Recorded more than " + t.recordedLateWorkingDays() + " working day(s) after reception"),
                new RuleDefinition("R07", "r07", CASES, "Hồ sơ chưa đồng bộ lên Cổng DVCQG", "Not synced",
                        "Quyết định 766/QĐ-TTg (766.1.4); chỉ tiêu 100 % hồ sơ đồng bộ",
                        "Chưa đồng bộ, hoặc đồng bộ sau " + t.syncLateDays() + " ngày kể từ lần cập nhật cuối",
                        "Never synced, or synced more than " + t.syncLateDays() + " day(s) after the last change"),
                new RuleDefinition("R08", "r08", CASES, "Hồ sơ trực tuyến không có kết quả điện tử",
                        "Online without an electronic result", "Nghị định 45/2020/NĐ-CP; 766.3.3, 766.4.1",
                        "Hồ sơ trực tuyến, kết quả là giấy tờ, không có kết quả điện tử",
                        "Online, document result, no electronic result"),
                new RuleDefinition("R09", "r09", CASES, "Hồ sơ giải quyết nhanh bất thường", "Implausibly fast",
                        "Dấu hiệu làm đẹp tỷ lệ đúng hạn",
                        "Giải quyết xong trong " + t.tooFastMinutes() + " phút sau khi tiếp nhận, thời hạn luật định từ "
                                + t.tooFastMinWorkingDays() + " ngày làm việc",
                        "Finished within " + t.tooFastMinutes() + " minutes of reception, legal time at least "
                                + t.tooFastMinWorkingDays() + " working days"),
                new RuleDefinition("R10", "r10", "closing_burst_period", "Dồn hồ sơ giải quyết cuối kỳ", "Closing burst",
                        "Dấu hiệu làm đẹp số liệu cuối kỳ báo cáo",
                        "Cơ quan giải quyết ≥ " + t.closingBurstSharePct() + " % hồ sơ của kỳ trong ngày làm việc cuối kỳ, "
                                + "hoặc một cán bộ kết thúc ≥ " + t.closingBurstOfficer() + " hồ sơ trong một phút",
                        "The agency finished ≥ " + t.closingBurstSharePct() + " % of the period's dossiers on its last "
                                + "working day, or one officer closed ≥ " + t.closingBurstOfficer() + " within a minute"),
                new RuleDefinition("R11", "r11", CASES, "Dữ liệu ngày tháng bất thường", "Date anomalies",
                        "Tính toàn vẹn dữ liệu của hệ thống một cửa điện tử",
                        "Lịch sử xử lý ngược thời gian, hoặc đã kết thúc nhưng thiếu thời điểm kết thúc",
                        "History running backwards, or finished without an end time"));
    }

    /**
     * Every flag of the given rules, in one pass over {@code case_period}: one query returns each dossier × period
     * that any rule flags, with one column per rule, and a row yields a flag per rule it breaks. (One query per rule
     * scanned the wide cached rows eleven times, and each pass fetched its partitions one after another.)
     */
    public static long stream(SparkSession spark, List<RuleDefinition> rules, Consumer<CaseFlag> consumer) {
        StringBuilder sql = new StringBuilder("SELECT c.case_id, c.period_kind, c.period_start, c.agency_code, "
                + "c.procedure_code, c.procedure_name, c.channel, c.status, c.received_at, c.due_at, c.effective_due_at, "
                + "c.end_at, c.first_apology_at, c.apology_deadline, c.applicant_name, c.ended, c.recorded_at, "
                + "c.synced_at, c.second_apology_at, c.new_due_at");
        StringBuilder from = new StringBuilder(" FROM " + CASES + " c");
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleDefinition rule = rules.get(i);
            if (rule.source().equals(CASES)) {
                flags.add("c." + rule.column());
            } else {
                // Sources other than case_period hold at most one row per dossier × period (closing_burst_period).
                String s = "s" + i;
                from.append(" LEFT JOIN ").append(rule.source()).append(' ').append(s).append(" ON ").append(s)
                        .append(".case_id = c.case_id AND ").append(s).append(".period_kind = c.period_kind AND ")
                        .append(s).append(".period_start = c.period_start");
                flags.add("coalesce(" + s + "." + rule.column() + ", false)");
            }
        }
        flags.forEach(f -> sql.append(", ").append(f));
        sql.append(from).append(" WHERE ").append(String.join(" OR ", flags));
        long n = 0;
        Iterator<Row> rows = spark.sql(sql.toString()).toLocalIterator();
        while (rows.hasNext()) {
            Row r = rows.next();
            for (int i = 0; i < rules.size(); i++) {
                if (!r.getBoolean(FIRST_FLAG + i)) {
                    continue;
                }
                String rule = rules.get(i).id();
                Instant end = r.getBoolean(15) ? r.getAs(11) : null;
                String[] detail = detail(rule, r, end);
                consumer.accept(new CaseFlag(rule, r.getString(0), r.getString(1), r.getAs(2), r.getString(3),
                        r.getString(4), r.getString(5), r.getString(6), r.isNullAt(7) ? null : r.getInt(7),
                        r.getAs(8), r.getAs(9), r.getAs(10), r.getAs(11), r.getAs(12), r.getAs(13),
                        PersonalData.maskName(r.getString(14)), detail[0], detail[1]));
                n++;
            }
        }
        return n;
    }

    private static String at(Instant t) {
        return t == null ? "—" : LocalDateTime.ofInstant(t, ZONE).format(VI);
    }

    /** The values seen, in words (vi, en). */
    private static String[] detail(String rule, Row r, Instant end) {
        Instant received = r.getAs(8);
        Instant due = r.getAs(10);
        String finishedVi = end == null ? "chưa giải quyết xong đến hết kỳ" : "giải quyết xong " + at(end);
        String finishedEn = end == null ? "still open at the end of the period" : "finished " + at(end);
        return switch (rule) {
            case "R01" -> new String[] {"Hạn trả " + at(due) + "; " + finishedVi + "; không có phiếu xin lỗi đến hết kỳ.",
                "Due " + at(due) + "; " + finishedEn + "; no apology slip by the end of the period."};
            case "R02" -> new String[] {"Phiếu xin lỗi gửi " + at(r.getAs(12)) + ", sau hạn gửi " + at(r.getAs(13))
                    + " (hạn trả " + at(due) + ").", "Apology issued " + at(r.getAs(12)) + ", after its deadline "
                    + at(r.getAs(13)) + " (due " + at(due) + ")."};
            case "R03" -> new String[] {"Phiếu xin lỗi thứ hai gửi " + at(r.getAs(18)) + ".",
                "Second apology slip issued " + at(r.getAs(18)) + "."};
            case "R04" -> new String[] {"Hẹn lại " + at(r.getAs(19)) + "; " + finishedVi + ".",
                "New date " + at(r.getAs(19)) + "; " + finishedEn + "."};
            case "R05" -> new String[] {"Yêu cầu bổ sung lần thứ hai trong quá trình giải quyết.",
                "A second supplement request during handling."};
            case "R06" -> new String[] {"Tiếp nhận " + at(received) + ", ghi vào hệ thống " + at(r.getAs(16)) + ".",
                "Received " + at(received) + ", recorded " + at(r.getAs(16)) + "."};
            case "R07" -> r.isNullAt(17) ? new String[] {"Chưa đồng bộ lên Cổng DVCQG.", "Never synced."}
                    : new String[] {"Đồng bộ " + at(r.getAs(17)) + ".", "Synced " + at(r.getAs(17)) + "."};
            case "R08" -> new String[] {"Hồ sơ trực tuyến " + finishedVi + " không có kết quả điện tử.",
                "Online dossier " + finishedEn + " without an electronic result."};
            case "R09" -> new String[] {"Tiếp nhận " + at(received) + ", " + finishedVi + ".",
                "Received " + at(received) + ", " + finishedEn + "."};
            case "R10" -> new String[] {"Giải quyết xong " + at(r.getAs(11)) + " trong đợt dồn hồ sơ cuối kỳ.",
                "Finished " + at(r.getAs(11)) + " in a closing burst."};
            default -> new String[] {"Tiếp nhận " + at(received) + "; lịch sử xử lý hoặc thời điểm kết thúc bất thường.",
                "Received " + at(received) + "; history or end time out of order."};
        };
    }
}
