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

class ApiTest extends RunningDashboard {
    private static Browser inspector;

    @BeforeAll
    static void signIn() {
        inspector = browser().login("inspector");
    }

    private static JsonNode card(JsonNode overview, String indicator) {
        for (JsonNode card : overview.get("cards")) {
            if (card.get("indicator").get("id").asText().equals(indicator)) {
                return card;
            }
        }
        throw new AssertionError("no card " + indicator);
    }

    private static void assertNumber(String expected, JsonNode node) {
        assertTrue(node.isNumber(), () -> "not a number: " + node);
        assertEquals(0, new BigDecimal(expected).compareTo(node.decimalValue()), () -> expected + " vs " + node);
    }

    private static JsonNode row(JsonNode ranking, String code) {
        for (JsonNode r : ranking.get("rows")) {
            if (r.get("code").asText().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no row " + code);
    }

    @Test
    void overviewCardsCarryThePublishedProvinceNumbers() {
        JsonNode overview = inspector.json("/api/overview?period=2024-03");
        assertEquals("Tháng 3/2024", overview.get("period").get("label").asText());
        assertEquals("01/03/2024 – 31/03/2024", overview.get("period").get("dates").asText());
        List<String> ids = new ArrayList<>();
        overview.get("cards").forEach(c -> ids.add(c.get("indicator").get("id").asText()));
        assertEquals(List.of("766.total", "766.2.1", "R01.rate", "766.3.3", "766.4.2", "766.1.4"), ids);

        JsonNode onTime = card(overview, "766.2.1").get("value");
        assertNumber("120", onTime.get("numerator"));
        assertNumber("150", onTime.get("denominator"));
        assertNumber("80", onTime.get("valuePct"));
        assertEquals("80,00 %", onTime.get("text").asText());
        assertEquals("120 / 150", onTime.get("detail").asText());
        assertEquals("below", onTime.get("status").asText());
        assertEquals("Chưa đạt", onTime.get("statusText").asText());
        assertEquals("/ranking?period=2024-03&sort=766.2.1", card(overview, "766.2.1").get("link").asText());

        JsonNode online = card(overview, "766.3.3");
        assertEquals("50 %", online.get("indicator").get("targetText").asText());
        assertEquals("below", online.get("value").get("status").asText());
        assertEquals("met", card(overview, "766.4.2").get("value").get("status").asText());

        JsonNode total = card(overview, "766.total").get("value");
        assertEquals("82,22", total.get("text").asText());
        assertEquals("good", total.get("band").asText());
        assertEquals("Tốt", total.get("bandText").asText());
        assertEquals("29,6 / 36 điểm", total.get("detail").asText());
        assertTrue(total.get("status").isNull());

        JsonNode lateWithoutApology = card(overview, "R01.rate").get("value");
        assertEquals("8", lateWithoutApology.get("numeratorText").asText());
        assertEquals("26,67 %", lateWithoutApology.get("text").asText());
        assertTrue(lateWithoutApology.get("status").isNull());
    }

    @Test
    void overviewListsAgenciesWorthALookWithTheirReasons() {
        JsonNode overview = inspector.json("/api/overview?period=2024-03");
        JsonNode worth = overview.get("worthALook");
        // X_DH has 2 late dossiers (below the minimum of 5); X_XSS 5, but every one with its apology slip.
        assertEquals(1, worth.size());
        assertEquals("S_TP", worth.get(0).get("code").asText());
        assertEquals("30,00 %", worth.get(0).get("r01").get("text").asText());
        assertEquals("3 trong 10 hồ sơ trễ hạn không có phiếu xin lỗi (30,00 %)", worth.get(0).get("reasons").get(0).asText());
        assertEquals("Xa mục tiêu nhất: Hồ sơ trực tuyến đạt 22,73 % (mục tiêu 50 %)",
                worth.get(0).get("reasons").get(1).asText());
        assertEquals(5, overview.get("worthALookMinLate").asInt());
    }

    @Test
    void overviewTrendHasOneValuePerMonthAndGapsForMissingData() {
        JsonNode trend = inspector.json("/api/overview?period=2024-03").get("trend");
        assertEquals(2, trend.get("months").size());
        assertEquals("Tháng 2/2024", trend.get("months").get(0).get("label").asText());
        JsonNode province = trend.get("series").get(0);
        assertEquals("TINH", province.get("scope").asText());
        assertNumber("71.43", province.get("values").get("766.2.1").get(0));
        assertNumber("80", province.get("values").get("766.2.1").get(1));
        assertTrue(province.get("values").get("766.3.3").get(0).isNull());
    }

    @Test
    void noDataIsNullNeverZero() {
        JsonNode ranking = inspector.json("/api/ranking?period=2024-03");
        JsonNode dakHa = row(ranking, "X_DH").get("values").get("766.2.1");
        assertTrue(dakHa.get("valuePct").isNull());
        assertTrue(dakHa.get("headline").isNull());
        assertNumber("0", dakHa.get("denominator"));
        assertEquals("Không có dữ liệu", dakHa.get("text").asText());
        assertEquals("no_data", dakHa.get("status").asText());
        JsonNode unpublished = row(ranking, "X_DH").get("values").get("766.4.2");
        assertTrue(unpublished.get("valuePct").isNull());
        assertEquals("Không có dữ liệu", unpublished.get("text").asText());
    }

    @Test
    void rankingHasEveryAgencyInVietnameseOrderWithSharedRanksAndFoldedNames() {
        JsonNode ranking = inspector.json("/api/ranking?period=2024-03");
        List<String> codes = new ArrayList<>();
        ranking.get("rows").forEach(r -> codes.add(r.get("code").asText()));
        assertEquals(List.of("X_XSS", "X_EQ", "S_TP", "S_TP_TG", "X_DH"), codes);
        assertEquals(1, row(ranking, "S_TP_TG").get("rank").asInt());
        assertEquals(2, row(ranking, "S_TP").get("rank").asInt());
        assertEquals(3, row(ranking, "X_XSS").get("rank").asInt());
        assertEquals(3, row(ranking, "X_EQ").get("rank").asInt());
        assertTrue(row(ranking, "X_DH").get("rank").isNull());
        assertEquals("ubnd xa dak ha", row(ranking, "X_DH").get("searchKey").asText());
        assertEquals("Khối UBND cấp xã", row(ranking, "X_DH").get("groupText").asText());
        assertEquals("TINH", ranking.get("totals").get(0).get("code").asText());
        assertEquals(20, ranking.get("indicators").size());
        assertEquals("Công thức của 766.2.1", ranking.get("indicators").get(1).get("formula").asText());
    }

    @Test
    void meanHandlingTimeIsInWorkingDaysWithWhatItAverages() {
        JsonNode days = row(inspector.json("/api/ranking?period=2024-03"), "S_TP").get("values").get("766.2.2");
        assertNumber("4.5", days.get("headline"));
        assertEquals("4,5 ngày làm việc", days.get("text").asText());
        assertEquals("198 ngày làm việc / 44 hồ sơ", days.get("detail").asText());
        assertTrue(days.get("status").isNull());
    }

    @Test
    void directionAndGroupNamesComeFromThePublishedRun() {
        JsonNode ranking = browser().login("inspector").json("/api/ranking?period=2024-03&lang=en");
        JsonNode byId = null;
        for (JsonNode i : ranking.get("indicators")) {
            if (i.get("id").asText().equals("R01.rate")) {
                byId = i;
            }
        }
        assertEquals("lower", byId.get("direction").asText());
        assertEquals("Lower is better", byId.get("directionText").asText());
        assertEquals("R01", byId.get("rule").asText());
        assertEquals("Commune People's Committees", row(ranking, "X_DH").get("groupText").asText());
    }

    @Test
    void agenciesDissolvedBeforeThePeriodLeaveTheRankingButNotTheHierarchy() {
        JsonNode ranking = inspector.json("/api/ranking?period=2024-03");
        ranking.get("rows").forEach(r -> assertFalse(r.get("code").asText().equals("H_OLD")));
        assertEquals(200, inspector.getJson("/api/agencies/H_OLD?period=2024-03").statusCode());
    }

    @Test
    void rankingFiltersByKindAndSubtree() {
        JsonNode communes = inspector.json("/api/ranking?period=2024-03&kind=commune_ppc");
        assertEquals(3, communes.get("rows").size());
        JsonNode justice = inspector.json("/api/ranking?period=2024-03&within=S_TP");
        assertEquals(2, justice.get("rows").size());
    }

    /** R12 flags procedures month by month: the agency page counts them and lists what the rule saw (decision 63). */
    @Test
    void silentProceduresAreListedPerProcedureAndMonth() {
        JsonNode page = inspector.json("/api/agencies/X_DH?period=2024-03");
        JsonNode r12 = null;
        for (JsonNode r : page.get("rules")) {
            if (r.get("rule").asText().equals("R12")) {
                r12 = r;
            }
        }
        assertEquals(2, r12.get("count").asInt(), "the numerator of X_DH's R12.rate");
        assertEquals("procedure_months", r12.get("flags").asText());
        assertEquals("R12 · Thủ tục không phát sinh hồ sơ trên hệ thống", r12.get("name").asText());

        JsonNode flags = inspector.json("/api/agencies/X_DH/procedure-flags?period=2024-03");
        assertEquals("R12", flags.get("rule").asText());
        assertEquals(2, flags.get("total").asInt());
        JsonNode first = flags.get("rows").get(0);
        assertEquals("1.001", first.get("procedureCode").asText(), "same month: by procedure code");
        assertEquals(SmallProvince.XSS_PROCEDURE, first.get("procedureName").asText(), "JSON keeps the text, pages escape it");
        JsonNode birth = flags.get("rows").get(1);
        assertEquals("2.002", birth.get("procedureCode").asText());
        assertEquals("Đăng ký khai sinh", birth.get("procedureName").asText());
        assertEquals("2024-03", birth.get("month").asText());
        assertEquals("03/2024", birth.get("monthText").asText());
        assertEquals("2 / 3", birth.get("peersText").asText());
        assertEquals(4, birth.get("monthDossiers").asInt());
        assertEquals("31,5", birth.get("monthlyMedianText").asText());
        assertEquals(12, birth.get("historyMonths").asInt());
        assertTrue(birth.get("detail").asText().startsWith("Tháng 03/2024: không có hồ sơ nào của thủ tục"));

        // Its own session: ?lang= is remembered in a cookie.
        JsonNode english = browser().login("inspector").json("/api/agencies/X_DH/procedure-flags?period=2024-03&lang=en");
        assertEquals("31.5", english.get("rows").get(1).get("monthlyMedianText").asText());
        assertTrue(english.get("rows").get(1).get("detail").asText().startsWith("03/2024: no dossier of the procedure"));
        assertEquals("Tháng 03/2024: không có hồ sơ nào của thủ tục.", english.get("rows").get(0).get("detail").asText(),
                "no English text published: the Vietnamese one");

        JsonNode paged = inspector.json("/api/agencies/X_DH/procedure-flags?period=2024-03&size=1&page=2");
        assertEquals(2, paged.get("pages").asInt());
        assertEquals("2.002", paged.get("rows").get(0).get("procedureCode").asText());
        assertEquals(0, inspector.json("/api/agencies/X_DH/procedure-flags?period=2024-02").get("total").asInt());
        assertEquals(400, inspector.getJson("/api/agencies/X_DH/procedure-flags?rule=r12;DROP").statusCode());
    }

    @Test
    void agencyPageComparesWithProvinceAndPeersAndCountsFlags() {
        JsonNode page = inspector.json("/api/agencies/S_TP?period=2024-03");
        assertEquals("Sở Tư pháp", page.get("agency").get("name").asText());
        assertEquals("Sở, ban, ngành", page.get("agency").get("kindText").asText());
        assertEquals("S_TP_TG", page.get("children").get(0).get("code").asText());
        JsonNode onTime = null;
        for (JsonNode r : page.get("indicators")) {
            if (r.get("indicator").get("id").asText().equals("766.2.1")) {
                onTime = r;
            }
        }
        assertEquals("90,91 %", onTime.get("value").get("text").asText());
        assertEquals("near", onTime.get("value").get("status").asText());
        assertEquals("80,00 %", onTime.get("province").get("text").asText());
        assertEquals("90,46 %", onTime.get("peersMedianText").asText());
        JsonNode report = page.get("report06");
        assertEquals("06a.3", report.get(0).get("indicator").get("id").asText());
        assertEquals("44", report.get(0).get("value").get("text").asText());
        assertEquals("06a.10", report.get(7).get("indicator").get("id").asText());
        assertEquals("4", report.get(7).get("value").get("text").asText());
        assertEquals("R01", page.get("rules").get(0).get("rule").asText());
        assertEquals(3, page.get("rules").get(0).get("count").asInt());
        assertEquals("R01 · Hồ sơ trễ hạn không có phiếu xin lỗi", page.get("rules").get(0).get("name").asText());
        assertEquals("Trễ hạn và chưa có phiếu xin lỗi đến hết kỳ", page.get("rules").get(0).get("threshold").asText());
        assertTrue(page.get("rules").get(0).get("basis").asText().startsWith("Nghị định 61/2018/NĐ-CP"));
        assertEquals(1, page.get("rules").get(1).get("count").asInt());
        assertEquals("dossiers", page.get("rules").get(1).get("flags").asText());
        assertEquals("R12", page.get("rules").get(2).get("rule").asText());
        assertEquals(0, page.get("rules").get(2).get("count").asInt(), "the department had no silent procedure");
        assertEquals("S_TP", page.get("trend").get("series").get(0).get("scope").asText());
        assertEquals("TINH", page.get("trend").get("series").get(1).get("scope").asText());
        // The trend's last month is the agency's own March value, the province's its own: read from the month's values.
        JsonNode months = page.get("trend").get("months");
        assertEquals("Tháng 3/2024", months.get(months.size() - 1).get("label").asText());
        JsonNode agencyLine = page.get("trend").get("series").get(0).get("values").get("766.2.1");
        assertNumber("90.91", agencyLine.get(agencyLine.size() - 1));
        JsonNode provinceLine = page.get("trend").get("series").get(1).get("values").get("766.2.1");
        assertNumber("80", provinceLine.get(provinceLine.size() - 1));
    }

    @Test
    void caseListIsThePeriodsFlaggedDossiersPageByPage() {
        JsonNode first = inspector.json("/api/agencies/S_TP/cases?period=2024-03&rule=R01&size=2&page=1");
        assertEquals(3, first.get("total").asInt());
        assertEquals(2, first.get("pages").asInt());
        JsonNode c = first.get("rows").get(0);
        assertEquals("HS-001", c.get("caseId").asText());
        assertEquals("Cấp phiếu lý lịch tư pháp", c.get("procedureName").asText());
        assertEquals("01/03/2024 08:30", c.get("receivedAtText").asText());
        assertEquals("2024-03-01T08:30", c.get("receivedAt").asText());
        assertEquals("08/03/2024 17:00", c.get("dueAtText").asText());
        assertEquals("12/03/2024 10:00", c.get("finishedAtText").asText());
        assertEquals("Không có", c.get("apologyIssuedAtText").asText());
        assertEquals("Nguyễn V. A.", c.get("applicant").asText());
        assertEquals("Trực tuyến", c.get("channelText").asText());
        JsonNode second = inspector.json("/api/agencies/S_TP/cases?period=2024-03&rule=R01&size=2&page=2");
        assertEquals(1, second.get("rows").size());
        assertEquals("HS-003", second.get("rows").get(0).get("caseId").asText());
        JsonNode pending = first.get("rows").get(1);
        assertEquals("HS-002", pending.get("caseId").asText());
        assertTrue(pending.get("finishedAt").isNull());
        assertEquals("Chưa giải quyết xong", pending.get("finishedAtText").asText());

        JsonNode february = inspector.json("/api/agencies/S_TP/cases?period=2024-02&rule=R01");
        assertEquals("HS-000", february.get("rows").get(0).get("caseId").asText());
        assertEquals(1, february.get("total").asInt());
        JsonNode quarter = inspector.json("/api/agencies/S_TP/cases?period=2024-Q1&rule=R01");
        assertEquals(1, quarter.get("total").asInt());
        JsonNode late = inspector.json("/api/agencies/S_TP/cases?period=2024-03&rule=R02");
        assertEquals("14/03/2024 09:00", late.get("rows").get(0).get("apologyIssuedAtText").asText());
        // The total is the rule rate's numerator, the agency page's count (decision 77); without a published value
        // the flags are counted.
        assertEquals(1, inspector.json("/api/agencies/X_DH/cases?period=2024-03&rule=R01").get("total").asInt());
        JsonNode uncounted = inspector.json("/api/agencies/S_TP/cases?period=2024-Q1&rule=R02");
        assertEquals(1, uncounted.get("total").asInt());
        assertEquals("HS-004", uncounted.get("rows").get(0).get("caseId").asText());
    }

    @Test
    void periodsArePickedFromThePublishedValues() {
        JsonNode shell = inspector.json("/api/shell");
        List<String> ids = new ArrayList<>();
        shell.get("periods").forEach(p -> ids.add(p.get("id").asText() + "=" + p.get("label").asText()));
        assertEquals(List.of("2024-03=Tháng 3/2024", "2024-02=Tháng 2/2024", "2024-Q1=Quý I/2024",
                "bc-2024-03=Kỳ báo cáo tháng 3/2024 (15/02–14/03/2024)"), ids);
        assertTrue(shell.get("periods").get(3).get("report").asBoolean());
        assertFalse(shell.get("periods").get(0).get("report").asBoolean());
        assertEquals("2024-03", shell.get("defaultPeriod").asText());
        assertEquals("Cán bộ kiểm tra", shell.get("roleText").asText());
        assertEquals(400, inspector.getJson("/api/overview?period=2031-01").statusCode());
        JsonNode quarter = inspector.json("/api/overview?period=2024-Q1");
        assertEquals("82,50 %", card(quarter, "766.2.1").get("value").get("text").asText());
    }

    @Test
    void englishSwitchIsRememberedInACookie() {
        Browser b = browser().login("admin");
        assertEquals("Not met", b.json("/api/overview?period=2024-03&lang=en").get("cards").get(1).get("value")
                .get("statusText").asText());
        JsonNode again = b.json("/api/overview?period=2024-03");
        assertEquals("March 2024", again.get("period").get("label").asText());
        assertEquals("80.00 %", card(again, "766.2.1").get("value").get("text").asText());
        assertEquals("EN Hồ sơ xử lý trước hạn, đúng hạn", card(again, "766.2.1").get("indicator").get("name").asText());
        assertEquals("vi", b.json("/api/shell?lang=vi").get("language").asText());
    }

    @Test
    void dataPageBalancesInputsAndShowsRawValuesToAdministratorsOnly() {
        JsonNode data = inspector.json("/api/data");
        assertEquals("run-1", data.get("publishedRun").asText());
        assertEquals(2, data.get("runs").size());
        assertEquals("Thất bại", data.get("runs").get(1).get("statusText").asText());
        JsonNode apology = data.get("inputs").get(0);
        assertEquals("csv:case_apology.csv", apology.get("source").asText());
        assertFalse(apology.get("balanced").asBoolean());
        assertEquals("Lệch 1", apology.get("balanceText").asText());
        assertTrue(data.get("inputs").get(1).get("balanced").asBoolean());
        assertEquals("1.012", data.get("total").get("readText").asText());

        JsonNode hidden = inspector.json("/api/data/quarantine");
        assertEquals(2, hidden.get("total").asInt());
        assertTrue(hidden.get("rows").get(0).get("rawValue").isNull());

        Browser admin = browser().login("admin");
        JsonNode shown = admin.json("/api/data/quarantine");
        assertEquals("{\"ChuHoSo\":\"Nguyễn Văn A\"}", shown.get("rows").get(0).get("rawValue").asText());
        assertTrue(auditActions("admin").contains("view_personal"));
    }

    @Test
    void dossierPageHasItsTimelineAndTheRuleThatFlaggedItWithThresholdBasisAndDetail() {
        JsonNode dossier = inspector.json("/api/cases/HS-001?period=2024-03");
        assertEquals("HS-001", dossier.get("caseId").asText());
        assertEquals("S_TP", dossier.get("agency").get("code").asText());
        assertEquals("Đã trả kết quả", dossier.get("facts").get("statusText").asText());
        assertEquals("Không có", dossier.get("facts").get("apologyIssuedAtText").asText());
        JsonNode flag = dossier.get("flags").get(0);
        assertEquals("R01", flag.get("rule").asText());
        assertEquals("R01 · Hồ sơ trễ hạn không có phiếu xin lỗi", flag.get("name").asText());
        assertEquals("Trễ hạn và chưa có phiếu xin lỗi đến hết kỳ", flag.get("threshold").asText());
        assertTrue(flag.get("basis").asText().contains("mẫu 04"));
        JsonNode inView = flag.get("occurrences").get(0);
        assertEquals("2024-03", inView.get("period").get("id").asText());
        assertTrue(inView.get("inView").asBoolean());
        assertEquals("Hạn trả 08/03/2024 17:00; không có phiếu xin lỗi đến hết kỳ.", inView.get("detail").asText());
        assertEquals("2024-Q1", flag.get("occurrences").get(1).get("period").get("id").asText());

        List<String> steps = new ArrayList<>();
        dossier.get("timeline").forEach(s -> steps.add(s.get("kind").asText() + "@" + s.get("atText").asText()
                + (s.get("afterDue").asBoolean() ? "!" : "")));
        assertEquals(List.of("received@01/03/2024 08:30", "event@01/03/2024 09:15", "supplement_requested@04/03/2024 10:00",
                "supplement_answered@05/03/2024 15:00", "due@08/03/2024 17:00", "finished@12/03/2024 10:00!",
                "synced@12/03/2024 11:05"), steps);
        JsonNode step = dossier.get("timeline").get(1);
        assertEquals("Chuyển phòng chuyên môn thẩm định", step.get("label").asText());
        assertEquals("Phòng Hành chính tư pháp", step.get("unit").asText());
        assertEquals("CB-7f3a", step.get("officer").asText());
        assertEquals("Đang giải quyết", step.get("statusText").asText());
        assertEquals("Yêu cầu bổ sung, hoàn thiện hồ sơ", dossier.get("timeline").get(2).get("kindText").asText());
    }

    @Test
    void indicatorPageRanksAgenciesBestFirstByTheIndicatorsDirection() {
        JsonNode onTime = inspector.json("/api/indicators/766.2.1?period=2024-03");
        List<String> order = new ArrayList<>();
        onTime.get("rows").forEach(r -> order.add(r.get("code").asText() + ":" + r.get("rank").asText()));
        assertEquals(List.of("S_TP:1", "S_TP_TG:2", "X_XSS:3", "X_EQ:4", "X_DH:null"), order);
        assertEquals("80,00 %", onTime.get("province").get("value").get("text").asText());
        assertEquals("100 %", onTime.get("indicator").get("targetText").asText());
        assertEquals(List.of("GROUP_COMMUNE_PPC", "GROUP_DEPARTMENT"), List.of(onTime.get("groups").get(0).get("code")
                .asText(), onTime.get("groups").get(1).get("code").asText()));
        JsonNode spread = onTime.get("spread");
        assertEquals(4, spread.get("withData").asInt());
        assertEquals("82,50 %", spread.get("medianText").asText());
        assertEquals("90,91 %", spread.get("bestText").asText());
        assertEquals(2, spread.get("near").asInt());

        JsonNode late = inspector.json("/api/indicators/R01.rate?period=2024-03");
        List<String> lateOrder = new ArrayList<>();
        late.get("rows").forEach(r -> lateOrder.add(r.get("code").asText()));
        assertEquals(List.of("X_XSS", "S_TP", "X_DH", "X_EQ", "S_TP_TG"), lateOrder, "lower is better: 0 % first");
        assertEquals("R01", late.get("indicator").get("rule").asText());
        assertEquals(404, inspector.getJson("/api/indicators/NO.SUCH?period=2024-03").statusCode());
        JsonNode communes = inspector.json("/api/indicators/766.2.1?period=2024-03&kind=commune_ppc");
        assertEquals(3, communes.get("rows").size());
    }

    @Test
    void auditLogIsReadNewestFirstByAdministrators() {
        Browser admin = browser().login("admin");
        admin.getBytes("/export/indicators.csv?period=2024-03");
        JsonNode log = admin.json("/api/audit?user=admin");
        JsonNode newest = log.get("rows").get(0);
        assertEquals("export", newest.get("action").asText());
        assertEquals("Xuất dữ liệu", newest.get("actionText").asText());
        assertTrue(newest.get("detail").asText().startsWith("indicators.csv run=run-1 period=2024-03"));
        JsonNode logins = admin.json("/api/audit?action=login&user=admin");
        logins.get("rows").forEach(r -> assertEquals("login", r.get("action").asText()));
        assertTrue(logins.get("total").asInt() >= 1);
    }

    @Test
    void theAgencyPageBreaksAQuarterDownByField() throws Exception {
        JsonNode page = inspector.json("/api/agencies/S_TP?period=2024-Q1");
        JsonNode field = page.get("fields").get(0);
        assertEquals("Lý lịch tư pháp", field.get("name").asText());
        assertEquals("40", field.get("toHandle").get("numeratorText").asText());
        assertEquals("90,00 %", field.get("onTime").get("text").asText());
        assertEquals(0, inspector.json("/api/agencies/S_TP?period=2024-03").get("fields").size(),
                "months are not broken down by field");
    }
}
