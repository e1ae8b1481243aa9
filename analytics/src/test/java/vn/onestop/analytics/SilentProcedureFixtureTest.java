package vn.onestop.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.analytics.ComputeJob.Computation;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.model.AgencyFlag;
import vn.onestop.analytics.model.IndicatorValue;
import vn.onestop.analytics.model.SilentProcedures;
import vn.onestop.core.calendar.WorkingCalendar;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.ingest.FolderIngest;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.RecordType;
import vn.onestop.ingest.SparkSessions;

/**
 * Hand-computed fixture for R12 (silent procedure), judged in April 2024 over a 3-month history (January–March, all
 * three required; a short window keeps the fixture small) with a minimum monthly median of 5, and the default peer
 * share (50 %) and volume threshold (20 %) at their edges. February and March have fewer months before them: not
 * judged. Communes C1–C8 and a department D1; in April:
 * <pre>
 *          history/month  April dossiers         responsible for (agency_procedure)
 *   C1     10 (P1)        P2 ×1                  P1, P2
 *   C2     20 (P1)        P1 ×1, P3 ×1           P1, P2, P3
 *   C3     10 (P1)        P1 ×5, P3 ×5           P1, P2, P3
 *   C4     10 (P1)        P2 ×2 (exactly 20 %)   P1, P2
 *   C5      4 (P1)        none                   P1, P2       median under 5: not judged
 *   C6      —             P1 ×1                  P1, P2       dissolved on 15 April: neither judged nor a peer
 *   C7      —             none                   P1, P2       created on 1 April: no history, not judged
 *   C8     10 (P1 5, P3 5) P1 ×1                 — (not in agency_procedure: its history says P1, P3)
 *   D1     10 (P1)        P1 ×3                  P1           a department: nobody's peer
 * </pre>
 * P1 in April: peers of C1 are C2, C3, C4, C5, C7, C8 (6), of which C2, C3, C8 had dossiers — exactly half: C1 is
 * silent on P1 (1 dossier against a median of 10). C4 is expected on P1 too but received exactly 20 % of its median.
 * P3: C8's peers C2 and C3 both had some, C8 none while its volume fell: silent. P2 had dossiers at 1 of 5 peers
 * only: nobody is expected on it.
 */
class SilentProcedureFixtureTest {
    private static final LocalDate APRIL = LocalDate.of(2024, 4, 1);
    private static Computation result;
    private static final List<AgencyFlag> flags = new ArrayList<>();

    /** n dossiers of a procedure received in the month of {@code month}, one a day from the 2nd. */
    private static void dossiers(ProvinceFixture f, String agency, String procedure, LocalDate month, int n) {
        for (int i = 0; i < n; i++) {
            String id = agency + "-" + procedure + "-" + month.getMonthValue() + "-" + i;
            f.dossier(id).at(agency, procedure).received(month.plusDays(1 + i) + "T09:00");
        }
    }

    private static void history(ProvinceFixture f, String agency, String procedure, int perMonth) {
        for (int m = 1; m <= 3; m++) {
            dossiers(f, agency, procedure, LocalDate.of(2024, m, 1), perMonth);
        }
    }

    private static void handles(ProvinceFixture f, String agency, String... procedures) {
        for (String p : procedures) {
            f.row(RecordType.AGENCY_PROCEDURE, "agency_code", agency, "procedure_code", p);
        }
    }

    @BeforeAll
    static void compute(@TempDir Path tmp) {
        ProvinceFixture f = new ProvinceFixture();
        for (String c : List.of("C1", "C2", "C3", "C4", "C5", "C8")) {
            f.agency(c, "UBND xã " + c, "commune_ppc");
        }
        f.row(RecordType.AGENCY, "agency_code", "C6", "name", "UBND xã C6", "kind", "commune_ppc", "valid_to", "2024-04-15");
        f.row(RecordType.AGENCY, "agency_code", "C7", "name", "UBND xã C7", "kind", "commune_ppc", "valid_from", "2024-04-01");
        f.agency("D1", "Sở Tư pháp", "department");
        f.procedure("P1", 5, true).procedure("P2", 5, true).procedure("P3", 5, true);
        for (String c : List.of("C1", "C4", "C5", "C6", "C7")) {
            handles(f, c, "P1", "P2");
        }
        handles(f, "C2", "P1", "P2", "P3");
        handles(f, "C3", "P1", "P2", "P3");
        handles(f, "D1", "P1");
        history(f, "C1", "P1", 10);
        history(f, "C2", "P1", 20);
        history(f, "C3", "P1", 10);
        history(f, "C4", "P1", 10);
        history(f, "C5", "P1", 4);
        history(f, "C8", "P1", 5);
        history(f, "C8", "P3", 5);
        history(f, "D1", "P1", 10);
        dossiers(f, "C1", "P2", APRIL, 1);
        dossiers(f, "C2", "P1", APRIL, 1);
        dossiers(f, "C2", "P3", APRIL, 1);
        dossiers(f, "C3", "P1", APRIL, 5);
        dossiers(f, "C3", "P3", APRIL, 5);
        dossiers(f, "C4", "P2", APRIL, 2);
        dossiers(f, "C6", "P1", APRIL, 1);
        dossiers(f, "C8", "P1", APRIL, 1);
        dossiers(f, "D1", "P1", APRIL, 3);
        SparkSession spark = SparkSessions.local();
        Lake lake = new Lake(tmp.resolve("lake").toString());
        new FolderIngest(spark, lake, LocalDateTime.of(2024, 5, 1, 0, 0)).run(f.writeTo(tmp.resolve("in")), tmp, "r12");
        IndicatorSettings settings = IndicatorSettings.from(OneStopConfig.defaults().with(Map.of(
                "rules.silent_history_months", "3", "rules.silent_min_history_months", "3",
                "rules.silent_min_monthly_median", "5")));
        result = new ComputeJob(spark, lake, WorkingCalendar.bundled(), Catalogue.bundled(), settings)
                .compute(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 30));
        SilentProcedures.stream(spark, flags::add);
    }

    private static Set<String> flagged(String periodKind, LocalDate periodStart) {
        return flags.stream().filter(x -> x.periodKind().equals(periodKind) && x.periodStart().equals(periodStart))
                .map(x -> x.agencyCode() + "/" + x.procedureCode() + "/" + x.monthStart())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static IndicatorValue april(String agency) {
        return result.values().stream().filter(v -> v.scopeCode().equals(agency) && v.periodKind().equals("month")
                && v.periodStart().equals(APRIL) && v.indicatorId().equals("R12.rate")).findFirst().orElseThrow();
    }

    @Test
    void exactlyHalfOfThePeersActiveAndAVolumeUnderAFifthOfTheMedianMakeAProcedureSilent() {
        assertEquals(Set.of("C1/P1/2024-04-01", "C8/P3/2024-04-01"), flagged("month", APRIL));
    }

    @Test
    void theFlagShowsThePeersAndTheAgencysUsualVolume() {
        AgencyFlag c1 = flags.stream().filter(x -> x.agencyCode().equals("C1") && x.periodKind().equals("month"))
                .findFirst().orElseThrow();
        assertEquals(6, c1.peers());
        assertEquals(3, c1.activePeers());
        assertEquals(1, c1.monthDossiers());
        assertEquals(new BigDecimal("10.00"), c1.monthlyMedian());
        assertEquals(3, c1.historyMonths());
        assertEquals("Thủ tục P1", c1.procedureName());
        assertEquals("Tháng 04/2024: không có hồ sơ nào của thủ tục, trong khi 3/6 cơ quan cùng loại có hồ sơ; cơ quan "
                + "tiếp nhận 1 hồ sơ (mọi thủ tục), trung vị 3 tháng trước 10 hồ sơ/tháng.", c1.detailVi());
        assertEquals("04/2024: no dossier of the procedure while 3 of 6 peer agencies had some; the agency received 1 "
                + "dossier(s) (every procedure), against a median of 10 a month over the previous 3 months.", c1.detailEn());
    }

    @Test
    void theRateCountsSilentProcedureMonthsOverTheProcedureMonthsExpected() {
        assertEquals(List.of("1", "1", "100.00"), fraction(april("C1")));
        assertEquals(List.of("0", "1", "0.00"), fraction(april("C4")), "exactly 20 % of its median is not below");
        assertEquals(List.of("0", "1", "0.00"), fraction(april("C2")), "its volume fell, but P3 had a dossier");
        assertEquals(List.of("0", "1", "0.00"), fraction(april("C3")));
        assertEquals(List.of("1", "1", "100.00"), fraction(april("C8")), "responsible for P3 by its own history");
    }

    @Test
    void quietNewDissolvedAndLoneAgenciesAreNotJudged() {
        for (String agency : List.of("C5", "C7", "D1")) {
            assertEquals(BigDecimal.ZERO, april(agency).denominator(), agency);
            assertNull(april(agency).valuePct(), agency + ": no data");
        }
        assertEquals(0, result.values().stream().filter(v -> v.scopeCode().equals("C6") && v.periodKind().equals("month")
                && v.periodStart().equals(APRIL) && v.indicatorId().equals("R12.rate")
                && v.denominator().signum() > 0).count(), "C6 ended in April");
    }

    @Test
    void aMonthsFlagsAreListedUnderEveryPeriodHoldingTheWholeMonthAndNowhereElse() {
        Set<String> april = Set.of("C1/P1/2024-04-01", "C8/P3/2024-04-01");
        assertEquals(april, flagged("quarter", APRIL));
        assertEquals(april, flagged("year", LocalDate.of(2024, 1, 1)));
        assertEquals(april, flagged("range", LocalDate.of(2024, 1, 1)));
        assertEquals(Set.of(), flagged("report_month", LocalDate.of(2024, 3, 15)), "15 March – 14 April holds no whole month");
        assertEquals(0, flags.stream().filter(x -> !x.monthStart().equals(APRIL)).count(), "January–March not judged");
    }

    private static List<String> fraction(IndicatorValue v) {
        return List.of(v.numerator().stripTrailingZeros().toPlainString(),
                v.denominator().stripTrailingZeros().toPlainString(), String.valueOf(v.valuePct()));
    }
}
