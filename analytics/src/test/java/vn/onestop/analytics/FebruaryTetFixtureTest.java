package vn.onestop.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.analytics.ComputeJob.Computation;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.model.CaseFlag;
import vn.onestop.analytics.model.DimensionValue;
import vn.onestop.analytics.model.IndicatorCounter;
import vn.onestop.analytics.model.Scoring;
import vn.onestop.analytics.model.IndicatorValue;
import vn.onestop.analytics.model.RuleFlags;
import vn.onestop.core.calendar.WorkingCalendar;
import vn.onestop.ingest.FolderIngest;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.SparkSessions;

/**
 * Hand-computed fixture over Q1 2024, with Tết (8–14 Feb) inside the period. Department A1 has every kind of
 * dossier; commune A2 has none (no data, never 0 %). The expected values are worked out in the comments.
 *
 * <pre>
 * C1 online, received Thu 01/02 10:00, no due_at → computed Thu 15/02 17:00 (5 working days over Tết);
 *    finished 15/02 16:00 → on time; synced; digitized with e-result.
 * C2 in person, received Mon 29/01, due Fri 02/02 17:00, finished Mon 05/02 → late (carried over into Feb); no apology.
 * C3 online, received 05/02, due 19/02; supplement 06/02 10:00 → answered 16/02 10:00 (pause 10 days):
 *    effective due 29/02 17:00; finished 27/02 → early; document result without e-result; synced; digitized.
 * C4 in person, received Tue 20/02 14:00, due Thu 22/02 17:00; apology Thu 22/02 09:00, after the deadline
 *    Wed 21/02 17:00 (R02); pending and overdue at the end of Feb; finished 04/03 → late in March; digitized.
 * C5 online, received 26/02, due 11/03; supplement asked 28/02 15:00, never answered → waiting: on time in Feb
 *    and in March; synced; digitized.
 * C6 online, received 07/02, withdrawn 23/02 (after its due 21/02) → counts as on time (form 06a).
 * C7 not accepted → outside every count.
 * C8 in person, received 01/03, due 15/03; two supplement requests → late; finished 08/03; no apology.
 * </pre>
 */
class FebruaryTetFixtureTest {
    private static Computation result;
    private static final List<CaseFlag> flags = new ArrayList<>();
    private static List<DimensionValue> byProcedure;

    @BeforeAll
    static void compute(@TempDir Path tmp) {
        ProvinceFixture f = new ProvinceFixture()
                .agency("A1", "Sở Y tế", "department")
                .agency("A2", "UBND xã Hòa Bình", "commune_ppc")
                .procedure("P5", 5, true)
                .procedure("P10", 10, false);
        f.dossier("C1").at("A1", "P5").online().received("2024-02-01T10:00").finished("2024-02-15T16:00")
                .synced("2024-02-15T16:05").uploaded().electronicResult().applicant("Nguyễn Văn An");
        f.dossier("C2").at("A1", "P5").received("2024-01-29T09:00").due("2024-02-02T17:00")
                .finished("2024-02-05T09:00").applicant("Trần Thị Bình");
        f.dossier("C3").at("A1", "P5").online().received("2024-02-05T08:30").due("2024-02-19T17:00")
                .finished("2024-02-27T11:00").synced("2024-02-27T11:30").uploaded();
        f.supplement("C3", "2024-02-06T10:00", "2024-02-16T10:00");
        f.dossier("C4").at("A1", "P5").received("2024-02-20T14:00").due("2024-02-22T17:00")
                .finished("2024-03-04T10:00").uploaded();
        f.apology("C4", "2024-02-22T09:00");
        f.dossier("C5").at("A1", "P5").online().received("2024-02-26T10:00").due("2024-03-11T17:00")
                .synced("2024-02-26T10:10").uploaded();
        f.supplement("C5", "2024-02-28T15:00", null);
        f.dossier("C6").at("A1", "P10").online().received("2024-02-07T09:00").due("2024-02-21T17:00")
                .withdrawn("2024-02-23T10:00");
        f.dossier("C7").at("A1", "P5").received("2024-02-10T09:00").notAccepted();
        f.dossier("C8").at("A1", "P10").received("2024-03-01T08:00").due("2024-03-15T17:00")
                .finished("2024-03-08T10:00");
        f.supplement("C8", "2024-03-04T09:00", "2024-03-05T09:00");
        f.supplement("C8", "2024-03-06T09:00", "2024-03-07T09:00");

        SparkSession spark = SparkSessions.local();
        Lake lake = new Lake(tmp.resolve("lake").toString());
        new FolderIngest(spark, lake, LocalDateTime.of(2024, 4, 1, 0, 0)).run(f.writeTo(tmp.resolve("in")), tmp, "t1");
        ComputeJob job = new ComputeJob(spark, lake, WorkingCalendar.bundled(), Catalogue.bundled(),
                IndicatorSettings.defaults());
        result = job.compute(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));
        RuleFlags.stream(spark, RuleFlags.rules(IndicatorSettings.defaults().thresholds()).subList(0, 2), flags::add);
        byProcedure = new Scoring(Catalogue.bundled(), "dvcqg-2025", "TINH", "Toàn tỉnh")
                .scoreDimensions(IndicatorCounter.countBy(spark, Catalogue.bundled(), "procedure", "procedure_code"));
    }

    @Test
    void onTimeRatePerProcedureForTheQuarter() {
        // P5 in Q1: C1 on time, C2 late, C3 early, C4 late, C5 waiting (on time) → 3 of 5; P10: C6 on time, C8 late.
        DimensionValue p5 = byProcedure.stream().filter(v -> v.dimCode().equals("P5") && v.scopeCode().equals("A1")
                && v.periodKind().equals("quarter") && v.periodStart().equals(LocalDate.of(2024, 1, 1))
                && v.indicatorId().equals("766.2.1")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("60.00"), p5.valuePct());
        assertEquals(BigDecimal.valueOf(5), p5.denominator());
        DimensionValue p10 = byProcedure.stream().filter(v -> v.dimCode().equals("P10") && v.scopeCode().equals("TINH")
                && v.periodKind().equals("quarter") && v.periodStart().equals(LocalDate.of(2024, 1, 1))
                && v.indicatorId().equals("766.2.1")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("50.00"), p10.valuePct());
    }

    private static IndicatorValue value(String scope, String kind, String start, String indicator) {
        return result.values().stream()
                .filter(v -> v.scopeCode().equals(scope) && v.periodKind().equals(kind)
                        && v.periodStart().equals(LocalDate.parse(start)) && v.indicatorId().equals(indicator))
                .findFirst().orElseThrow(() -> new AssertionError("no value " + scope + " " + kind + " " + start + " " + indicator));
    }

    private static void assertRate(String expectedPct, long numerator, long denominator, IndicatorValue v) {
        assertEquals(new BigDecimal(expectedPct), v.valuePct(), v.indicatorId() + " value");
        assertEquals(BigDecimal.valueOf(numerator), v.numerator(), v.indicatorId() + " numerator");
        assertEquals(BigDecimal.valueOf(denominator), v.denominator(), v.indicatorId() + " denominator");
    }

    private static long count(String scope, String kind, String start, String column) {
        return value(scope, kind, start, "06a." + column).numerator().longValueExact();
    }

    @Test
    void form06aColumnsForFebruaryBalance() {
        String feb = "2024-02-01";
        // (3) to handle = C1 C3 C4 C5 C6 received + C2 carried over
        assertEquals(6, count("A1", "month", feb, "3"));
        assertEquals(4, count("A1", "month", feb, "4"), "online: C1 C3 C5 C6");
        assertEquals(1, count("A1", "month", feb, "5"), "in person: C4");
        assertEquals(1, count("A1", "month", feb, "6"), "carried over: C2");
        assertEquals(5, count("A1", "month", feb, "7"));
        assertEquals(1, count("A1", "month", feb, "8"), "early: C3 (pause moved its due to 29/02)");
        assertEquals(3, count("A1", "month", feb, "9"), "on time: C1 (due day), C5 (waiting), C6 (withdrawn)");
        assertEquals(1, count("A1", "month", feb, "10"), "late: C2");
        assertEquals(1, count("A1", "month", feb, "11"));
        assertEquals(0, count("A1", "month", feb, "12"));
        assertEquals(1, count("A1", "month", feb, "13"), "pending overdue: C4");
    }

    @Test
    void onTimeRate7662_1CountsPendingNotYetDueAndScoresPoints() {
        IndicatorValue feb = value("A1", "month", "2024-02-01", "766.2.1");
        assertRate("66.67", 4, 6, feb);
        assertEquals(new BigDecimal("13.33"), feb.points());
        assertEquals(new BigDecimal("20.00"), feb.maxPoints());
        assertRate("100.00", 1, 1, value("A1", "month", "2024-01-01", "766.2.1"));
        assertRate("33.33", 1, 3, value("A1", "month", "2024-03-01", "766.2.1"));
        assertRate("57.14", 4, 7, value("A1", "quarter", "2024-01-01", "766.2.1"));
    }

    @Test
    void syncOnlineAndDigitizationRates() {
        assertRate("60.00", 3, 5, value("A1", "month", "2024-02-01", "766.1.4"));
        assertRate("0.00", 0, 1, value("A1", "month", "2024-01-01", "766.1.4"));
        // 766.3.3: C1, C5 (not finished), C6 (withdrawn: no result due) of 5; × sync 60 % = 36 %; 0 points in dvcqg-2025.
        IndicatorValue online = value("A1", "month", "2024-02-01", "766.3.3");
        assertRate("36.00", 3, 5, online);
        assertEquals(new BigDecimal("0.00"), online.points());
        // 766.4.2: C1, C4, C5 of 5 (C3 lacks its e-result, C6 has no upload); 60 % of target 80 % → 4 × 0.75.
        IndicatorValue digitized = value("A1", "month", "2024-02-01", "766.4.2");
        assertRate("60.00", 3, 5, digitized);
        assertEquals(new BigDecimal("3.00"), digitized.points());
    }

    @Test
    void electronicResultsSatisfactionAndHandlingTime() {
        // 766.4.1: finished with a document result C1 C2 C3 (C6 withdrawn has none); e-result only C1.
        IndicatorValue eResult = value("A1", "month", "2024-02-01", "766.4.1");
        assertRate("33.33", 1, 3, eResult);
        assertEquals(new BigDecimal("2.00"), eResult.points(), "6 × 33.33 / 100");
        // 766.5.4: 100 % − late (C2, C4) ÷ 6 − complaints 0 ÷ 6 = 66.67 %; target 90 % → 6 × 0.7408.
        IndicatorValue satisfaction = value("A1", "month", "2024-02-01", "766.5.4");
        assertRate("66.67", 4, 6, satisfaction);
        assertEquals(new BigDecimal("4.44"), satisfaction.points());
        // 766.2.2: working days C1 5 + C2 5 + C3 (11 − 3 paused) 8 = 18 over 3 dossiers.
        IndicatorValue handling = value("A1", "month", "2024-02-01", "766.2.2");
        assertEquals(new BigDecimal("6.00"), handling.valuePct());
        assertEquals(BigDecimal.valueOf(18), handling.numerator());
        assertNull(handling.points(), "766.2.2 scores no points");
        assertRate("0.00", 0, 5, value("A1", "month", "2024-02-01", "766.4.3"));
        assertNull(value("A1", "month", "2024-02-01", "766.3.7").valuePct(), "no fee-bearing dossier: no data");
        assertNull(value("A1", "month", "2024-02-01", "766.5.2").valuePct(), "no feedback: no data");
    }

    @Test
    void totalScoreIsNormalisedOverIndicatorsWithData() {
        IndicatorValue total = value("A1", "month", "2024-02-01", "766.total");
        // 1.4 3.60 + 2.1 13.33 + 3.3 0 + 4.1 2.00 + 4.2 3.00 + 4.3 0 + 4.4 0 + 4.6 0 + 5.4 4.44
        assertEquals(new BigDecimal("26.37"), total.points());
        assertEquals(new BigDecimal("50.00"), total.maxPoints(), "6 + 20 + 0 + 6 + 4 + 2 + 4 + 2 + 6");
        assertEquals(new BigDecimal("52.74"), total.valuePct());
    }

    @Test
    void ruleRatesR01AndR02() {
        assertRate("50.00", 1, 2, value("A1", "month", "2024-02-01", "R01.rate"));
        assertRate("100.00", 1, 1, value("A1", "month", "2024-02-01", "R02.rate"));
        assertRate("66.67", 2, 3, value("A1", "quarter", "2024-01-01", "R01.rate"));
        assertNull(value("A1", "month", "2024-01-01", "R01.rate").valuePct(), "no late dossier in January: no data");
        assertNull(value("A1", "month", "2024-01-01", "R01.rate").points());
    }

    @Test
    void flaggedDossiersAreExactlyTheOnesCounted() {
        assertEquals(new TreeSet<>(List.of("R01 C2 month 2024-02-01", "R01 C8 month 2024-03-01",
                "R01 C2 quarter 2024-01-01", "R01 C8 quarter 2024-01-01", "R01 C2 year 2024-01-01",
                "R01 C8 year 2024-01-01", "R01 C2 range 2024-01-01", "R01 C8 range 2024-01-01",
                "R02 C4 month 2024-02-01", "R02 C4 month 2024-03-01", "R02 C4 quarter 2024-01-01",
                "R02 C4 year 2024-01-01", "R02 C4 range 2024-01-01")),
                new TreeSet<>(flags.stream().filter(f -> List.of("month", "quarter", "year", "range")
                        .contains(f.periodKind())).map(f -> f.ruleId() + " " + f.caseId() + " " + f.periodKind() + " "
                        + f.periodStart()).toList()));
        // Report months of Decree 09/2019 run from the 15th to the 14th.
        assertEquals(new TreeSet<>(List.of("R01 C2 2024-01-15", "R01 C8 2024-02-15", "R02 C4 2024-02-15")),
                new TreeSet<>(flags.stream().filter(f -> f.periodKind().equals("report_month"))
                        .map(f -> f.ruleId() + " " + f.caseId() + " " + f.periodStart()).toList()));
        CaseFlag c2 = flags.stream().filter(f -> f.caseId().equals("C2")).findFirst().orElseThrow();
        assertEquals("Trần T. B.", c2.applicantMasked());
    }

    @Test
    void anAgencyWithoutDossiersHasNoDataNotZero() {
        IndicatorValue v = value("A2", "month", "2024-02-01", "766.2.1");
        assertNull(v.valuePct());
        assertNull(v.points());
        assertEquals(BigDecimal.ZERO, v.denominator());
        assertNull(value("A2", "month", "2024-02-01", "766.total").valuePct());
        assertNull(value("GROUP_COMMUNE_PPC", "month", "2024-02-01", "766.2.1").valuePct());
    }

    @Test
    void provinceAndGroupRollUpFromCounts() {
        assertRate("66.67", 4, 6, value("TINH", "month", "2024-02-01", "766.2.1"));
        assertRate("66.67", 4, 6, value("GROUP_DEPARTMENT", "month", "2024-02-01", "766.2.1"));
    }

    @Test
    void periodsCoverTheRangeClipped() {
        assertEquals(List.of("month 2024-01-01..2024-01-31", "month 2024-02-01..2024-02-29",
                "month 2024-03-01..2024-03-31", "quarter 2024-01-01..2024-03-31", "half 2024-01-01..2024-03-31",
                "year 2024-01-01..2024-03-31", "report_month 2024-01-01..2024-01-14",
                "report_month 2024-01-15..2024-02-14", "report_month 2024-02-15..2024-03-14",
                "report_month 2024-03-15..2024-03-31", "report_quarter 2024-01-01..2024-03-14",
                "report_quarter 2024-03-15..2024-03-31", "report_half 2024-01-01..2024-03-31",
                "report_nine_months 2024-01-01..2024-03-31", "report_year 2024-01-01..2024-03-31",
                "range 2024-01-01..2024-03-31"), result.periods().stream()
                .map(p -> p.kind().code() + " " + p.start() + ".." + p.end()).toList());
        // 15/01–14/02: C2 late; C3 waiting (on time); C1 and C6 pending, not yet due → 3 of 4.
        assertRate("75.00", 3, 4, value("A1", "report_month", "2024-01-15", "766.2.1"));
    }
}
