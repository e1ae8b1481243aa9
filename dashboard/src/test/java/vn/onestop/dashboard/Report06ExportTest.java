package vn.onestop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official progress report (Circular 01/2020, forms II.06a and II.06b) as XLSX. */
class Report06ExportTest extends RunningDashboard {
    private static final String COLUMNS = "CDEFGHIJKLM";
    private static final int FIRST_ROW = 10;
    private static Browser inspector;

    @BeforeAll
    static void signIn() {
        inspector = browser().login("inspector");
    }

    private static XlsxSheet sheet(Browser b, String query, int number) throws Exception {
        HttpResponse<byte[]> response = b.getBytes("/export/report06.xlsx" + query);
        assertEquals(200, response.statusCode());
        return new XlsxSheet(response.body(), number);
    }

    /** The rows under the header: column B's text, then columns (3)–(13) as numbers (null when empty). */
    private record Row(int line, String stt, String name, List<Long> columns) {
        long col(int formColumn) {
            return columns.get(formColumn - 3);
        }
    }

    private static List<Row> rows(XlsxSheet sheet) {
        List<Row> out = new ArrayList<>();
        for (int r = FIRST_ROW; sheet.cell("B" + r) != null; r++) {
            List<Long> columns = new ArrayList<>();
            for (char c : COLUMNS.toCharArray()) {
                XlsxSheet.Cell cell = sheet.cell(String.valueOf(c) + r);
                if (cell != null && !cell.text().isEmpty()) {
                    assertTrue(cell.number(), () -> "not a number: " + cell);
                    columns.add(Long.parseLong(cell.text()));
                } else {
                    columns.add(null);
                }
            }
            XlsxSheet.Cell stt = sheet.cell("A" + r);
            out.add(new Row(r, stt == null ? "" : stt.text(), sheet.cell("B" + r).text(), columns));
        }
        return out;
    }

    @Test
    void layoutFollowsFormII06aWithItsCodeTitlePeriodAndMergedTwoRowHeader() throws Exception {
        XlsxSheet s = sheet(inspector, "?period=bc-2024-03", 1);
        assertEquals("Biểu số II.06a/VPCP/KSTT", s.cell("A1").text());
        assertTrue(s.cell("A4").text().startsWith("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"));
        assertEquals("Kỳ báo cáo tháng 3/2024 (Từ ngày 15/02/2024 đến ngày 14/03/2024)", s.cell("A5").text());
        assertEquals("STT", s.cell("A7").text());
        assertEquals("Đơn vị", s.cell("B7").text());
        assertEquals("Số hồ sơ nhận giải quyết", s.cell("C7").text());
        assertEquals("Số hồ sơ đã giải quyết", s.cell("G7").text());
        assertEquals("Số hồ sơ đang giải quyết", s.cell("K7").text());
        List<String> sub = new ArrayList<>();
        for (char c : COLUMNS.toCharArray()) {
            sub.add(s.cell(c + "8").text());
        }
        assertEquals(List.of("Tổng số", "Trực tuyến", "Trực tiếp và dịch vụ bưu chính", "Từ kỳ trước", "Tổng số",
                "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"), sub);
        assertTrue(s.merged.containsAll(List.of("A7:A8", "B7:B8", "C7:F7", "G7:J7", "K7:M7")), s.merged.toString());
        for (int c = 0; c < 13; c++) {
            assertEquals("(" + (c + 1) + ")", s.cell((char) ('A' + c) + "9").text());
        }
    }

    @Test
    void oneRowPerAgencyUnderItsGroupSubtotalThenTheProvinceTotalEachAddingUp() throws Exception {
        List<Row> rows = rows(sheet(inspector, "?period=bc-2024-03", 1));
        assertEquals(List.of("Khối sở, ban, ngành", "Sở Tư pháp", "Trung tâm Trợ giúp pháp lý", "Khối UBND cấp xã",
                SmallProvince.XSS_NAME, "'" + SmallProvince.FORMULA_NAME, "UBND xã Đăk Hà", "Tổng cộng (Toàn tỉnh)"),
                rows.stream().map(Row::name).toList());
        assertEquals(List.of("I", "1", "2", "II", "1", "2", "3", ""), rows.stream().map(Row::stt).toList());
        for (Row r : rows) {
            assertEquals(r.col(3), r.col(7) + r.col(11), () -> "(3) = (7) + (11) in " + r);
            assertEquals(r.col(3), r.col(4) + r.col(5) + r.col(6), () -> "(3) = (4) + (5) + (6) in " + r);
            assertEquals(r.col(7), r.col(8) + r.col(9) + r.col(10), () -> "(7) = (8) + (9) + (10) in " + r);
            assertEquals(r.col(11), r.col(12) + r.col(13), () -> "(11) = (12) + (13) in " + r);
        }
        Row justice = rows.get(1);
        assertEquals(List.of(44L, 20L, 18L, 6L, 34L, 10L, 20L, 4L, 10L, 8L, 2L), justice.columns());
        Row departments = rows.get(0);
        assertEquals(justice.col(3) + rows.get(2).col(3), departments.col(3), "a group's subtotal is its agencies'");
        assertEquals(185L, rows.get(7).col(3));
    }

    @Test
    void summarySheet06bHasTheGroupSubtotalsAndTheTotalOnly() throws Exception {
        XlsxSheet s = sheet(inspector, "?period=bc-2024-03", 2);
        assertEquals("Biểu số II.06b/VPCP/KSTT", s.cell("A1").text());
        List<Row> rows = rows(s);
        assertEquals(List.of("Khối sở, ban, ngành", "Khối UBND cấp xã", "Tổng cộng (Toàn tỉnh)"),
                rows.stream().map(Row::name).toList());
        assertEquals(54L + 131L, rows.get(2).col(3));
        rows.forEach(r -> assertEquals(r.col(3), r.col(7) + r.col(11)));
    }

    @Test
    void withoutAPeriodItIsTheLatestCompleteOfficialReportMonth() throws Exception {
        HttpResponse<byte[]> response = inspector.getBytes("/export/report06.xlsx");
        assertEquals("attachment; filename=\"bao-cao-06a_bc-2024-03.xlsx\"",
                response.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals("Kỳ báo cáo tháng 3/2024 (Từ ngày 15/02/2024 đến ngày 14/03/2024)",
                new XlsxSheet(response.body()).cell("A5").text());
    }

    @Test
    void anyPeriodIsAcceptedAndACalendarPeriodSaysSo() throws Exception {
        XlsxSheet march = sheet(inspector, "?period=2024-03", 1);
        assertEquals("Kỳ báo cáo: Tháng 3/2024 (Từ ngày 01/03/2024 đến ngày 31/03/2024)", march.cell("A5").text());
        List<Row> rows = rows(march);
        Row justice = rows.stream().filter(r -> r.name().equals("Sở Tư pháp")).findFirst().orElseThrow();
        assertEquals(44L, justice.col(3));
        assertNull(justice.columns().get(1), "an unpublished column stays empty, never 0");
        assertEquals(400, inspector.getBytes("/export/report06.xlsx?period=2031-01").statusCode());
    }

    @Test
    void agencyViewerGetsOnlyItsAgenciesAddedUpAndNoProvinceFigure() throws Exception {
        Browser justice = browser().login("tuphap");
        List<Row> rows = rows(sheet(justice, "?period=bc-2024-03", 1));
        assertEquals(List.of("Khối sở, ban, ngành", "Sở Tư pháp", "Trung tâm Trợ giúp pháp lý", "Cộng các đơn vị trên"),
                rows.stream().map(Row::name).toList());
        assertTrue(rows.get(0).columns().stream().allMatch(c -> c == null), "no official subtotal of other agencies");
        assertEquals(List.of(54L, 25L, 22L, 7L, 43L, 13L, 25L, 5L, 11L, 9L, 2L), rows.get(3).columns());
        List<Row> summary = rows(sheet(justice, "?period=bc-2024-03", 2));
        assertEquals(List.of("Cộng các đơn vị trên"), summary.stream().map(Row::name).toList());
        assertTrue(sheet(justice, "?period=bc-2024-03", 1).cells.values().stream().noneMatch(c -> c.text().equals("185")),
                "no province total");
        assertEquals(403, justice.getBytes("/export/report06.xlsx?period=bc-2024-03&within=X_DH").statusCode());
    }

    @Test
    void namesAreTextCellsAndNeverFormulas() throws Exception {
        XlsxSheet s = sheet(inspector, "?period=bc-2024-03", 1);
        assertFalse(s.sheetXml.contains("<f>"), "no formula cell");
        assertTrue(s.cells.values().stream().noneMatch(c -> c.text().startsWith("=")));
    }

    @Test
    void everyReportIsAudited() {
        Browser admin = browser().login("admin");
        admin.getBytes("/export/report06.xlsx?period=bc-2024-03");
        List<String> actions = auditActions("admin");
        assertEquals("export", actions.get(actions.size() - 1));
    }
}
