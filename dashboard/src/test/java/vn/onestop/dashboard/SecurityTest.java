package vn.onestop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.onestop.dashboard.auth.UserAccounts;
import vn.onestop.dashboard.sql.Sql;

class SecurityTest extends RunningDashboard {

    @Test
    void pageWithoutSessionRedirectsToLoginAndComesBackAfterwards() {
        HttpResponse<String> response = browser().get("/ranking?period=2024-03");
        assertEquals(302, response.statusCode());
        assertEquals("/login?next=%2Franking%3Fperiod%3D2024-03", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void apiAndExportWithoutSessionAnswer401() {
        Browser anonymous = browser();
        assertEquals(401, anonymous.getJson("/api/overview").statusCode());
        assertEquals(401, anonymous.getJson("/api/agencies/S_TP").statusCode());
        assertEquals(401, anonymous.get("/export/indicators.csv").statusCode());
        assertEquals(401, anonymous.getJson("/api/shell").statusCode());
    }

    @Test
    void loginFormWithoutItsTokenIsRefused() {
        Browser b = browser();
        b.json("/api/login-token");
        HttpResponse<String> response = b.post("/login", Map.of("username", "admin", "password", SmallProvince.PASSWORD));
        assertEquals(303, response.statusCode());
        assertEquals("/login?error=expired", response.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> forged = b.post("/login",
                Map.of("csrf", "forged", "username", "admin", "password", SmallProvince.PASSWORD));
        assertEquals("/login?error=expired", forged.headers().firstValue("Location").orElseThrow());
        assertNull(b.cookie("osm_session"));
        assertEquals(401, b.getJson("/api/shell").statusCode());
    }

    @Test
    void loginOpensAStrictHttpOnlySessionAndLogoutNeedsTheToken() {
        Browser b = browser();
        HttpResponse<String> login = b.submitLogin("inspector", SmallProvince.PASSWORD);
        assertEquals(303, login.statusCode());
        String setCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("osm_session=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertEquals(200, b.getJson("/api/shell").statusCode());

        assertEquals(403, b.post("/logout", Map.of()).statusCode());
        assertEquals(403, b.post("/logout", Map.of("csrf", "not-the-token")).statusCode());
        HttpResponse<String> logout = b.post("/logout", Map.of("csrf", b.csrf()));
        assertEquals(303, logout.statusCode());
        assertEquals("/login?bye=1", logout.headers().firstValue("Location").orElseThrow());
        assertEquals(401, b.getJson("/api/shell").statusCode());
        List<String> actions = auditActions("inspector");
        assertEquals(List.of("login", "logout"), actions.subList(actions.size() - 2, actions.size()));
    }

    @Test
    void loginGoesBackToTheAskedPageButNeverToAnotherSite() {
        Browser b = browser();
        String token = b.json("/api/login-token").get("csrf").asText();
        HttpResponse<String> back = b.post("/login", Map.of("csrf", token, "username", "admin",
                "password", SmallProvince.PASSWORD, "next", "/ranking?period=2024-03"));
        assertEquals("/ranking?period=2024-03", back.headers().firstValue("Location").orElseThrow());

        Browser other = browser();
        String token2 = other.json("/api/login-token").get("csrf").asText();
        HttpResponse<String> away = other.post("/login", Map.of("csrf", token2, "username", "admin",
                "password", SmallProvince.PASSWORD, "next", "//evil.example/x"));
        assertEquals("/", away.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void repeatedWrongPasswordsLockTheUserNameAndAreAudited() {
        UserAccounts.create(store, "victim", SmallProvince.PASSWORD, "agency", "S_TP", null);
        Browser b = browser();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = b.submitLogin("victim", "wrong-password-" + i);
            assertEquals("/login?error=invalid", wrong.headers().firstValue("Location").orElseThrow());
        }
        HttpResponse<String> locked = b.submitLogin("victim", SmallProvince.PASSWORD);
        assertEquals(303, locked.statusCode());
        assertEquals("/login?error=locked", locked.headers().firstValue("Location").orElseThrow());
        assertNull(b.cookie("osm_session"));
        assertEquals(List.of("login_failed", "login_failed", "login_failed", "login_failed", "login_failed",
                "login_failed"), auditActions("victim"));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        Browser b = browser();
        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(b.get("/login"));
        responses.add(b.get("/assets/app.css"));
        responses.add(b.get("/webjars/chart.js/4.5.1/dist/chart.umd.js"));
        responses.add(b.getJson("/api/overview"));
        responses.add(b.get("/no-such-page"));
        for (HttpResponse<String> r : responses) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.startsWith("default-src 'self'"), r.uri() + " CSP " + csp);
            assertFalse(csp.contains("unsafe-inline"), csp);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), r.uri().toString());
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), r.uri().toString());
            assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(""), r.uri().toString());
        }
        assertEquals(200, responses.get(2).statusCode());
        assertTrue(responses.get(2).body().startsWith("/*!"));
    }

    @Test
    void pagesHaveNoInlineScriptOrHandler() {
        Browser b = browser().login("admin");
        for (String page : List.of("/login", "/overview", "/ranking", "/agency", "/agency/S_TP", "/data",
                "/case/HS-001", "/indicator/766.2.1", "/audit")) {
            HttpResponse<String> r = page.equals("/login") ? browser().get(page) : b.get(page);
            assertEquals(200, r.statusCode(), page);
            assertFalse(r.body().matches("(?s).*<script>.*|.*<script(?![^>]*\\bsrc=)[^>]*>.*"), page + " has an inline script");
            assertFalse(r.body().matches("(?s).*\\son[a-z]+\\s*=.*"), page + " has an inline handler");
            assertFalse(r.body().contains("style="), page + " has an inline style");
        }
    }

    @Test
    void agencyViewerSeesOwnAgencyAndItsChildrenOnly() {
        Browser b = browser().login("tuphap");
        assertEquals(302, b.get("/").statusCode());
        assertEquals("/agency/S_TP", b.get("/").headers().firstValue("Location").orElseThrow());
        assertEquals(200, b.get("/agency/S_TP").statusCode());
        assertEquals(200, b.get("/agency/S_TP_TG").statusCode());
        assertEquals(200, b.getJson("/api/agencies/S_TP_TG").statusCode());

        assertEquals(403, b.get("/agency/X_DH").statusCode());
        assertEquals(403, b.getJson("/api/agencies/X_DH").statusCode());
        assertEquals(403, b.getJson("/api/agencies/X_DH/cases?rule=R01").statusCode());
        assertEquals(403, b.getJson("/api/agencies/NO_SUCH_AGENCY").statusCode());
        assertEquals(403, b.getJson("/api/ranking?within=X_DH").statusCode());
        assertEquals(403, b.get("/export/indicators.csv?within=X_DH").statusCode());
        assertEquals(403, b.get("/export/indicators.xlsx?within=X_DH").statusCode());
        assertEquals(403, b.get("/overview").statusCode());
        assertEquals(403, b.getJson("/api/overview").statusCode());
        assertEquals(403, b.getJson("/api/data").statusCode());

        JsonNode ranking = b.json("/api/ranking?period=2024-03");
        List<String> codes = new ArrayList<>();
        ranking.get("rows").forEach(r -> codes.add(r.get("code").asText()));
        assertEquals(List.of("S_TP", "S_TP_TG"), codes);
        String csv = b.get("/export/indicators.csv?period=2024-03").body();
        assertFalse(csv.contains("X_DH"));
        assertFalse(csv.contains(",TINH,"));
        assertTrue(csv.contains(",S_TP_TG,"));
    }

    @Test
    void aMistypedAddressGetsAPageInVietnameseAndApiClientsKeepJson() {
        Browser b = browser().login("admin");
        HttpResponse<String> page = b.getPage("/agencies/S_TP_TG");
        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<h1>Không tìm thấy trang</h1>"), page.body());
        assertTrue(page.body().contains("<a href=\"/\">Về trang chính / Home</a>"), page.body());

        HttpResponse<String> api = b.getJson("/api/no-such-thing");
        assertEquals(404, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), api.body());
    }

    @Test
    void scriptInAnAgencyNameStaysTextInJsonAndHtml() {
        Browser b = browser().login("admin");
        HttpResponse<String> api = b.getJson("/api/agencies/X_XSS?period=2024-03");
        assertEquals(200, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertFalse(api.body().contains("<script>"), api.body());
        assertTrue(api.body().contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E"), api.body());
        assertEquals(SmallProvince.XSS_NAME, Browser.parse(api.body()).get("agency").get("name").asText());

        HttpResponse<String> ranking = b.getJson("/api/ranking?period=2024-03");
        assertFalse(ranking.body().contains("<script>"));

        HttpResponse<String> page = b.get("/agency/X_XSS");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertFalse(page.body().contains("alert(1)"));
    }

    @Test
    void scriptInNamesAndStepsStaysTextInEveryApiAndExport() throws Exception {
        Browser b = browser().login("admin");
        for (String path : List.of("/api/cases/HS-666?period=2024-03", "/api/indicators/766.2.1?period=2024-03",
                "/api/agencies?period=2024-03", "/api/agencies/X_XSS/cases?period=2024-03&rule=R02",
                "/api/overview?period=2024-03", "/api/audit")) {
            HttpResponse<String> r = b.getJson(path);
            assertEquals(200, r.statusCode(), path);
            assertFalse(r.body().contains("<script") || r.body().contains("<img"), path + ": " + r.body());
        }
        JsonNode dossier = b.json("/api/cases/HS-666?period=2024-03");
        assertEquals(SmallProvince.XSS_PROCEDURE, dossier.get("facts").get("procedureName").asText());
        assertEquals(SmallProvince.XSS_STEP, dossier.get("timeline").get(1).get("label").asText());
        assertEquals(SmallProvince.XSS_NAME, dossier.get("agency").get("name").asText());
        HttpResponse<String> page = b.get("/case/HS-666");
        assertFalse(page.body().contains("alert("), "the page itself carries no data");

        XlsxSheet report = new XlsxSheet(b.getBytes("/export/report06.xlsx?period=bc-2024-03").body());
        assertTrue(report.cells.values().stream().anyMatch(c -> c.text().equals(SmallProvince.XSS_NAME) && !c.number()));
        assertTrue(report.cells.values().stream().anyMatch(c -> c.text().equals("'" + SmallProvince.FORMULA_NAME)));
        assertFalse(report.sheetXml.contains("<f>"));
        XlsxSheet indicators = new XlsxSheet(b.getBytes("/export/indicators.xlsx?period=2024-03").body());
        assertTrue(indicators.cells.values().stream().anyMatch(c -> c.text().equals("'" + SmallProvince.FORMULA_NAME)));
        assertFalse(indicators.sheetXml.contains("<f>"));
        String csv = new String(b.getBytes("/export/indicators.csv?period=2024-03").body(), StandardCharsets.UTF_8);
        assertTrue(csv.contains(",'=SUM(1+1),"), "formula neutralised in the CSV");
        assertFalse(csv.contains(",=SUM"));
    }

    @Test
    void disabledAccountLosesItsSessionAtOnce() {
        UserAccounts.create(store, "leaving", SmallProvince.PASSWORD, "inspector", null, null);
        Browser b = browser().login("leaving");
        assertEquals(200, b.getJson("/api/shell").statusCode());
        Sql.update(store, "UPDATE app_user SET disabled = TRUE WHERE username = ?", "leaving");
        assertEquals(401, b.getJson("/api/shell").statusCode());
    }
}
