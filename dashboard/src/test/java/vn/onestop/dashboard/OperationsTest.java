package vn.onestop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.sql.Sql;

/**
 * Decisions 41–42: {@code /health/live}, {@code /health/ready} and {@code /metrics} over {@link SmallProvince}, whose
 * run-1 ran 02:00–02:07 and was published at 02:08 on 2 April 2024 (local time), at clocks set by hand.
 */
class OperationsTest {
    /** 2 April 2024, 10:08 in Hà Nội: eight hours after the publication. */
    private static final Instant EIGHT_HOURS_AFTER = Instant.parse("2024-04-02T03:08:00Z");
    private static final String TOKEN = "t0ken-for-the-tests-0123456789";

    @TempDir
    Path dir;

    private final List<DashboardServer> servers = new ArrayList<>();
    private final List<Store> stores = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(DashboardServer::stop);
        stores.forEach(Store::close);
    }

    private Store store(boolean published) {
        Store store = SmallProvince.openStore(dir.resolve("s" + stores.size()));
        stores.add(store);
        if (published) {
            SmallProvince.publish(store);
        }
        return store;
    }

    private String start(Store store, Instant now, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("server.port", "0");
        all.put("data.dir", dir.toString());
        DashboardServer server = DashboardServer.start(OneStopConfig.defaults().with(all), store,
                Clock.fixed(now, ZoneOffset.UTC));
        servers.add(server);
        return server.url();
    }

    private static HttpResponse<String> get(String url, String... headers) {
        // A bound, so that a probe that hangs fails the test instead of stalling it.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(java.time.Duration.ofSeconds(20)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode ready(String base, int expectedStatus) {
        HttpResponse<String> r = get(base + "/health/ready");
        assertEquals(expectedStatus, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return Browser.parse(r.body());
    }

    /** Sample line (name and labels as printed) → value, of a scrape. */
    private static Map<String, String> samples(String exposition) {
        Map<String, String> out = new HashMap<>();
        for (String line : exposition.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                int space = line.lastIndexOf(' ');
                out.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return out;
    }

    @Test
    void livenessAnswersWithoutSigningInAndWithoutTheStore() {
        Store store = store(true);
        String base = start(store, EIGHT_HOURS_AFTER, Map.of());
        store.close();
        HttpResponse<String> r = get(base + "/health/live");
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"live\"}", r.body());
        assertEquals("store_unreachable", ready(base, 503).get("reason").asText());
    }

    /**
     * A store that hangs (here H2 in exclusive mode: other connections' statements wait) is unreachable after the
     * readiness deadline, not after the pool's 30 s wait; and ready again once it answers.
     */
    @Test
    void aStoreThatDoesNotAnswerIsUnreachableWithinTheDeadline() throws Exception {
        Store store = store(true);
        String base = start(store, EIGHT_HOURS_AFTER, Map.of());
        assertEquals("ready", ready(base, 200).get("status").asText());
        try (java.sql.Connection exclusive = store.dataSource().getConnection();
             java.sql.Statement st = exclusive.createStatement()) {
            st.execute("SET EXCLUSIVE 1");
            long started = System.nanoTime();
            JsonNode notReady = ready(base, 503);
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertEquals("store_unreachable", notReady.get("reason").asText());
            assertEquals("{\"store\":\"unreachable\"}", notReady.get("checks").toString());
            assertTrue(ms >= 2_900 && ms < 10_000, ms + " ms");
            st.execute("SET EXCLUSIVE 0");
        }
        assertEquals("ready", ready(base, 200).get("status").asText());
    }

    @Test
    void readyWhenTheStoreAnswersEveryMigrationIsAppliedAndTheRunIsFresh() {
        String base = start(store(true), EIGHT_HOURS_AFTER, Map.of());
        JsonNode ready = ready(base, 200);
        assertEquals("ready", ready.get("status").asText());
        assertTrue(ready.get("reason").isNull());
        assertEquals("{\"store\":\"ok\",\"migrations\":\"ok\",\"publishedRun\":\"ok\"}", ready.get("checks").toString());
        assertEquals("run-1", ready.get("publishedRun").asText());
        assertEquals("2024-04-02T02:08+07:00", ready.get("publishedAt").asText());
        assertEquals(8 * 3600, ready.get("publishedRunAgeSeconds").asLong());
        assertEquals(36, ready.get("maxRunAgeHours").asInt());
    }

    @Test
    void aRunOlderThanTheMaximumAgeIsNotReadyUnlessTheCheckIsOff() {
        Store store = store(true);
        // 36 h after the publication is still ready; one second more is not.
        assertEquals(200, get(start(store, Instant.parse("2024-04-03T07:08:00Z"), Map.of()) + "/health/ready")
                .statusCode());
        JsonNode stale = ready(start(store, Instant.parse("2024-04-03T07:08:01Z"), Map.of()), 503);
        assertEquals("not_ready", stale.get("status").asText());
        assertEquals("published_run_too_old", stale.get("reason").asText());
        assertEquals("The published run run-1 is 36 h old, more than ops.max_run_age_hours = 36. "
                + "See the failed runs on the data page.", stale.get("detail").asText());
        assertEquals("too_old", stale.get("checks").get("publishedRun").asText());
        assertEquals(36 * 3600 + 1, stale.get("publishedRunAgeSeconds").asLong());

        String lenient = start(store, Instant.parse("2024-04-03T07:08:01Z"), Map.of("ops.max_run_age_hours", "48"));
        assertEquals(200, get(lenient + "/health/ready").statusCode());
        String unchecked = start(store, Instant.parse("2027-01-01T00:00:00Z"), Map.of("ops.max_run_age_hours", "0"));
        assertEquals(200, get(unchecked + "/health/ready").statusCode());
    }

    @Test
    void nothingPublishedOrAMigrationMissingIsNotReady() {
        JsonNode empty = ready(start(store(false), EIGHT_HOURS_AFTER, Map.of()), 503);
        assertEquals("no_published_run", empty.get("reason").asText());
        assertEquals("none", empty.get("checks").get("publishedRun").asText());

        Store store = store(true);
        String version = Sql.first(store, "SELECT version FROM flyway_schema_history WHERE installed_rank = "
                + "(SELECT MAX(installed_rank) FROM flyway_schema_history)", rs -> rs.getString(1)).orElseThrow();
        Sql.update(store, "DELETE FROM flyway_schema_history WHERE version = ?", version);
        JsonNode behind = ready(start(store, EIGHT_HOURS_AFTER, Map.of()), 503);
        assertEquals("migrations_not_applied", behind.get("reason").asText());
        assertTrue(behind.get("detail").asText().startsWith("Migrations not applied: V" + version + " "),
                behind.get("detail").asText());
        assertEquals("not_applied", behind.get("checks").get("migrations").asText());
        assertEquals("ok", behind.get("checks").get("publishedRun").asText());
    }

    @Test
    void metricsCountRequestsPerRoutePatternAndDescribeTheRuns() {
        String base = start(store(true), EIGHT_HOURS_AFTER, Map.of());
        for (int i = 0; i < 3; i++) {
            get(base + "/health/live");
        }
        get(base + "/api/cases/HS-001");
        get(base + "/api/cases/HS-101");
        get(base + "/no/such/page");
        HttpResponse<String> scrape = get(base + "/metrics");
        assertEquals(200, scrape.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", scrape.headers().firstValue("Content-Type").orElse(""));
        Map<String, String> m = samples(scrape.body());

        assertEquals("3", m.get("onestop_http_requests_total{method=\"GET\",route=\"/health/live\",status=\"200\"}"));
        assertEquals("2", m.get("onestop_http_requests_total{method=\"GET\",route=\"/api/cases/{id}\",status=\"401\"}"),
                scrape.body().lines().filter(l -> l.startsWith("onestop_http_requests_total")).toList()::toString);
        assertEquals("1", m.get("onestop_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"}"));
        String live = "{method=\"GET\",route=\"/health/live\"";
        assertEquals("3", m.get("onestop_http_request_duration_seconds_count" + live + "}"));
        assertEquals("3", m.get("onestop_http_request_duration_seconds_bucket" + live + ",le=\"+Inf\"}"));
        long previous = 0;
        for (String le : List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf")) {
            long n = Long.parseLong(m.get("onestop_http_request_duration_seconds_bucket" + live + ",le=\"" + le + "\"}"));
            assertTrue(n >= previous, "buckets are cumulative");
            previous = n;
        }

        assertTrue(Long.parseLong(m.get("jvm_memory_used_bytes{area=\"heap\"}")) > 0);
        assertTrue(m.containsKey("jvm_memory_max_bytes{area=\"nonheap\"}"));
        assertEquals("4", m.get("hikaricp_connections_max{pool=\"store\"}"));
        assertEquals("0", m.get("hikaricp_connections_pending{pool=\"store\"}"));

        assertEquals("1", m.get("onestop_store_up"));
        assertEquals("1", m.get("onestop_last_run_info{run_id=\"run-1\",trigger=\"manual\",status=\"succeeded\"}"));
        assertEquals("420", m.get("onestop_last_run_duration_seconds"), "02:00 to 02:07");
        assertEquals("28860", m.get("onestop_last_run_age_seconds"), "finished 02:07, now 10:08");
        // Input balance of run-1: feed 1000 = 950 + 30 + 20; apologies 12 = 10 + 1 + 0 (+1 read unaccounted).
        assertEquals("1012", m.get("onestop_last_run_input_rows{outcome=\"read\"}"));
        assertEquals("960", m.get("onestop_last_run_input_rows{outcome=\"accepted\"}"));
        assertEquals("31", m.get("onestop_last_run_input_rows{outcome=\"quarantined\"}"));
        assertEquals("20", m.get("onestop_last_run_input_rows{outcome=\"superseded\"}"));
        assertEquals("1", m.get("onestop_published_run_info{run_id=\"run-1\"}"));
        assertEquals("28800", m.get("onestop_published_run_age_seconds"));
        // 35 values, and 8 rows of the 06a table × 11 columns; 9 flags.
        assertEquals("123", m.get("onestop_published_rows{table=\"pub_value\"}"));
        assertEquals("9", m.get("onestop_published_rows{table=\"pub_case_flag\"}"));
    }

    @Test
    void metricsOpenToThisMachineOrTheBearerTokenAndToNothingElse() {
        Store store = store(true);
        String local = start(store, EIGHT_HOURS_AFTER, Map.of());
        assertEquals(200, get(local + "/metrics").statusCode());
        HttpResponse<String> proxied = get(local + "/metrics", "X-Forwarded-For", "203.0.113.9");
        assertEquals(401, proxied.statusCode(), "through a proxy on this machine: not local");
        assertEquals("Bearer", proxied.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, get(local + "/metrics", "Forwarded", "for=203.0.113.9").statusCode());
        assertEquals(401, get(local + "/metrics", "Authorization", "Bearer " + TOKEN).statusCode(),
                "no token configured: none is accepted");

        String tokenOnly = start(store, EIGHT_HOURS_AFTER,
                Map.of("ops.metrics_from_loopback", "false", "ops.metrics_token", TOKEN));
        assertEquals(401, get(tokenOnly + "/metrics").statusCode());
        assertEquals(401, get(tokenOnly + "/metrics", "Authorization", "Bearer " + TOKEN + "x").statusCode());
        assertEquals(401, get(tokenOnly + "/metrics", "Authorization", "Basic " + TOKEN).statusCode());
        HttpResponse<String> allowed = get(tokenOnly + "/metrics", "Authorization", "Bearer " + TOKEN,
                "X-Forwarded-For", "203.0.113.9");
        assertEquals(200, allowed.statusCode());
        assertTrue(allowed.body().contains("\nonestop_store_up 1\n"));
    }
}
