package vn.onestop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.onestop.core.store.RunLog;

/**
 * Every route of {@link DashboardServer#routes()} × every role: who gets it (200 or a redirect of their own), who
 * is refused (403), and what a visitor without a session gets (401 for the API and exports, the login form for
 * pages). An agency viewer's own agency is S_TP (with S_TP_TG below it); X_DH and its dossier HS-101 are
 * another agency's. A route added without a line here fails {@link #everyRouteIsInTheMatrix}.
 */
class RouteAccessTest extends RunningDashboard {
    private static final String ANONYMOUS = "anonymous";
    private static final List<String> ROLES = List.of(ANONYMOUS, "admin", "inspector", "tuphap");

    /** Path asked → expected status per role, in the order of {@link #ROLES}; 302 means "to the login form". */
    private static final Map<String, int[]> GETS = new LinkedHashMap<>();

    static {
        expect("/login", 200, 302, 302, 302);
        expect("/api/login-token", 200, 200, 200, 200);
        expect("/api/labels", 200, 200, 200, 200);
        expect("/", 302, 302, 302, 302);
        expect("/api/shell", 401, 200, 200, 200);
        expect("/overview", 302, 200, 200, 403);
        expect("/api/overview?period=2024-03", 401, 200, 200, 403);
        expect("/ranking", 302, 200, 200, 200);
        expect("/api/ranking?period=2024-03", 401, 200, 200, 200);
        expect("/api/ranking?period=2024-03&within=S_TP_TG", 401, 200, 200, 200);
        expect("/api/ranking?period=2024-03&within=X_DH", 401, 200, 200, 403);
        expect("/indicator/766.2.1", 302, 200, 200, 200);
        expect("/api/indicators/766.2.1?period=2024-03", 401, 200, 200, 200);
        expect("/api/indicators/766.2.1?period=2024-03&within=X_DH", 401, 200, 200, 403);
        expect("/agency", 302, 200, 200, 302);
        expect("/agency/S_TP", 302, 200, 200, 200);
        expect("/agency/S_TP_TG", 302, 200, 200, 200);
        expect("/agency/X_DH", 302, 200, 200, 403);
        expect("/api/agencies?period=2024-03", 401, 200, 200, 200);
        expect("/api/agencies/S_TP?period=2024-03", 401, 200, 200, 200);
        expect("/api/agencies/X_DH?period=2024-03", 401, 200, 200, 403);
        expect("/api/agencies/S_TP/cases?period=2024-03&rule=R01", 401, 200, 200, 200);
        expect("/api/agencies/X_DH/cases?period=2024-03&rule=R01", 401, 200, 200, 403);
        expect("/api/agencies/S_TP/procedure-flags?period=2024-03", 401, 200, 200, 200);
        expect("/api/agencies/X_DH/procedure-flags?period=2024-03", 401, 200, 200, 403);
        expect("/case/HS-001", 302, 200, 200, 200);
        expect("/case/HS-101", 302, 200, 200, 403);
        expect("/case/NO-SUCH-CASE", 302, 404, 404, 403);
        expect("/api/cases/HS-001?period=2024-03", 401, 200, 200, 200);
        expect("/api/cases/HS-101?period=2024-03", 401, 200, 200, 403);
        expect("/api/cases/NO-SUCH-CASE?period=2024-03", 401, 404, 404, 403);
        expect("/export/indicators.csv?period=2024-03", 401, 200, 200, 200);
        expect("/export/indicators.csv?period=2024-03&within=X_DH", 401, 200, 200, 403);
        expect("/export/indicators.xlsx?period=2024-03", 401, 200, 200, 200);
        expect("/export/indicators.xlsx?period=2024-03&within=X_DH", 401, 200, 200, 403);
        expect("/export/report06.xlsx?period=bc-2024-03", 401, 200, 200, 200);
        expect("/export/report06.xlsx?period=bc-2024-03&within=X_DH", 401, 200, 200, 403);
        expect("/data", 302, 200, 200, 403);
        expect("/api/data", 401, 200, 200, 403);
        expect("/api/data/quarantine", 401, 200, 200, 403);
        expect("/runs", 302, 200, 200, 403);
        expect("/api/runs", 401, 200, 200, 403);
        expect("/api/runs/run-1", 401, 200, 200, 403);
        expect("/api/runs/NO-SUCH-RUN", 401, 404, 404, 403);
        expect("/inspection", 302, 200, 200, 403);
        expect("/api/inspection/risk?period=2024-03", 401, 200, 200, 403);
        expect("/api/inspection/rates", 401, 200, 200, 403);
        expect("/inspection/draw", 302, 200, 200, 403);
        expect("/api/inspection/draws", 401, 200, 200, 403);
        expect("/api/inspection/draws/999", 401, 404, 404, 403);
        expect("/api/inspection/draws/999/verify", 401, 404, 404, 403);
        expect("/inspection/plan", 302, 200, 200, 403);
        expect("/api/inspection/plan?year=2024", 401, 200, 200, 403);
        expect("/export/inspection/plan.xlsx?year=2024", 401, 200, 200, 403);
        expect("/inspection/agency/S_TP", 302, 200, 200, 403);
        expect("/api/inspection/agency/S_TP?period=2024-03", 401, 200, 200, 403);
        expect("/export/inspection/evidence/S_TP.xlsx?period=2024-03", 401, 200, 200, 403);
        expect("/export/inspection/self-inspection/S_TP.xlsx?period=2024-03", 401, 200, 200, 200);
        expect("/export/inspection/self-inspection/S_TP_TG.xlsx?period=2024-03", 401, 200, 200, 200);
        expect("/export/inspection/self-inspection/X_DH.xlsx?period=2024-03", 401, 200, 200, 403);
        expect("/audit", 302, 200, 403, 403);
        expect("/api/audit", 401, 200, 403, 403);
        expect("/api/openapi.json", 200, 200, 200, 200);
        expect("/health/live", 200, 200, 200, 200);
        // Open to all; not ready because SmallProvince's run was published in 2024 (OperationsTest has the rest).
        expect("/health/ready", 503, 503, 503, 503);
        // From this machine without a proxy: open without signing in (OperationsTest: the token, proxies).
        expect("/metrics", 200, 200, 200, 200);
    }

    private static void expect(String path, int... byRole) {
        GETS.put(path, byRole);
    }

    /**
     * POST routes with a body: without a session 401; the agency viewer 403; administrators and inspectors get past
     * access control (the answer is then the handler's: 200, or 400/404 for a request it refuses).
     */
    private static final Map<String, String> POSTS = new LinkedHashMap<>();

    static {
        POSTS.put("/api/inspection/draws", "{\"quotas\":{\"department\":1},\"seed\":\"7\"}");
        POSTS.put("/api/inspection/plan/items", "{\"year\":2030,\"agency\":\"S_TP\",\"quarter\":1,\"kind\":\"indirect\"}");
        POSTS.put("/api/inspection/plan/items/999/remove", "{}");
        POSTS.put("/api/inspection/agency/S_TP/samples?period=2024-03", "{\"n\":2,\"seed\":\"1\"}");
        POSTS.put("/api/inspection/outcomes", "{\"caseId\":\"HS-001\",\"rule\":\"R01\",\"outcome\":\"unclear\"}");
    }

    private static final Map<String, Browser> BROWSERS = new LinkedHashMap<>();

    /** The one POST besides the login form's: cancelling a run (a queued one here, so it is cancelled at once). */
    private static final String CANCEL = "/api/runs/run-q/cancel";

    @BeforeAll
    static void signInEveryRole() {
        RunLog.queue(store, "run-q", "scheduled");
        BROWSERS.put(ANONYMOUS, browser());
        ROLES.stream().skip(1).forEach(user -> BROWSERS.put(user, browser().login(user)));
    }

    @Test
    void everyRouteIsInTheMatrix() {
        Set<String> covered = GETS.keySet().stream().map(p -> p.split("\\?", 2)[0]).collect(Collectors.toSet());
        POSTS.keySet().forEach(p -> covered.add(p.split("\\?", 2)[0]));
        covered.add("/login");
        covered.add("/logout");
        covered.add(CANCEL);
        for (DashboardServer.Route route : server.routes()) {
            String pattern = route.path().replaceAll("\\{[^}]+}", "[^/]+");
            assertTrue(covered.stream().anyMatch(p -> p.matches(pattern)),
                    () -> route.method() + " " + route.path() + " has no line in the access matrix");
            assertTrue(!route.roles().isEmpty(), () -> route.path() + " declares no role");
        }
    }

    @Test
    void eachRoleGetsExactlyWhatItMay() {
        List<String> wrong = new ArrayList<>();
        GETS.forEach((path, expected) -> {
            for (int i = 0; i < ROLES.size(); i++) {
                Browser b = BROWSERS.get(ROLES.get(i));
                HttpResponse<String> r = path.startsWith("/api/") ? b.getJson(path) : b.get(path);
                if (r.statusCode() != expected[i]) {
                    wrong.add(ROLES.get(i) + " GET " + path + " → " + r.statusCode() + ", expected " + expected[i]);
                }
                if (i == 0 && expected[i] == 302 && !path.equals("/") && !path.equals("/login")) {
                    String location = r.headers().firstValue("Location").orElse("");
                    if (!location.startsWith("/login?next=")) {
                        wrong.add("anonymous GET " + path + " went to " + location + ", not the login form");
                    }
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void postsAreForAdministratorsAndInspectorsWithTheirToken() {
        List<String> wrong = new ArrayList<>();
        POSTS.forEach((path, body) -> {
            for (String role : ROLES) {
                Browser b = BROWSERS.get(role);
                int status = b.postJson(path, body, role.equals(ANONYMOUS) ? null : b.csrf()).statusCode();
                boolean ok = switch (role) {
                    case ANONYMOUS -> status == 401;
                    case "tuphap" -> status == 403;
                    default -> status != 401 && status != 403 && status < 500;
                };
                if (!ok) {
                    wrong.add(role + " POST " + path + " → " + status);
                }
            }
            int withoutToken = BROWSERS.get("inspector").postJson(path, body, null).statusCode();
            if (withoutToken != 403) {
                wrong.add("inspector POST " + path + " without the anti-forgery token → " + withoutToken);
            }
            int otherToken = BROWSERS.get("inspector").postJson(path, body, BROWSERS.get("admin").csrf()).statusCode();
            if (otherToken != 403) {
                wrong.add("inspector POST " + path + " with another session's token → " + otherToken);
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void agencyViewerNeverSeesAnotherAgencysRowsInWhatItMayOpen() {
        Browser b = BROWSERS.get("tuphap");
        for (String path : List.of("/api/ranking?period=2024-03", "/api/indicators/766.2.1?period=2024-03",
                "/api/agencies?period=2024-03", "/export/indicators.csv?period=2024-03")) {
            String body = b.get(path).body();
            assertTrue(!body.contains("X_DH") && !body.contains("X_XSS") && !body.contains("X_EQ"), path + ": " + body);
            assertTrue(body.contains("S_TP_TG"), path);
        }
    }

    @Test
    void postsNeedTheSessionsOwnAntiForgeryToken() {
        Browser inspector = browser().login("inspector");
        Browser other = browser().login("inspector");
        assertEquals(403, inspector.post("/logout", Map.of("csrf", other.csrf())).statusCode());
        assertEquals(403, inspector.post("/logout", Map.of()).statusCode());
        assertEquals(200, inspector.getJson("/api/shell").statusCode(), "a refused logout leaves the session open");
        assertEquals(302, browser().post("/logout", Map.of("csrf", "x")).statusCode(), "no session: to the login form");
        assertEquals(303, inspector.post("/logout", Map.of("csrf", inspector.csrf())).statusCode());
    }

    @Test
    void onlyAnAdministratorWithTheSessionsTokenCancelsARun() {
        assertEquals(401, browser().post(CANCEL, Map.of("csrf", "x")).statusCode());
        for (String user : List.of("inspector", "tuphap")) {
            Browser b = BROWSERS.get(user);
            assertEquals(403, b.post(CANCEL, Map.of("csrf", b.csrf())).statusCode(), user);
        }
        Browser admin = BROWSERS.get("admin");
        assertEquals(403, admin.post(CANCEL, Map.of()).statusCode(), "no anti-forgery token");
        assertEquals(403, admin.post(CANCEL, Map.of("csrf", BROWSERS.get("inspector").csrf())).statusCode(),
                "another session's token");
        assertEquals("queued", RunLog.status(store, "run-q"), "refused requests change nothing");
        HttpResponse<String> done = admin.post(CANCEL, Map.of("csrf", admin.csrf()));
        assertEquals(200, done.statusCode(), done.body());
        assertEquals("cancelled", Browser.parse(done.body()).get("status").asText());
        assertEquals("cancelled", RunLog.status(store, "run-q"));
        assertEquals(409, admin.post(CANCEL, Map.of("csrf", admin.csrf())).statusCode(), "an ended run");
        assertEquals(404, admin.post("/api/runs/NO-SUCH-RUN/cancel", Map.of("csrf", admin.csrf())).statusCode());
        assertTrue(auditActions("admin").contains("cancel_run"));
    }

    @Test
    void newPagesAndExportsCarryTheSecurityHeaders() {
        Browser admin = BROWSERS.get("admin");
        for (String path : List.of("/case/HS-001", "/indicator/766.2.1", "/audit", "/runs", "/api/runs", "/api/cases/HS-001?period=2024-03",
                "/api/indicators/766.2.1?period=2024-03", "/api/audit", "/export/report06.xlsx?period=bc-2024-03")) {
            HttpResponse<String> r = admin.get(path);
            assertEquals(200, r.statusCode(), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.startsWith("default-src 'self'") && !csp.contains("unsafe-inline"), path + ": " + csp);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), path);
        }
    }
}
