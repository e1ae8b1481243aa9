package vn.onestop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.onestop.core.store.RunLog;
import vn.onestop.dashboard.auth.Role;
import vn.onestop.dashboard.openapi.JsonSchemaSubset;

/**
 * Decision 43: {@code /api/openapi.json} against the route table (every operation there and nothing else, with the
 * same roles) and against real answers of {@link SmallProvince} with a run in progress: every JSON operation is
 * called (the POSTs first, so that the draw, sample and outcome they make are there to read), and its answer must
 * match the schema the document gives for that status.
 */
class OpenApiTest extends RunningDashboard {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static JsonNode doc;
    private static JsonSchemaSubset schemas;

    @BeforeAll
    static void read() {
        RunLog.start(store, "run-2", "scheduled");
        RunLog.enterStage(store, "run-2", "compute");
        RunLog.progress(store, "run-2", "compute", "counts", 3, 5L);
        HttpResponse<String> r = browser().getJson("/api/openapi.json");
        assertEquals(200, r.statusCode(), "open without signing in");
        doc = Browser.parse(r.body());
        schemas = new JsonSchemaSubset(doc);
    }

    /** Every route but the HTML pages: the API, exports, health, metrics and the POSTs. */
    private static boolean documented(DashboardServer.Route route) {
        String p = route.path();
        return !route.method().equals("GET") || p.startsWith("/api/") || p.startsWith("/export/")
                || p.startsWith("/health/") || p.equals("/metrics");
    }

    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                out.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
        return out;
    }

    @Test
    void theDocumentHoldsExactlyTheRoutesOfTheTable() {
        Set<String> routes = server.routes().stream().filter(OpenApiTest::documented)
                .map(r -> r.method() + " " + r.path()).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(routes.contains("GET /api/cases/{id}") && routes.contains("GET /metrics"), routes::toString);
        assertEquals(routes, new TreeSet<>(operations().keySet()));
        assertEquals("3.1.0", doc.get("openapi").asText());
    }

    @Test
    void rolesAndSecurityOfEachOperationAreThoseOfTheRouteTable() {
        Map<String, JsonNode> ops = operations();
        for (DashboardServer.Route route : server.routes()) {
            if (!documented(route)) {
                continue;
            }
            String key = route.method() + " " + route.path();
            JsonNode op = ops.get(key);
            Set<String> roles = route.roles().stream().map(r -> ((Role) r).storeName())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> documentedRoles = new TreeSet<>();
            op.get("x-roles").forEach(r -> documentedRoles.add(r.asText()));
            assertEquals(roles, documentedRoles, key);
            String security = op.get("security").toString();
            if (roles.equals(Set.of("public"))) {
                assertEquals("[]", security, key);
            } else if (roles.equals(Set.of("monitoring"))) {
                assertEquals("[{},{\"metricsToken\":[]}]", security, key);
            } else if (route.method().equals("POST")) {
                assertEquals("[{\"sessionCookie\":[],\"csrfToken\":[]}]", security, key);
            } else {
                assertEquals("[{\"sessionCookie\":[]}]", security, key);
                assertTrue(op.get("responses").has("401"), key + " says what a visitor without a session gets");
            }
        }
    }

    @Test
    void everyPathParameterIsDeclared() {
        operations().forEach((key, op) -> {
            Set<String> declared = new TreeSet<>();
            op.path("parameters").forEach(p -> {
                JsonNode param = p.has("$ref") ? doc.at(p.get("$ref").asText().substring(1)) : p;
                assertFalse(param.isMissingNode(), key + ": " + p);
                if (param.get("in").asText().equals("path")) {
                    declared.add(param.get("name").asText());
                }
            });
            Set<String> inPath = new TreeSet<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(key);
            while (m.find()) {
                inPath.add(m.group(1));
            }
            assertEquals(inPath, declared, key);
        });
    }

    /** A request, who makes it, and the status its answer must have. */
    private record Call(String who, String path, int status) {
    }

    /** A JSON POST with the session's token; {@code keep} names the placeholder its answer's {@code id} fills. */
    private record Post(String who, String path, String body, int status, String keep) {
    }

    private static final String DRAW = "{\"period\":\"2024-03\",\"quotas\":{\"department\":1,\"commune_ppc\":2},"
            + "\"randomSharePct\":50,\"recentMonths\":12,\"seed\":\"20240405\",\"overrides\":[]}";

    private static final List<Post> POSTS = List.of(
            new Post("inspector", "/api/inspection/draws", DRAW, 200, "{draw}"),
            new Post("inspector", "/api/inspection/draws",
                    "{\"quotas\":{\"department\":1},\"overrides\":[{\"agency\":\"S_TP\",\"reason\":\"x\"}]}", 400, null),
            new Post("admin", "/api/inspection/plan/items", "{\"year\":2025,\"agency\":\"X_DH\",\"quarter\":2,"
                    + "\"kind\":\"direct\",\"plannedStart\":\"2025-05-06\",\"notes\":\"Kèm 02 thôn\"}", 200, "{item}"),
            new Post("admin", "/api/inspection/plan/items", "{\"year\":2025,\"agency\":\"X_DH\"}", 400, null),
            new Post("admin", "/api/inspection/plan/items", "{\"year\":2025,\"agency\":\"X_DH\",\"quarter\":3,"
                    + "\"kind\":\"indirect\"}", 200, null),
            new Post("admin", "/api/inspection/plan/items/{item}/remove", "{}", 200, null),
            new Post("admin", "/api/inspection/plan/items/{item}/remove", "{}", 404, null),
            new Post("inspector", "/api/inspection/agency/S_TP/samples?period=2024-03", "{\"n\":2,\"seed\":\"11\"}", 200,
                    null),
            new Post("tuphap", "/api/inspection/agency/S_TP/samples?period=2024-03", "{}", 403, null),
            new Post("inspector", "/api/inspection/outcomes",
                    "{\"caseId\":\"HS-002\",\"rule\":\"R01\",\"outcome\":\"confirmed\",\"note\":\"Không có phiếu\"}",
                    200, null),
            new Post("inspector", "/api/inspection/outcomes", "{\"caseId\":\"HS-002\",\"rule\":\"R09\","
                    + "\"outcome\":\"confirmed\"}", 400, null),
            new Post("inspector", "/api/runs/run-2/cancel", "", 403, null),
            new Post("admin", "/api/runs/run-2/cancel?lang=en", "", 200, null),
            new Post("admin", "/api/runs/run-0/cancel", "", 409, null),
            new Post("admin", "/api/runs/NO-SUCH/cancel", "", 404, null));

    private static final List<Call> CALLS = List.of(
            new Call("anonymous", "/api/login-token", 200),
            new Call("anonymous", "/api/labels?lang=en", 200),
            new Call("anonymous", "/api/shell", 401),
            new Call("anonymous", "/health/live", 200),
            new Call("anonymous", "/health/ready", 503),
            new Call("admin", "/api/shell", 200),
            new Call("admin", "/api/overview?period=2024-03", 200),
            new Call("admin", "/api/overview?period=1999-01", 400),
            new Call("admin", "/api/ranking?period=2024-03", 200),
            new Call("admin", "/api/indicators/766.2.1?period=2024-03", 200),
            new Call("admin", "/api/indicators/NO.SUCH?period=2024-03", 404),
            new Call("admin", "/api/agencies?period=2024-03", 200),
            new Call("admin", "/api/agencies/S_TP?period=2024-03", 200),
            new Call("admin", "/api/agencies/S_TP/cases?period=2024-03&rule=R01", 200),
            new Call("admin", "/api/agencies/X_DH/procedure-flags?period=2024-03", 200),
            new Call("admin", "/api/cases/HS-001?period=2024-03", 200),
            new Call("admin", "/api/cases/HS-666?period=2024-03&lang=en", 200),
            new Call("admin", "/api/data", 200),
            new Call("admin", "/api/data/quarantine", 200),
            new Call("admin", "/api/audit", 200),
            new Call("inspector", "/api/data/quarantine", 200),
            new Call("inspector", "/api/audit", 403),
            new Call("admin", "/api/runs", 200),
            new Call("inspector", "/api/runs?lang=en", 200),
            new Call("admin", "/api/runs/run-2", 200),
            new Call("admin", "/api/runs/run-1", 200),
            new Call("admin", "/api/runs/NO-SUCH", 404),
            new Call("inspector", "/api/inspection/risk?period=2024-03", 200),
            new Call("inspector", "/api/inspection/risk?period=bc-2024-03&lang=en", 200),
            new Call("inspector", "/api/inspection/risk?period=1999-01", 400),
            new Call("inspector", "/api/inspection/rates", 200),
            new Call("inspector", "/api/inspection/draws", 200),
            new Call("inspector", "/api/inspection/draws/{draw}", 200),
            new Call("inspector", "/api/inspection/draws/{draw}/verify", 200),
            new Call("inspector", "/api/inspection/draws/{draw}/verify?lang=en", 200),
            new Call("inspector", "/api/inspection/draws/999999", 404),
            new Call("admin", "/api/inspection/plan?year=2025", 200),
            new Call("admin", "/api/inspection/plan?year=20", 400),
            new Call("inspector", "/api/inspection/agency/S_TP?period=2024-03", 200),
            new Call("tuphap", "/api/inspection/risk?period=2024-03", 403),
            new Call("tuphap", "/api/shell", 200),
            new Call("tuphap", "/api/ranking?period=2024-03", 200),
            new Call("tuphap", "/api/indicators/766.2.2?period=2024-03", 200),
            new Call("tuphap", "/api/agencies/S_TP?period=2024-03&lang=en", 200),
            new Call("tuphap", "/api/agencies/X_DH?period=2024-03", 403));

    @Test
    void realAnswersMatchTheirSchemas() {
        Map<String, Browser> browsers = new LinkedHashMap<>();
        browsers.put("anonymous", browser());
        List.of("admin", "inspector", "tuphap").forEach(u -> browsers.put(u, browser().login(u)));
        Set<String> called = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> kept = new LinkedHashMap<>();
        for (Post post : POSTS) {
            Browser b = browsers.get(post.who());
            String path = filled(post.path(), kept);
            HttpResponse<String> r = b.postJson(path, post.body(), b.csrf());
            assertEquals(post.status(), r.statusCode(), post + ": " + r.body());
            String key = operationOf("POST", path);
            called.add(key);
            JsonNode answer = Browser.parse(r.body());
            schemas.problems(responseSchema(key, post.status()), answer)
                    .forEach(p -> problems.add(post.who() + " POST " + path + " " + p));
            if (post.keep() != null) {
                kept.put(post.keep(), answer.get("id").asText());
            }
        }
        for (Call call : CALLS) {
            String path = filled(call.path(), kept);
            HttpResponse<String> r = browsers.get(call.who()).getJson(path);
            assertEquals(call.status(), r.statusCode(), call + ": " + r.body());
            String key = operationOf("GET", path);
            called.add(key);
            JsonNode schema = responseSchema(key, call.status());
            schemas.problems(schema, Browser.parse(r.body()))
                    .forEach(p -> problems.add(call.who() + " " + call.path() + " " + p));
        }
        assertEquals(List.of(), problems);
        Set<String> jsonOperations = operations().entrySet().stream()
                .filter(e -> !e.getKey().equals("GET /api/openapi.json"))
                .filter(e -> e.getValue().at("/responses/200/content/application~1json").isObject())
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        jsonOperations.removeAll(called);
        assertEquals(Set.of(), jsonOperations, "JSON operations no call here checks");
    }

    @Test
    void theCheckRefusesAnswersThatDriftFromTheSchema() {
        Browser admin = browser().login("admin");
        ObjectNode page = (ObjectNode) admin.json("/api/agencies/S_TP?period=2024-03");
        JsonNode schema = responseSchema("GET /api/agencies/{code}", 200);
        assertEquals(List.of(), schemas.problems(schema, page));
        ObjectNode extra = page.deepCopy().put("secret", 1);
        assertEquals(List.of("$.secret: not in the schema"), schemas.problems(schema, extra));
        ObjectNode missing = page.deepCopy();
        missing.remove("comparesWithPeers");
        assertEquals(List.of("$: no 'comparesWithPeers'"), schemas.problems(schema, missing));
        ObjectNode wrongType = page.deepCopy();
        ((ObjectNode) wrongType.get("indicators").get(0)).put("peersMedian", "90,46");
        List<String> wrong = schemas.problems(schema, wrongType);
        assertEquals(1, wrong.size(), wrong::toString);
        assertTrue(wrong.get(0).contains("$.indicators[0].peersMedian: string where the schema says [\"number\",\"null\"]"),
                wrong.get(0));
    }

    private static String filled(String path, Map<String, String> kept) {
        for (Map.Entry<String, String> k : kept.entrySet()) {
            path = path.replace(k.getKey(), k.getValue());
        }
        return path;
    }

    /** The document's operation with this method whose path template matches a concrete path. */
    private static String operationOf(String method, String pathAndQuery) {
        String path = pathAndQuery.split("\\?", 2)[0];
        for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
            String template = it.next();
            if (doc.get("paths").get(template).has(method.toLowerCase())
                    && path.matches(template.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\."))) {
                return method + " " + template;
            }
        }
        throw new AssertionError("no operation for " + path);
    }

    private static JsonNode responseSchema(String operation, int status) {
        JsonNode response = operations().get(operation).get("responses").get(String.valueOf(status));
        assertTrue(response != null, operation + " documents no " + status);
        if (response.has("$ref")) {
            response = doc.at(response.get("$ref").asText().substring(1));
        }
        JsonNode schema = response.at("/content/application~1json/schema");
        assertTrue(schema.isObject(), operation + " " + status + " has no JSON schema");
        return schema;
    }
}
