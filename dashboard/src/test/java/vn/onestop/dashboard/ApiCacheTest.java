package vn.onestop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import vn.onestop.dashboard.sql.Sql;

/**
 * The summary pages' JSON is kept per run, language and viewer (decision 71): the same answer compressed or not,
 * never one viewer's answer to another, and a new publication seen at once.
 */
class ApiCacheTest extends RunningDashboard {
    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBrowserGetsTheSameJsonCompressedAsAPlainClient() throws IOException {
        Browser admin = browser().login("admin");
        for (String path : new String[] {"/api/overview?period=2024-03", "/api/ranking?period=2024-03",
                "/api/agencies/S_TP?period=2024-03", "/api/indicators/766.2.1?period=2024-03"}) {
            String plain = admin.getJson(path).body();
            HttpResponse<byte[]> gzip = admin.getGzip(path);
            assertEquals(200, gzip.statusCode(), path);
            assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(""), path);
            assertTrue(gzip.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
            assertEquals(plain, gunzip(gzip.body()), path);
            assertEquals(plain, admin.getJson(path).body(), path + " (from the cache)");
            assertTrue(gzip.body().length < plain.getBytes(StandardCharsets.UTF_8).length, path);
        }
    }

    @Test
    void oneViewersCachedAnswerIsNeverAnothersAndLanguagesAreKeptApart() {
        String path = "/api/agencies/S_TP?period=2024-03";
        assertTrue(browser().login("inspector").json(path).get("comparesWithPeers").asBoolean());
        // The same URL, now cached: the viewer of another agency is still refused, the agency's own viewer gets
        // its own answer without the peers' median.
        assertEquals(403, browser().login("dakha").getJson(path).statusCode());
        assertFalse(browser().login("tuphap").json(path).get("comparesWithPeers").asBoolean());

        Browser inspector = browser().login("inspector");
        String vi = inspector.json(path + "&lang=vi").get("agency").get("kindText").asText();
        String en = inspector.json(path + "&lang=en").get("agency").get("kindText").asText();
        assertEquals("Sở, ban, ngành", vi);
        assertEquals("Provincial departments", en);
    }

    @Test
    void aNewPublicationIsSeenAtOnce() {
        Browser admin = browser().login("admin");
        String path = "/api/ranking?period=2024-03";
        String runId = Sql.first(store, "SELECT run_id FROM current_run WHERE id = 1", rs -> rs.getString(1)).orElseThrow();
        String before = name(admin.json(path), "S_TP");
        try {
            Sql.update(store, "UPDATE pub_agency SET name = ? WHERE run_id = ? AND agency_code = 'S_TP'",
                    "Sở Tư pháp (đã đổi tên)", runId);
            assertEquals(before, name(admin.json(path), "S_TP"), "the same publication: the cached answer");
            Sql.update(store, "UPDATE current_run SET published_at = ? WHERE id = 1", LocalDateTime.now().withNano(0));
            assertEquals("Sở Tư pháp (đã đổi tên)", name(admin.json(path), "S_TP"));
        } finally {
            Sql.update(store, "UPDATE pub_agency SET name = ? WHERE run_id = ? AND agency_code = 'S_TP'", before, runId);
            Sql.update(store, "UPDATE current_run SET published_at = ? WHERE id = 1", LocalDateTime.now().withNano(0)
                    .plusSeconds(1));
        }
    }

    private static String name(com.fasterxml.jackson.databind.JsonNode ranking, String code) {
        for (var row : ranking.get("rows")) {
            if (row.get("code").asText().equals(code)) {
                return row.get("name").asText();
            }
        }
        throw new AssertionError(code + " is not in the ranking");
    }
}
