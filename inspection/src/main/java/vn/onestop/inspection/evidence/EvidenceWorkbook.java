package vn.onestop.inspection.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.onestop.core.privacy.PersonalData;
import vn.onestop.inspection.published.ProcedureMonthFlag;
import vn.onestop.inspection.published.Risk;
import vn.onestop.inspection.published.RuleInfo;
import vn.onestop.inspection.published.TimelineStep;
import vn.onestop.inspection.sample.SampledDossier;
import vn.onestop.inspection.sample.StratifiedSample;
import vn.onestop.inspection.xlsx.Cells;
import vn.onestop.inspection.xlsx.VietnameseFormats;

/**
 * Hồ sơ kiểm tra: the evidence pack an inspector takes into the field, in four sheets — Tổng hợp (indicators against
 * the peers' median and the targets, the risk score and its reasons), Hồ sơ có dấu hiệu (every flagged dossier by
 * rule, with the values seen, the threshold, the legal basis and its timeline), Mẫu ngẫu nhiên (the latest dossier
 * sample) and Thủ tục không phát sinh hồ sơ (R12's procedure-months, which have no dossier to list). Each table ends with empty columns for the findings (Kết quả kiểm tra, Ghi chú); header rows are frozen,
 * numbers are numbers, dates are dates, applicants' names are masked. Wording is that of a reason to look.
 */
public final class EvidenceWorkbook {
    public static final String SUMMARY = "Tổng hợp";
    public static final String FLAGS = "Hồ sơ có dấu hiệu";
    public static final String SAMPLE = "Mẫu ngẫu nhiên";
    public static final String PROCEDURES = "Thủ tục không phát sinh hồ sơ";
    public static final int SUMMARY_HEADER = 6;
    public static final int FLAGS_HEADER = 3;
    public static final int SAMPLE_HEADER = 3;
    public static final int PROCEDURES_HEADER = 3;
    static final String[] SUMMARY_COLUMNS = {"Mã chỉ số", "Chỉ số", "Đơn vị tính", "Giá trị của đơn vị", "Tử số",
        "Mẫu số", "Trung vị đơn vị cùng loại", "Mục tiêu", "Đánh giá", "Kết quả kiểm tra", "Ghi chú"};
    static final String[] FLAG_COLUMNS = {"STT", "Dấu hiệu", "Mã hồ sơ", "Thủ tục", "Ngày tiếp nhận", "Hạn trả",
        "Ngày kết thúc", "Người nộp", "Giá trị ghi nhận", "Ngưỡng", "Căn cứ pháp lý", "Diễn biến hồ sơ",
        "Kết quả kiểm tra", "Ghi chú"};
    static final String[] SAMPLE_COLUMNS = {"STT", "Mã hồ sơ", "Lĩnh vực", "Thủ tục", "Ngày tiếp nhận", "Lý do chọn",
        "Dấu hiệu", "Kết quả kiểm tra", "Ghi chú"};
    static final String[] PROCEDURE_COLUMNS = {"STT", "Dấu hiệu", "Mã thủ tục", "Thủ tục", "Tháng",
        "Cơ quan cùng loại có hồ sơ", "Hồ sơ của đơn vị trong tháng (mọi thủ tục)", "Trung vị hằng tháng các tháng trước",
        "Giá trị ghi nhận", "Ngưỡng", "Căn cứ pháp lý", "Kết quả kiểm tra", "Ghi chú"};
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private EvidenceWorkbook() {
    }

    public static void write(AgencyEvidence e, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "OneStop Monitor", "1.0");
        summary(workbook.newWorksheet(SUMMARY), e);
        flags(workbook.newWorksheet(FLAGS), e);
        sample(workbook.newWorksheet(SAMPLE), e);
        procedures(workbook.newWorksheet(PROCEDURES), e);
        workbook.finish();
    }

    static String periodLine(AgencyEvidence e) {
        String when = e.publishedAt() == null ? "" : " lúc " + DATE_TIME.format(e.publishedAt());
        return "Kỳ: " + e.period().label() + " (" + e.period().start().format(VietnameseFormats.DATE) + " – "
                + e.period().end().format(VietnameseFormats.DATE) + ") · Số liệu công bố: lần chạy " + e.runId() + when;
    }

    private static void summary(Worksheet ws, AgencyEvidence e) {
        int last = SUMMARY_COLUMNS.length - 1;
        Cells.title(ws, 0, last, "HỒ SƠ KIỂM TRA", true, 13);
        Cells.title(ws, 1, last, e.agency().name(), true, 12);
        Cells.title(ws, 2, last, periodLine(e), false, 10);
        Cells.paragraph(ws, 3, last, riskLine(e.risk()), 45);
        Cells.paragraph(ws, 4, last, flagLine(e), 30);
        Cells.header(ws, SUMMARY_HEADER, SUMMARY_COLUMNS, 9);
        int r = SUMMARY_HEADER + 1;
        for (IndicatorLine line : e.indicators()) {
            Cells.text(ws, r, 0, line.indicator().id());
            Cells.text(ws, r, 1, line.indicator().nameVi());
            Cells.text(ws, r, 2, line.indicator().unitWords());
            decimal(ws, r, 3, line.value());
            Cells.number(ws, r, 4, line.numerator());
            Cells.number(ws, r, 5, line.denominator());
            decimal(ws, r, 6, line.peersMedian());
            decimal(ws, r, 7, line.target());
            Cells.text(ws, r, 8, line.assessment());
            r++;
        }
        Cells.body(ws, SUMMARY_HEADER + 1, r - 1, SUMMARY_COLUMNS.length);
        layout(ws, new double[] {11, 48, 11, 12, 10, 10, 14, 10, 14, 28, 24}, SUMMARY_HEADER);
    }

    private static void decimal(Worksheet ws, int r, int c, BigDecimal n) {
        if (n != null) {
            ws.value(r, c, n);
            ws.style(r, c).format("#,##0.00").set();
        }
    }

    static String riskLine(Risk risk) {
        if (risk == null) {
            return "Điểm rủi ro: không có trong kỳ này.";
        }
        if (!risk.scored() || risk.score() == null) {
            return "Điểm rủi ro: chưa chấm điểm. " + nullToEmpty(risk.reasonsVi());
        }
        return "Điểm rủi ro: " + VietnameseFormats.number(risk.score()) + " (hạng " + risk.peerRank() + "/" + risk.peerSize()
                + " trong nhóm đơn vị cùng loại). Lý do cần xem xét: " + nullToEmpty(risk.reasonsVi());
    }

    static String flagLine(AgencyEvidence e) {
        Map<String, Long> procedureMonths = new TreeMap<>();
        e.procedureFlags().forEach(f -> procedureMonths.merge(f.ruleId(), 1L, Long::sum));
        if (e.flagCounts().isEmpty() && procedureMonths.isEmpty()) {
            return "Dấu hiệu cần xem xét trong kỳ: không có hồ sơ nào.";
        }
        return "Dấu hiệu cần xem xét trong kỳ (lý do để xem xét, chưa phải kết luận): " + Stream.concat(
                e.flagCounts().entrySet().stream().map(x -> x.getKey() + ": " + x.getValue() + " hồ sơ"),
                procedureMonths.entrySet().stream().map(x -> x.getKey() + ": " + x.getValue()
                        + " lượt thủ tục–tháng không phát sinh hồ sơ")).collect(Collectors.joining("; ")) + ".";
    }

    private static void flags(Worksheet ws, AgencyEvidence e) {
        int last = FLAG_COLUMNS.length - 1;
        Cells.title(ws, 0, last, "HỒ SƠ CÓ DẤU HIỆU CẦN XEM XÉT — " + e.agency().name(), true, 12);
        Cells.title(ws, 1, last, periodLine(e), false, 10);
        Cells.header(ws, FLAGS_HEADER, FLAG_COLUMNS, 12);
        int r = FLAGS_HEADER + 1;
        for (FlaggedDossier f : e.flags()) {
            Cells.number(ws, r, 0, r - FLAGS_HEADER);
            Cells.text(ws, r, 1, f.ruleName());
            Cells.text(ws, r, 2, f.flag().caseId());
            Cells.text(ws, r, 3, f.flag().procedureName());
            Cells.dateTime(ws, r, 4, f.flag().receivedAt());
            Cells.dateTime(ws, r, 5, f.flag().effectiveDueAt() != null ? f.flag().effectiveDueAt() : f.flag().dueAt());
            Cells.dateTime(ws, r, 6, f.flag().finishedAt());
            Cells.text(ws, r, 7, PersonalData.maskName(f.flag().applicantMasked()));
            Cells.text(ws, r, 8, f.flag().detailVi());
            Cells.text(ws, r, 9, f.rule() == null ? null : f.rule().thresholdVi());
            Cells.text(ws, r, 10, f.rule() == null ? null : f.rule().basis());
            Cells.text(ws, r, 11, timeline(f.timeline()));
            r++;
        }
        if (e.flags().isEmpty()) {
            Cells.text(ws, r++, 1, "Không có hồ sơ nào có dấu hiệu cần xem xét trong kỳ.");
        }
        Cells.body(ws, FLAGS_HEADER + 1, r - 1, FLAG_COLUMNS.length);
        layout(ws, new double[] {6, 28, 16, 30, 15, 15, 15, 16, 36, 30, 30, 48, 28, 24}, FLAGS_HEADER);
    }

    /** R12's procedure-months: what the rule saw, with room for the findings (the self-inspection sheet too). */
    static void procedures(Worksheet ws, AgencyEvidence e) {
        int last = PROCEDURE_COLUMNS.length - 1;
        Cells.title(ws, 0, last, "THỦ TỤC KHÔNG PHÁT SINH HỒ SƠ TRÊN HỆ THỐNG — " + e.agency().name(), true, 12);
        Cells.title(ws, 1, last, periodLine(e), false, 10);
        Cells.header(ws, PROCEDURES_HEADER, PROCEDURE_COLUMNS, 11);
        int r = PROCEDURES_HEADER + 1;
        for (ProcedureMonthFlag f : e.procedureFlags()) {
            RuleInfo rule = e.rules().get(f.ruleId());
            Cells.number(ws, r, 0, r - PROCEDURES_HEADER);
            Cells.text(ws, r, 1, rule == null ? f.ruleId() : f.ruleId() + " · " + rule.nameVi());
            Cells.text(ws, r, 2, f.procedureCode());
            Cells.text(ws, r, 3, f.procedureName());
            Cells.text(ws, r, 4, f.monthStart().format(MONTH));
            Cells.text(ws, r, 5, f.activePeers() + "/" + f.peers());
            Cells.number(ws, r, 6, f.monthDossiers());
            decimal(ws, r, 7, f.monthlyMedian());
            Cells.text(ws, r, 8, f.detailVi());
            Cells.text(ws, r, 9, rule == null ? null : rule.thresholdVi());
            Cells.text(ws, r, 10, rule == null ? null : rule.basis());
            r++;
        }
        if (e.procedureFlags().isEmpty()) {
            Cells.text(ws, r++, 1, "Không có thủ tục nào bị đánh dấu trong kỳ.");
        }
        Cells.body(ws, PROCEDURES_HEADER + 1, r - 1, PROCEDURE_COLUMNS.length);
        layout(ws, new double[] {6, 28, 12, 36, 10, 14, 14, 14, 48, 36, 30, 28, 24}, PROCEDURES_HEADER);
    }

    /** Column widths, the rows down to the header frozen and repeated on every printed page, landscape A4. */
    private static void layout(Worksheet ws, double[] widths, int header) {
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, widths[c]);
        }
        ws.freezePane(0, header + 1);
        Cells.print(ws, true, header, header);
    }

    /** The timeline one step a line: "01/03/2024 08:30  Tiếp nhận". */
    static String timeline(List<TimelineStep> steps) {
        List<String> lines = new ArrayList<>();
        for (TimelineStep s : steps) {
            lines.add((s.at() == null ? "—" : DATE_TIME.format(s.at())) + "  " + s.words());
        }
        return String.join("\n", lines);
    }

    private static void sample(Worksheet ws, AgencyEvidence e) {
        int last = SAMPLE_COLUMNS.length - 1;
        Cells.title(ws, 0, last, "MẪU HỒ SƠ KIỂM TRA — " + e.agency().name(), true, 12);
        Cells.paragraph(ws, 1, last, sampleLine(e), 45);
        Cells.header(ws, SAMPLE_HEADER, SAMPLE_COLUMNS, 7);
        int r = SAMPLE_HEADER + 1;
        if (e.sample() != null) {
            for (SampledDossier d : e.sample().dossiers()) {
                Cells.number(ws, r, 0, d.seq());
                Cells.text(ws, r, 1, d.caseId());
                Cells.text(ws, r, 2, fieldName(e, d.fieldCode()));
                Cells.text(ws, r, 3, d.procedureCode() == null ? null
                        : e.procedureNames().getOrDefault(d.procedureCode(), d.procedureCode()));
                Cells.dateTime(ws, r, 4, d.receivedAt());
                Cells.text(ws, r, 5, d.randomPick() && d.flagged() ? "Ngẫu nhiên; có dấu hiệu"
                        : d.randomPick() ? "Ngẫu nhiên theo lĩnh vực" : "Có dấu hiệu cần xem xét");
                Cells.text(ws, r, 6, d.flagRules());
                r++;
            }
        }
        Cells.body(ws, SAMPLE_HEADER + 1, r - 1, SAMPLE_COLUMNS.length);
        layout(ws, new double[] {6, 18, 26, 40, 16, 24, 14, 28, 24}, SAMPLE_HEADER);
    }

    static String sampleLine(AgencyEvidence e) {
        if (e.sample() == null) {
            return "Chưa lấy mẫu hồ sơ cho kỳ này: lấy mẫu trên trang Kiểm tra của đơn vị hoặc bằng lệnh 'sample'.";
        }
        var s = e.sample();
        String strata = s.strata().stream().map((StratifiedSample.Stratum x) -> fieldName(e, x.fieldCode()) + " "
                + x.allocated() + "/" + x.population()).collect(Collectors.joining("; "));
        long drawn = s.dossiers().stream().filter(SampledDossier::randomPick).count();
        return "Mẫu số " + s.id() + ": " + drawn + " hồ sơ chọn ngẫu nhiên theo lĩnh vực trong số hồ sơ tiếp nhận trong kỳ "
                + (drawn < s.n() ? "(đề nghị " + s.n() + ", kỳ này chỉ có " + drawn + " hồ sơ) " : "")
                + "(phân bổ tỷ lệ, phần dư lớn nhất; lấy/tổng số: " + strata + "), cùng mọi hồ sơ có dấu hiệu. Hạt giống "
                + "ngẫu nhiên " + s.seed() + ", lấy lúc " + DATE_TIME.format(s.drawnAt()) + " bởi " + s.drawnBy() + ".";
    }

    static String fieldName(AgencyEvidence e, String code) {
        if (code == null || code.isEmpty()) {
            return "Không rõ lĩnh vực";
        }
        return e.fieldNames().getOrDefault(code, code);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
