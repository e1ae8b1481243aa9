package vn.onestop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in Debian's Chromium, headless, as an official uses it: the login form, the overview, down from
 * the province to an agency and to one of its R01 dossiers, English and back, an Excel download read back. Every
 * page is saved as a 1366 × 768 screenshot under {@code target/screenshots/}, and no page may log an error (a CSP
 * violation included) or open a dialog (an injected script running).
 */
class BrowserEndToEndTest extends RunningDashboard {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Path downloads;
    private Chromium chromium;

    @BeforeEach
    void openBrowser() throws Exception {
        ExternalTools.assumeInstalled(Chromium.isInstalled(), "Chromium (" + Chromium.EXECUTABLE + ")");
        downloads = Files.createTempDirectory(dir, "downloads");
        chromium = Chromium.start(downloads);
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void shoot(String name) throws Exception {
        chromium.screenshot(SCREENSHOTS.resolve(name + ".png"));
    }

    private void logIn(String username) throws Exception {
        chromium.open(server.url() + "/login");
        chromium.waitFor("document.querySelector('input[name=csrf]').value");
        shoot("01-login");
        chromium.eval("document.getElementById('username').value = '" + username + "';"
                + "document.getElementById('password').value = '" + SmallProvince.PASSWORD + "';"
                + "document.getElementById('login-form').requestSubmit();");
    }

    @Test
    void officialDrillsFromTheProvinceToAnR01DossierSwitchesLanguageAndDownloadsExcel() throws Exception {
        logIn("inspector");
        chromium.waitFor("location.pathname === '/overview' && document.querySelector('.cards .card')");
        chromium.waitFor("document.querySelector('.worth-list a') && document.querySelector('canvas')");
        assertEquals("Tình hình giải quyết TTHC toàn tỉnh · Tháng 3/2024", chromium.text("main h1"));
        shoot("02-overview");
        assertTrue(chromium.eval("document.documentElement.scrollWidth <= innerWidth").asBoolean(),
                "no sideways scrolling at 1366 px: closed help boxes and the trend's screen-reader table take no room");

        chromium.click(".worth-list a");
        chromium.waitFor("location.pathname === '/agency/S_TP' && document.querySelector('table.cases a')");
        assertTrue(chromium.text(".rule-info").contains("Trễ hạn và chưa có phiếu xin lỗi đến hết kỳ"));
        shoot("03-agency");

        chromium.click("table.cases a");
        chromium.waitFor("location.pathname === '/case/HS-001' && document.querySelector('.timeline .step')");
        String dossier = chromium.text("main");
        assertTrue(dossier.contains("R01 · Hồ sơ trễ hạn không có phiếu xin lỗi"), dossier);
        assertTrue(dossier.contains("Yêu cầu bổ sung, hoàn thiện hồ sơ"), dossier);
        assertTrue(dossier.contains("Chuyển phòng chuyên môn thẩm định"), dossier);
        assertEquals(7, chromium.eval("document.querySelectorAll('.timeline .step').length").asInt());
        shoot("04-dossier");

        chromium.click("a.lang");
        chromium.waitFor("document.documentElement.lang === 'en' && document.querySelector('.timeline .step')");
        String english = chromium.text("main");
        assertTrue(english.contains("Why this dossier is worth a look"), english);
        assertTrue(english.contains("R01 · Late, no apology slip"), english);
        assertEquals("Dossier HS-001 · March 2024", chromium.text("main h1"));
        shoot("05-dossier-english");
        chromium.click("a.lang");
        chromium.waitFor("document.documentElement.lang === 'vi' && document.querySelector('.timeline .step')");
        assertTrue(chromium.text("main").contains("Vì sao hồ sơ này cần xem xét"));

        chromium.open(server.url() + "/ranking?period=2024-03");
        chromium.waitFor("document.querySelector('table.ranking tbody tr')");
        shoot("06-ranking");
        chromium.click("a.button[href^='/export/indicators.xlsx']");
        XlsxSheet sheet = new XlsxSheet(Files.readAllBytes(download("chi-so_2024-03.xlsx")));
        assertEquals("Tên đơn vị", sheet.cell("D1").text());
        assertTrue(sheet.cells.values().stream().anyMatch(c -> c.text().equals("Sở Tư pháp")));

        chromium.click("table.ranking a.col-name-text[href^='/indicator/766.2.1']");
        chromium.waitFor("location.pathname.startsWith('/indicator/') && document.querySelector('table.distribution tbody tr')");
        shoot("07-indicator");

        assertEquals(List.of(), chromium.problems());
        assertEquals(List.of(), chromium.dialogs());
    }

    @Test
    void reportOfTheOfficialPeriodDownloadsFromTheRankingInBothSheets() throws Exception {
        logIn("admin");
        chromium.waitFor("location.pathname === '/overview'");
        chromium.open(server.url() + "/ranking?period=bc-2024-03");
        chromium.waitFor("document.querySelector('table.ranking tbody tr')");
        assertTrue(chromium.text(".period-now").startsWith("Kỳ báo cáo tháng 3/2024 (15/02–14/03/2024)"));
        assertEquals("report", chromium.eval("document.getElementById('period-family').value").asText());
        shoot("08-ranking-report-period");
        chromium.click("a.button[href^='/export/report06.xlsx']");
        Path file = download("bao-cao-06a_bc-2024-03.xlsx");
        XlsxSheet report = new XlsxSheet(Files.readAllBytes(file), 1);
        assertEquals("Biểu số II.06a/VPCP/KSTT", report.cell("A1").text());
        XlsxSheet summary = new XlsxSheet(Files.readAllBytes(file), 2);
        assertEquals("Biểu số II.06b/VPCP/KSTT", summary.cell("A1").text());

        chromium.open(server.url() + "/audit");
        chromium.waitFor("document.querySelector('table.audit tbody tr')");
        assertTrue(chromium.text("table.audit").contains("report06.xlsx"));
        shoot("09-audit");
        chromium.open(server.url() + "/data");
        chromium.waitFor("document.querySelector('table.runs tbody tr')");
        shoot("10-data");
        assertEquals(List.of(), chromium.problems());
    }

    @Test
    void scriptInNamesStaysTextOnTheAgencyAndDossierPages() throws Exception {
        logIn("admin");
        chromium.waitFor("location.pathname === '/overview'");
        chromium.open(server.url() + "/agency/X_XSS?period=2024-03&rule=R02");
        chromium.waitFor("document.querySelector('table.cases a')");
        assertEquals(SmallProvince.XSS_NAME, chromium.eval("document.querySelector('main h1').firstChild.textContent")
                .asText());
        assertTrue(chromium.text("table.cases").contains(SmallProvince.XSS_PROCEDURE));
        shoot("11-agency-script-name");
        chromium.click("table.cases a");
        chromium.waitFor("document.querySelector('.timeline .step')");
        assertTrue(chromium.text(".timeline").contains(SmallProvince.XSS_STEP));
        assertEquals(0, chromium.eval("document.querySelectorAll('main script, main img').length").asInt());
        shoot("12-dossier-script-name");
        assertEquals(List.of(), chromium.dialogs());
        assertEquals(List.of(), chromium.problems());
    }

    /** R12 flags procedure-months, not dossiers: its tab shows what the rule saw, names as text (decision 63). */
    @Test
    void silentProceduresShowPerProcedureAndMonthOnTheAgencyPage() throws Exception {
        logIn("inspector");
        chromium.waitFor("location.pathname === '/overview'");
        chromium.open(server.url() + "/agency/X_DH?period=2024-03&rule=R12");
        chromium.waitFor("document.querySelector('table.procedure-flags tbody tr')");
        assertEquals(2, chromium.eval("document.querySelectorAll('table.procedure-flags tbody tr').length").asInt());
        String table = chromium.text("table.procedure-flags");
        assertTrue(table.contains("Đăng ký khai sinh") && table.contains("03/2024") && table.contains("2 / 3")
                && table.contains("31,5"), table);
        assertTrue(table.contains(SmallProvince.XSS_PROCEDURE), "the name as text");
        assertTrue(chromium.text(".tabs").contains("R12 · Thủ tục không phát sinh hồ sơ trên hệ thống (2)"));
        assertEquals(0, chromium.eval("document.querySelectorAll('main script, main img').length").asInt());
        chromium.eval("document.getElementById('cases').scrollIntoView()");
        shoot("12b-agency-silent-procedures");
        assertEquals(List.of(), chromium.dialogs());
        assertEquals(List.of(), chromium.problems());
    }

    @Test
    void agencyViewerLandsOnItsAgencyAndIsRefusedAnotherDossier() throws Exception {
        logIn("tuphap");
        chromium.waitFor("location.pathname === '/agency/S_TP' && document.querySelector('table.indicators')");
        shoot("13-agency-viewer");
        chromium.open(server.url() + "/case/HS-101?period=2024-03");
        chromium.waitFor("document.body.textContent.includes('Không có quyền truy cập')");
        shoot("14-agency-viewer-refused");
    }

    @Test
    void inspectorDrawsVerifiesSamplesAndRecordsAnOutcome() throws Exception {
        logIn("inspector");
        chromium.waitFor("location.pathname === '/overview'");
        chromium.open(server.url() + "/inspection?period=2024-03");
        chromium.waitFor("document.querySelector('table.risk tbody tr') && document.querySelector('#rates')");
        assertTrue(chromium.text("table.risk").contains("Chưa chấm điểm: 2 hồ sơ phải giải quyết"));
        assertEquals(SmallProvince.XSS_NAME, chromium.eval("[...document.querySelectorAll('table.risk td.message')]"
                + ".map((td) => td.textContent).find((t) => t.includes('script'))").asText());
        shoot("15-inspection-risk");

        chromium.open(server.url() + "/inspection/draw?period=2024-03");
        chromium.waitFor("document.getElementById('draw-form')");
        chromium.eval("document.getElementById('draw-seed').value = '42';"
                + "document.getElementById('draw-form').requestSubmit();");
        chromium.waitFor("document.querySelector('#draw-result code.seal') && document.querySelector('#draw-history td')");
        assertEquals(64, chromium.text("#draw-result code.seal").length());
        chromium.click("#draw-result button");
        chromium.waitFor("document.querySelector('#draw-result p.info')");
        assertTrue(chromium.text("#draw-result p.info").startsWith("Niêm phong còn nguyên"));
        chromium.eval("document.getElementById('draw-result').scrollIntoView()");
        shoot("16-inspection-draw");

        chromium.open(server.url() + "/inspection/plan?year=2024");
        chromium.waitFor("document.getElementById('plan-form')");
        chromium.eval("document.getElementById('plan-agency').value = 'X_DH';"
                + "document.getElementById('plan-start').value = '2024-05-06';"
                + "document.getElementById('plan-quarter').value = '2';"
                + "document.getElementById('plan-form').requestSubmit();");
        chromium.waitFor("document.querySelector('main table.grid tbody tr')");
        assertTrue(chromium.text("main table.grid").contains("26/04/2024"));
        shoot("17-inspection-plan");

        chromium.open(server.url() + "/inspection/agency/S_TP?period=2024-03");
        chromium.waitFor("document.querySelector('#outcomes select')");
        chromium.eval("document.getElementById('sample-seed').value = '5';"
                + "document.querySelector('#samples form').requestSubmit();");
        chromium.waitFor("document.querySelector('#samples table tbody tr')");
        chromium.eval("const s = document.querySelector('#outcomes select'); s.value = 'unclear';"
                + "s.parentNode.querySelector('button').click();");
        chromium.waitFor("document.querySelector('#outcomes td .block').textContent.startsWith('Ghi bởi inspector')");
        chromium.eval("document.getElementById('outcomes').scrollIntoView()");
        shoot("18-inspection-agency");
        assertEquals(List.of(), chromium.problems());
        assertEquals(List.of(), chromium.dialogs());
    }

    /** Waits for a finished download of that name (Chromium writes a .crdownload first). */
    private Path download(String name) throws Exception {
        Path file = downloads.resolve(name);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Stream<Path> partial = Files.list(downloads)) {
                if (Files.exists(file) && Files.size(file) > 0
                        && partial.noneMatch(p -> p.getFileName().toString().endsWith(".crdownload"))) {
                    return file;
                }
            }
            Thread.sleep(100);
        }
        try (Stream<Path> seen = Files.list(downloads)) {
            throw new AssertionError("no download " + name + " in " + seen.toList());
        }
    }
}
