package vn.onestop.inspection.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.onestop.core.privacy.PersonalData;
import vn.onestop.inspection.published.RuleInfo;
import vn.onestop.inspection.xlsx.Cells;
import vn.onestop.inspection.xlsx.VietnameseFormats;

/**
 * Phiếu tự kiểm tra: the sheet the plans ask agencies not inspected to fill in themselves — their indicators against
 * the targets and their peers, and the reasons to look at their dossiers, pre-filled from the published run, with
 * empty columns for their own assessment and explanation, and a place to sign. A second sheet lists the dossiers.
 */
public final class SelfInspectionWorkbook {
    public static final String FORM = "Phiếu tự kiểm tra";
    public static final String DOSSIERS = "Hồ sơ cần xem xét";
    public static final int INDICATOR_HEADER = 8;
    static final String[] INDICATOR_COLUMNS = {"STT", "Nội dung", "Đơn vị tính", "Kết quả của đơn vị", "Mục tiêu",
        "Trung vị đơn vị cùng loại", "Đánh giá", "Đơn vị tự đánh giá", "Giải trình, biện pháp khắc phục"};
    static final String[] RULE_COLUMNS = {"STT", "Dấu hiệu cần xem xét", "Căn cứ pháp lý", "Số hồ sơ", "Ngưỡng",
        "", "", "Đơn vị tự đánh giá", "Giải trình, biện pháp khắc phục"};
    static final String[] DOSSIER_COLUMNS = {"STT", "Dấu hiệu", "Mã hồ sơ", "Thủ tục", "Ngày tiếp nhận", "Hạn trả",
        "Ngày kết thúc", "Người nộp", "Giá trị ghi nhận", "Đơn vị giải trình"};

    private SelfInspectionWorkbook() {
    }

    public static void write(AgencyEvidence e, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "OneStop Monitor", "1.0");
        form(workbook.newWorksheet(FORM), e);
        dossiers(workbook.newWorksheet(DOSSIERS), e);
        // R12 flags procedure-months, not dossiers: listed as in the evidence pack, for the agency to explain.
        EvidenceWorkbook.procedures(workbook.newWorksheet(EvidenceWorkbook.PROCEDURES), e);
        workbook.finish();
    }

    private static void form(Worksheet ws, AgencyEvidence e) {
        int last = INDICATOR_COLUMNS.length - 1;
        Cells.text(ws, 0, 0, e.agency().name().toUpperCase(java.util.Locale.forLanguageTag("vi-VN")));
        ws.range(0, 0, 0, 3).merge();
        ws.range(0, 0, 0, 3).style().bold().horizontalAlignment("center").wrapText(true).set();
        ws.value(0, 4, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        ws.range(0, 4, 0, last).merge();
        ws.range(0, 4, 0, last).style().bold().horizontalAlignment("center").set();
        ws.value(1, 4, "Độc lập - Tự do - Hạnh phúc");
        ws.range(1, 4, 1, last).merge();
        ws.range(1, 4, 1, last).style().bold().horizontalAlignment("center").set();
        Cells.title(ws, 3, last, "PHIẾU TỰ KIỂM TRA", true, 14);
        Cells.title(ws, 4, last, "Việc giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông", true, 11);
        Cells.title(ws, 5, last, "Kỳ: " + e.period().label() + " (từ ngày " + e.period().start()
                .format(VietnameseFormats.DATE) + " đến ngày " + e.period().end().format(VietnameseFormats.DATE) + ")",
                false, 11);
        Cells.paragraph(ws, 6, last, "Cơ quan, đơn vị không thuộc đối tượng kiểm tra trực tiếp trong kế hoạch kiểm tra "
                + "của tỉnh tự kiểm tra việc tiếp nhận, giải quyết thủ tục hành chính. Các số liệu dưới đây lấy từ Hệ thống "
                + "thông tin giải quyết TTHC (số liệu công bố"
                + (e.publishedAt() == null ? "" : " lúc " + VietnameseFormats.DATE_TIME.format(e.publishedAt()))
                + "); dấu hiệu cần xem xét là lý do để đơn vị rà soát, chưa phải kết luận. Đơn vị đối chiếu với hồ "
                + "sơ lưu trữ, ghi kết quả tự đánh giá, giải trình và biện pháp khắc phục vào các cột để trống, ký xác nhận "
                + "và gửi về Văn phòng UBND tỉnh.", 60);
        Cells.text(ws, INDICATOR_HEADER - 1, 0, "I. CÁC CHỈ SỐ CỦA ĐƠN VỊ");
        ws.style(INDICATOR_HEADER - 1, 0).bold().set();
        Cells.header(ws, INDICATOR_HEADER, INDICATOR_COLUMNS, 7);
        int r = INDICATOR_HEADER + 1;
        for (IndicatorLine line : e.indicators()) {
            Cells.number(ws, r, 0, r - INDICATOR_HEADER);
            Cells.text(ws, r, 1, line.indicator().id() + " · " + line.indicator().nameVi());
            Cells.text(ws, r, 2, line.indicator().unitWords());
            decimal(ws, r, 3, line.value());
            decimal(ws, r, 4, line.target());
            decimal(ws, r, 5, line.peersMedian());
            Cells.text(ws, r, 6, line.assessment());
            r++;
        }
        Cells.body(ws, INDICATOR_HEADER + 1, r - 1, INDICATOR_COLUMNS.length);

        r++;
        Cells.text(ws, r, 0, "II. DẤU HIỆU CẦN XEM XÉT TRONG KỲ");
        ws.style(r, 0).bold().set();
        r++;
        int ruleHeader = r;
        Cells.header(ws, ruleHeader, RULE_COLUMNS, 7);
        r++;
        int n = 1;
        for (Map.Entry<String, Long> count : e.flagCounts().entrySet()) {
            RuleInfo rule = e.rules().get(count.getKey());
            Cells.number(ws, r, 0, n++);
            Cells.text(ws, r, 1, rule == null ? count.getKey() : count.getKey() + " · " + rule.nameVi());
            Cells.text(ws, r, 2, rule == null ? null : rule.basis());
            Cells.number(ws, r, 3, count.getValue());
            Cells.text(ws, r, 4, rule == null ? null : rule.thresholdVi());
            r++;
        }
        Map<String, Long> procedureMonths = new java.util.TreeMap<>();
        e.procedureFlags().forEach(f -> procedureMonths.merge(f.ruleId(), 1L, Long::sum));
        for (Map.Entry<String, Long> count : procedureMonths.entrySet()) {
            RuleInfo rule = e.rules().get(count.getKey());
            Cells.number(ws, r, 0, n++);
            Cells.text(ws, r, 1, (rule == null ? count.getKey() : count.getKey() + " · " + rule.nameVi())
                    + " (số thủ tục × tháng, không phải số hồ sơ)");
            Cells.text(ws, r, 2, rule == null ? null : rule.basis());
            Cells.number(ws, r, 3, count.getValue());
            Cells.text(ws, r, 4, rule == null ? null : rule.thresholdVi());
            r++;
        }
        if (e.flagCounts().isEmpty() && procedureMonths.isEmpty()) {
            Cells.text(ws, r++, 1, "Không có hồ sơ nào có dấu hiệu cần xem xét trong kỳ.");
        }
        Cells.body(ws, ruleHeader + 1, r - 1, RULE_COLUMNS.length);
        r++;
        Cells.text(ws, r++, 0, "Danh sách hồ sơ cụ thể tại trang tính «" + DOSSIERS + "»"
                + (procedureMonths.isEmpty() ? "." : "; các thủ tục không phát sinh hồ sơ tại trang tính «"
                + EvidenceWorkbook.PROCEDURES + "»."));
        r++;
        ws.value(r, 0, "NGƯỜI LẬP PHIẾU");
        ws.range(r, 0, r, 2).merge();
        ws.value(r, 5, "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ");
        ws.range(r, 5, r, last).merge();
        ws.range(r, 0, r, last).style().bold().horizontalAlignment("center").set();
        r++;
        ws.value(r, 0, "(Ký, ghi rõ họ tên)");
        ws.range(r, 0, r, 2).merge();
        ws.value(r, 5, "(Ký, ghi rõ họ tên, đóng dấu)");
        ws.range(r, 5, r, last).merge();
        ws.range(r, 0, r, last).style().italic().horizontalAlignment("center").set();

        double[] widths = {6, 50, 12, 13, 11, 14, 13, 20, 34};
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, widths[c]);
        }
        Cells.print(ws, false, INDICATOR_HEADER, INDICATOR_HEADER);
    }

    private static void decimal(Worksheet ws, int r, int c, BigDecimal n) {
        if (n != null) {
            ws.value(r, c, n);
            ws.style(r, c).format("#,##0.00").set();
        }
    }

    private static void dossiers(Worksheet ws, AgencyEvidence e) {
        Cells.header(ws, 0, DOSSIER_COLUMNS, 9);
        int r = 1;
        for (FlaggedDossier f : e.flags()) {
            Cells.number(ws, r, 0, r);
            Cells.text(ws, r, 1, f.ruleName());
            Cells.text(ws, r, 2, f.flag().caseId());
            Cells.text(ws, r, 3, f.flag().procedureName());
            Cells.dateTime(ws, r, 4, f.flag().receivedAt());
            Cells.dateTime(ws, r, 5, f.flag().effectiveDueAt() != null ? f.flag().effectiveDueAt() : f.flag().dueAt());
            Cells.dateTime(ws, r, 6, f.flag().finishedAt());
            Cells.text(ws, r, 7, PersonalData.maskName(f.flag().applicantMasked()));
            Cells.text(ws, r, 8, f.flag().detailVi());
            r++;
        }
        Cells.body(ws, 1, r - 1, DOSSIER_COLUMNS.length);
        double[] widths = {6, 30, 16, 34, 16, 16, 16, 16, 40, 36};
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, widths[c]);
        }
        ws.freezePane(0, 1);
        Cells.print(ws, true, 0, 0);
    }
}
