package vn.onestop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.onestop.dashboard.sql.Sql;

/**
 * The inspection pages' API over {@link SmallProvince}: the risk list in words, a sealed draw that verifies, the
 * plan and its export, samples, outcomes and confirmation rates, the evidence pack and the self-inspection sheet.
 */
class InspectionApiTest extends RunningDashboard {
    @Test
    void theRiskListShowsScoresRanksReasonsAndWeightsAndSaysWhyAnAgencyIsNotScored() {
        Browser inspector = browser().login("inspector");
        JsonNode risk = inspector.json("/api/inspection/risk?period=2024-03");
        assertTrue(risk.get("hasScores").asBoolean());
        JsonNode weights = risk.get("weights");
        assertEquals("R01.rate Tỷ lệ hồ sơ trễ hạn không có phiếu xin lỗi", weights.get(0).get("name").asText());
        assertEquals("3", weights.get(0).get("weightText").asText());
        assertEquals("Khoảng cách đến mục tiêu: 766.2.1 Hồ sơ xử lý trước hạn, đúng hạn", weights.get(1).get("name").asText());
        JsonNode first = risk.get("rows").get(0);
        assertEquals("S_TP", first.get("code").asText(), "groups in order, the department's first");
        assertEquals("72,40", first.get("scoreText").asText());
        assertEquals("1/1", first.get("rankText").asText());
        JsonNode notScored = null;
        for (JsonNode r : risk.get("rows")) {
            if (r.get("code").asText().equals("X_DH")) {
                notScored = r;
            }
        }
        assertEquals("Chưa chấm điểm", notScored.get("scoreText").asText());
        assertEquals("Chưa chấm điểm: 2 hồ sơ phải giải quyết, dưới mức tối thiểu 30.", notScored.get("reasons").asText());
        String body = inspector.getJson("/api/inspection/risk?period=2024-03").body();
        assertFalse(body.contains("vi phạm"), "reasons to look, never findings");
        assertFalse(body.contains("<script>"), "names stay inert in JSON");
        JsonNode none = inspector.json("/api/inspection/risk?period=bc-2024-03");
        assertFalse(none.get("hasScores").asBoolean(), "no risk for report periods");
    }

    @Test
    void aDrawIsSealedAuditedListedAndVerifiedAndNeedsTheToken() throws Exception {
        Browser inspector = browser().login("inspector");
        String form = "{\"period\":\"2024-03\",\"quotas\":{\"department\":1,\"commune_ppc\":2},\"randomSharePct\":50,"
                + "\"recentMonths\":12,\"seed\":\"20240405\",\"overrides\":[]}";
        assertEquals(403, inspector.postJson("/api/inspection/draws", form, null).statusCode());
        HttpResponse<String> response = inspector.postJson("/api/inspection/draws", form, inspector.csrf());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode draw = Browser.parse(response.body());
        String json = draw.get("json").asText();
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(json.getBytes(StandardCharsets.UTF_8))), draw.get("seal").asText());
        assertEquals("20240405", draw.get("seed").asText());
        assertEquals("inspector", draw.get("drawnBy").asText());
        assertEquals("Tháng 3/2024", draw.get("period").asText());
        assertEquals(3, draw.get("selected").size(), "S_TP and two of the three communes; the branch has no quota");
        long id = draw.get("id").asLong();
        assertTrue(auditActions("inspector").contains("draw"));

        JsonNode history = inspector.json("/api/inspection/draws").get("history");
        assertEquals(id, history.get(0).get("id").asLong());
        JsonNode verify = inspector.json("/api/inspection/draws/" + id + "/verify");
        assertTrue(verify.get("holds").asBoolean(), verify.toString());
        assertEquals("Niêm phong còn nguyên: bản ghi, kết quả và dữ liệu đầu vào khớp.", verify.get("verdict").asText());

        HttpResponse<String> refused = inspector.postJson("/api/inspection/draws",
                "{\"quotas\":{\"department\":1},\"overrides\":[{\"agency\":\"S_TP\",\"reason\":\"x\"}]}", inspector.csrf());
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Cannot override S_TP: it is not excluded"), refused.body());
        assertEquals(403, browser().login("tuphap").postJson("/api/inspection/draws", form,
                browser().login("tuphap").csrf()).statusCode());
    }

    @Test
    void thePlanIsBuiltAndExportedInTheAppendixLayout() throws Exception {
        Browser admin = browser().login("admin");
        HttpResponse<String> added = admin.postJson("/api/inspection/plan/items", "{\"year\":2025,\"agency\":\"X_DH\","
                + "\"quarter\":2,\"kind\":\"direct\",\"plannedStart\":\"2025-05-06\",\"notes\":\"Kèm 02 thôn\"}", admin.csrf());
        assertEquals(200, added.statusCode(), added.body());
        JsonNode item = Browser.parse(added.body());
        assertEquals("26/04/2025", item.get("noticeDate").asText());
        assertEquals("Quý II", item.get("quarterText").asText());
        JsonNode plan = admin.json("/api/inspection/plan?year=2025");
        assertEquals("UBND xã Đăk Hà", plan.get("items").get(0).get("name").asText());
        assertEquals(10, plan.get("noticeDays").asInt());

        HttpResponse<byte[]> xlsx = admin.getBytes("/export/inspection/plan.xlsx?year=2025");
        assertEquals(200, xlsx.statusCode());
        XlsxSheet sheet = new XlsxSheet(xlsx.body());
        assertEquals("PHỤ LỤC", sheet.cell("A1").text());
        assertEquals("STT", sheet.cell("A6").text());
        assertEquals("Tên cơ quan, đơn vị", sheet.cell("B6").text());
        assertEquals("Thời gian kiểm tra", sheet.cell("C6").text());
        assertEquals("Ghi chú", sheet.cell("D6").text());
        assertTrue(sheet.cell("A7").number());
        assertEquals("UBND xã Đăk Hà", sheet.cell("B7").text());
        assertTrue(sheet.sheetXml.contains("ySplit=\"6\""), "the header rows are frozen");
        assertTrue(auditActions("admin").contains("export"));

        long id = item.get("id").asLong();
        assertEquals(200, admin.postJson("/api/inspection/plan/items/" + id + "/remove", "{}", admin.csrf()).statusCode());
        assertEquals(0, admin.json("/api/inspection/plan?year=2025").get("items").size());
        assertEquals(404, admin.postJson("/api/inspection/plan/items/" + id + "/remove", "{}", admin.csrf()).statusCode());
    }

    @Test
    void samplesOutcomesRatesAndTheEvidencePack() throws Exception {
        Browser inspector = browser().login("inspector");
        HttpResponse<String> taken = inspector.postJson("/api/inspection/agency/S_TP/samples?period=2024-03",
                "{\"n\":2,\"seed\":\"11\"}", inspector.csrf());
        assertEquals(200, taken.statusCode(), taken.body());
        JsonNode sample = Browser.parse(taken.body());
        assertEquals("LLTP 2/5", sample.get("strata").asText());
        assertEquals("11", sample.get("seed").asText());
        long random = 0;
        for (JsonNode d : sample.get("dossiers")) {
            random += d.get("reason").asText().startsWith("Ngẫu nhiên") ? 1 : 0;
        }
        assertEquals(2, random);
        assertTrue(sample.get("dossiers").size() >= 4, "plus the flagged HS-001…HS-004 of March");

        HttpResponse<String> recorded = inspector.postJson("/api/inspection/outcomes",
                "{\"caseId\":\"HS-002\",\"rule\":\"R01\",\"outcome\":\"confirmed\",\"note\":\"Không có phiếu\"}",
                inspector.csrf());
        assertEquals(200, recorded.statusCode(), recorded.body());
        assertEquals("Xác nhận vi phạm", Browser.parse(recorded.body()).get("findingText").asText());
        assertEquals(400, inspector.postJson("/api/inspection/outcomes",
                "{\"caseId\":\"HS-002\",\"rule\":\"R09\",\"outcome\":\"confirmed\"}", inspector.csrf()).statusCode());
        JsonNode page = inspector.json("/api/inspection/agency/S_TP?period=2024-03");
        JsonNode hs002 = null;
        for (JsonNode f : page.get("flags")) {
            if (f.get("caseId").asText().equals("HS-002")) {
                hs002 = f;
            }
        }
        assertEquals("confirmed", hs002.get("outcome").get("finding").asText());
        assertEquals("inspector", hs002.get("outcome").get("by").asText());
        assertEquals(sample.get("id").asLong(), page.get("samples").get(0).get("id").asLong());
        JsonNode rates = inspector.json("/api/inspection/rates");
        assertEquals("R01", rates.get(0).get("rule").asText());
        assertEquals("100,00 %", rates.get(0).get("rateText").asText());

        HttpResponse<byte[]> pack = inspector.getBytes("/export/inspection/evidence/S_TP.xlsx?period=2024-03");
        assertEquals(200, pack.statusCode());
        XlsxSheet summary = new XlsxSheet(pack.body(), 1);
        assertEquals("HỒ SƠ KIỂM TRA", summary.cell("A1").text());
        assertEquals("Sở Tư pháp", summary.cell("A2").text());
        XlsxSheet flags = new XlsxSheet(pack.body(), 2);
        assertEquals("Dấu hiệu", flags.cell("B4").text());
        assertEquals("Kết quả kiểm tra", flags.cell("M4").text());
        XlsxSheet samples = new XlsxSheet(pack.body(), 3);
        assertTrue(samples.cell("A2").text().startsWith("Mẫu số " + sample.get("id").asLong()), samples.cell("A2").text());
        assertEquals(List.of("export"), auditActions("inspector").stream().filter(a -> a.equals("export")).distinct().toList());
    }

    @Test
    void anAgencyViewerDownloadsItsOwnSelfInspectionSheetAndNothingElseOfInspection() throws Exception {
        Browser tuphap = browser().login("tuphap");
        HttpResponse<byte[]> own = tuphap.getBytes("/export/inspection/self-inspection/S_TP.xlsx?period=2024-03");
        assertEquals(200, own.statusCode());
        XlsxSheet form = new XlsxSheet(own.body(), 1);
        assertEquals("PHIẾU TỰ KIỂM TRA", form.cell("A4").text());
        assertEquals("SỞ TƯ PHÁP", form.cell("A1").text());
        assertEquals(403, tuphap.getBytes("/export/inspection/self-inspection/X_DH.xlsx?period=2024-03").statusCode());
        assertEquals(403, tuphap.getBytes("/export/inspection/evidence/S_TP.xlsx?period=2024-03").statusCode());
        assertEquals(403, tuphap.getJson("/api/inspection/risk?period=2024-03").statusCode());
        assertEquals(1L, Sql.count(store, "SELECT COUNT(*) FROM audit_log WHERE username = 'tuphap' AND action = 'export' "
                + "AND detail LIKE 'self-inspection.xlsx agency=S_TP%'"));
    }
}
