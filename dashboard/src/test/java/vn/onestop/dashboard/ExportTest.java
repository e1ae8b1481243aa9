package vn.onestop.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.onestop.dashboard.sql.Sql;

class ExportTest extends RunningDashboard {
    private static Browser inspector;

    @BeforeAll
    static void signIn() {
        inspector = browser().login("inspector");
    }

    private static List<CSVRecord> csv(byte[] body) throws Exception {
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }

    private static CSVRecord find(List<CSVRecord> rows, String agency, String indicator) {
        return rows.stream().filter(r -> r.get("agency_code").equals(agency) && r.get("indicator_id").equals(indicator))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + agency + " " + indicator));
    }

    @Test
    void csvIsUtf8WithBomInTheIndicatorExportFormat() throws Exception {
        HttpResponse<byte[]> response = inspector.getBytes("/export/indicators.csv?period=2024-03");
        assertEquals(200, response.statusCode());
        assertEquals("attachment; filename=\"chi-so_2024-03.csv\"",
                response.headers().firstValue("Content-Disposition").orElseThrow());
        byte[] body = response.body();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3));
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFperiod_start,period_end,agency_code,agency_name,indicator_id,numerator,"
                + "denominator,value_pct,points,max_points,profile\r\n"), text);

        List<CSVRecord> rows = csv(body);
        assertEquals("TINH", rows.get(0).get("agency_code"));
        assertEquals("Toàn tỉnh", rows.get(0).get("agency_name"));
        CSVRecord justice = find(rows, "S_TP", "766.2.1");
        assertEquals(List.of("2024-03-01", "2024-03-31", "S_TP", "Sở Tư pháp", "766.2.1", "40", "44", "90.91",
                "18.18", "20", "dvcqg-2025"), justice.toList());
        CSVRecord noData = find(rows, "X_DH", "766.2.1");
        assertEquals("", noData.get("value_pct"));
        assertEquals("0", noData.get("denominator"));
        assertEquals("80.00", find(rows, "TINH", "766.2.1").get("value_pct"));
        assertEquals("Khối sở, ban, ngành", find(rows, "GROUP_DEPARTMENT", "766.2.1").get("agency_name"));
        assertEquals("", find(rows, "S_TP", "06a.3").get("denominator"));
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreNeutralised() throws Exception {
        List<CSVRecord> rows = csv(inspector.getBytes("/export/indicators.csv?period=2024-03").body());
        assertEquals("'=SUM(1+1)", find(rows, "X_EQ", "766.2.1").get("agency_name"));
        assertEquals(SmallProvince.XSS_NAME, find(rows, "X_XSS", "766.2.1").get("agency_name"));
    }

    @Test
    void filtersApplyToExportsAndLeaveOutRollUps() throws Exception {
        List<CSVRecord> rows = csv(inspector.getBytes("/export/indicators.csv?period=2024-03&kind=department").body());
        assertEquals(List.of("S_TP"), rows.stream().map(r -> r.get("agency_code")).distinct().toList());
    }

    @Test
    void xlsxHasVietnameseHeadersAFrozenHeaderRowAndNumbersAsNumbers() throws Exception {
        HttpResponse<byte[]> response = inspector.getBytes("/export/indicators.xlsx?period=2024-03");
        assertEquals(200, response.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                response.headers().firstValue("Content-Type").orElseThrow());
        XlsxSheet sheet = new XlsxSheet(response.body());
        assertEquals("Từ ngày", sheet.cell("A1").text());
        assertEquals("Tên đơn vị", sheet.cell("D1").text());
        assertEquals("Giá trị (%)", sheet.cell("H1").text());
        assertTrue(sheet.sheetXml.contains("ySplit=\"1\""), "header row frozen");
        assertTrue(sheet.sheetXml.contains("state=\"frozen\""));
        int justice = -1;
        for (int r = 2; r < 200; r++) {
            XlsxSheet.Cell code = sheet.cell("C" + r);
            XlsxSheet.Cell indicator = sheet.cell("E" + r);
            if (code != null && code.text().equals("S_TP") && indicator.text().equals("766.2.1")) {
                justice = r;
            }
        }
        assertTrue(justice > 0);
        assertEquals(new XlsxSheet.Cell("40", true), sheet.cell("F" + justice));
        assertEquals(new XlsxSheet.Cell("44", true), sheet.cell("G" + justice));
        assertEquals("90.91", sheet.cell("H" + justice).text());
        assertTrue(sheet.cell("H" + justice).number());
        assertTrue(sheet.cell("A" + justice).number(), "dates are date cells");
        assertEquals(45352, Integer.parseInt(sheet.cell("A" + justice).text().split("\\.")[0]), "2024-03-01 as serial");
        assertFalse(sheet.cells.values().stream().anyMatch(c -> c.text().startsWith("=")));
    }

    @Test
    void everyExportIsAudited() {
        Browser b = browser().login("admin");
        b.getBytes("/export/indicators.csv?period=2024-02");
        b.getBytes("/export/indicators.xlsx?period=2024-02");
        List<String> actions = auditActions("admin");
        assertEquals(List.of("export", "export"), actions.subList(actions.size() - 2, actions.size()));
        String detail = Sql.first(store,
                "SELECT detail FROM audit_log WHERE username = 'admin' AND action = 'export' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow();
        assertTrue(detail.startsWith("indicators.csv run=run-1 period=2024-02 rows="), detail);
    }
}
