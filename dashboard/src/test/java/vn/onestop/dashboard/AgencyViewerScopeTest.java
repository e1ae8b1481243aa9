package vn.onestop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Decision 39: an agency viewer (tuphap: S_TP and S_TP_TG below it) compares with the province total and nothing
 * else made of other agencies — no group roll-up, no peers' median, no other agency's row — whatever the URL or
 * export parameters say. Province-wide users keep all of it.
 */
class AgencyViewerScopeTest extends RunningDashboard {
    /**
     * What the viewer may not see: other agencies, another group, the group roll-ups' values (communes 73,96 %,
     * departments 90,74 %). Its own group's code and name may appear: they label its own agencies.
     */
    private static final List<String> OTHERS = List.of("X_DH", "X_XSS", "X_EQ", "H_OLD", "UBND xã Đăk Hà",
            "GROUP_COMMUNE_PPC", "Khối UBND cấp xã", "73,96", "90,74");

    private static Browser viewer;
    private static Browser inspector;

    @BeforeAll
    static void signIn() {
        viewer = browser().login("tuphap");
        inspector = browser().login("inspector");
    }

    private static JsonNode indicatorRow(JsonNode agencyPage, String id) {
        for (JsonNode row : agencyPage.get("indicators")) {
            if (row.get("indicator").get("id").asText().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("no indicator " + id);
    }

    private static void assertNoOtherAgency(String path, String body) {
        for (String other : OTHERS) {
            assertFalse(body.contains(other), () -> path + " shows " + other + ": " + body);
        }
    }

    @Test
    void agencyPageComparesAViewerWithTheProvinceButNotWithPeers() {
        JsonNode own = viewer.json("/api/agencies/S_TP?period=2024-03");
        assertFalse(own.get("comparesWithPeers").asBoolean());
        JsonNode onTime = indicatorRow(own, "766.2.1");
        assertEquals("90,91 %", onTime.get("value").get("text").asText());
        assertEquals("80,00 %", onTime.get("province").get("text").asText(), "the province total stays: a benchmark");
        assertTrue(onTime.get("peersMedian").isNull());
        assertTrue(onTime.get("peersMedianText").isNull());
        own.get("indicators").forEach(r -> assertTrue(r.get("peersMedian").isNull() && r.get("peersMedianText").isNull()));

        JsonNode seenByInspector = inspector.json("/api/agencies/S_TP?period=2024-03");
        assertTrue(seenByInspector.get("comparesWithPeers").asBoolean());
        // Peers of S_TP (GROUP_DEPARTMENT): S_TP 90.91 and S_TP_TG 90.00 → (90.91 + 90.00) / 2 = 90.455 → 90.46.
        JsonNode inspected = indicatorRow(seenByInspector, "766.2.1");
        assertEquals(0, new BigDecimal("90.46").compareTo(inspected.get("peersMedian").decimalValue()));
        assertEquals("90,46 %", inspected.get("peersMedianText").asText());
    }

    @Test
    void rankingTotalsOfAViewerAreTheProvinceAlone() {
        JsonNode ranking = viewer.json("/api/ranking?period=2024-03");
        List<String> totals = new ArrayList<>();
        ranking.get("totals").forEach(r -> totals.add(r.get("code").asText()));
        assertEquals(List.of("TINH"), totals);
        assertEquals("80,00 %", ranking.get("totals").get(0).get("values").get("766.2.1").get("text").asText());

        List<String> inspectorTotals = new ArrayList<>();
        inspector.json("/api/ranking?period=2024-03").get("totals")
                .forEach(r -> inspectorTotals.add(r.get("code").asText()));
        assertEquals(List.of("TINH", "GROUP_COMMUNE_PPC", "GROUP_DEPARTMENT"), inspectorTotals);
    }

    @Test
    void indicatorPageOfAViewerHasTheProvinceNoGroupsAndItsOwnSpread() {
        JsonNode page = viewer.json("/api/indicators/766.2.1?period=2024-03");
        assertEquals("80,00 %", page.get("province").get("value").get("text").asText());
        assertEquals(0, page.get("groups").size());
        List<String> rows = new ArrayList<>();
        page.get("rows").forEach(r -> rows.add(r.get("code").asText()));
        assertEquals(List.of("S_TP", "S_TP_TG"), rows);
        // The spread is that of its own two agencies: 90.91 and 90.00.
        assertEquals(2, page.get("spread").get("agencies").asInt());
        assertEquals("90,46 %", page.get("spread").get("medianText").asText());
        assertEquals("90,91 %", page.get("spread").get("bestText").asText());
        assertEquals("90,00 %", page.get("spread").get("worstText").asText());

        assertEquals(2, inspector.json("/api/indicators/766.2.1?period=2024-03").get("groups").size());
    }

    @Test
    void noUrlOrExportParameterReachesAnotherAgencysFigures() {
        List<String> paths = new ArrayList<>();
        for (String query : List.of("", "&group=GROUP_COMMUNE_PPC", "&kind=commune_ppc", "&group=GROUP_DEPARTMENT",
                "&within=S_TP", "&within=S_TP_TG")) {
            paths.add("/api/ranking?period=2024-03" + query);
            paths.add("/api/indicators/766.2.1?period=2024-03" + query);
            paths.add("/api/indicators/766.2.2?period=2024-03" + query);
            paths.add("/export/indicators.csv?period=2024-03" + query);
        }
        paths.add("/api/agencies?period=2024-03");
        paths.add("/api/agencies/S_TP?period=2024-03");
        paths.add("/api/agencies/S_TP_TG?period=2024-03");
        paths.add("/api/agencies/S_TP/cases?period=2024-03&rule=R01");
        paths.add("/api/agencies/S_TP/cases?period=2024-03&rule=R02");
        paths.add("/api/agencies/S_TP/procedure-flags?period=2024-03&rule=R12");
        paths.add("/api/cases/HS-001?period=2024-03");
        for (String path : paths) {
            var response = viewer.getJson(path);
            assertEquals(200, response.statusCode(), path);
            assertNoOtherAgency(path, response.body());
        }
        for (String path : List.of("/api/ranking?period=2024-03&within=X_DH", "/api/indicators/766.2.1?within=X_EQ",
                "/api/agencies/X_DH?period=2024-03", "/api/agencies/H_OLD", "/api/agencies/X_DH/cases?rule=R01",
                "/api/agencies/X_DH/procedure-flags?period=2024-03",
                "/api/cases/HS-101", "/api/cases/HS-666", "/export/indicators.csv?within=X_DH",
                "/export/indicators.xlsx?within=GROUP_COMMUNE_PPC", "/export/report06.xlsx?within=X_XSS",
                "/api/overview?period=2024-03")) {
            assertEquals(403, viewer.getJson(path).statusCode(), path);
        }
    }
}
