package vn.onestop.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.onestop.ingest.RecordType.CASE_EVENT;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.analytics.ComputeJob.Computation;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.model.CaseFlag;
import vn.onestop.analytics.model.IndicatorValue;
import vn.onestop.analytics.model.RuleFlags;
import vn.onestop.core.calendar.WorkingCalendar;
import vn.onestop.ingest.FolderIngest;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.SparkSessions;

/**
 * Hand-computed fixture for rules R03–R11, July 2025 (no holiday; Thursday 31 July is the month's last working
 * day), with the default thresholds at their edges. Every dossier is clean (on time, recorded at reception, synced
 * an hour after its last change) except for what its comment says.
 */
class RulesFixtureTest {
    private static Computation result;
    private static final List<CaseFlag> flags = new ArrayList<>();

    /** A clean dossier finished before its due, recorded at reception, synced an hour after its end. */
    private static ProvinceFixture.Dossier clean(ProvinceFixture f, String id, String agency, String procedure,
                                                 String received, String finished) {
        LocalDateTime end = LocalDateTime.parse(finished);
        return f.dossier(id).at(agency, procedure).received(received)
                .due(LocalDateTime.parse(received).toLocalDate().plusDays(20) + "T17:00").finished(finished)
                .with("recorded_at", received).with("updated_at", finished).synced(end.plusHours(1).toString());
    }

    @BeforeAll
    static void compute(@TempDir Path tmp) {
        ProvinceFixture f = new ProvinceFixture()
                .agency("R1", "Sở Xây dựng", "department").agency("R2", "UBND xã An Phú", "commune_ppc")
                .agency("R3", "UBND xã Bình Minh", "commune_ppc").agency("R4", "Sở Công Thương", "department")
                .procedure("PX", 5, true).procedure("PY", 2, false);
        // R03: received on 1 July 2025 (new regime), two apology slips.
        clean(f, "G1", "R1", "PX", "2025-07-01T09:00", "2025-07-21T10:00").due("2025-07-08T17:00");
        f.row(vn.onestop.ingest.RecordType.CASE_APOLOGY, "case_id", "G1", "issued_at", "2025-07-04T09:00",
                "new_due_at", "2025-07-15T17:00");
        f.row(vn.onestop.ingest.RecordType.CASE_APOLOGY, "case_id", "G1", "issued_at", "2025-07-14T09:00",
                "new_due_at", "2025-07-22T17:00");
        // Received on 30 June 2025 (old regime): two slips are no R03, but it ends after the second new date: R04.
        clean(f, "G2", "R1", "PX", "2025-06-30T09:00", "2025-07-18T09:00").due("2025-07-04T17:00");
        f.row(vn.onestop.ingest.RecordType.CASE_APOLOGY, "case_id", "G2", "issued_at", "2025-07-02T09:00",
                "new_due_at", "2025-07-10T17:00");
        f.row(vn.onestop.ingest.RecordType.CASE_APOLOGY, "case_id", "G2", "issued_at", "2025-07-09T09:00",
                "new_due_at", "2025-07-17T17:00");
        // R05: two supplement requests (and so late, without apology: R01 too).
        clean(f, "G3", "R1", "PX", "2025-07-01T10:00", "2025-07-08T10:00").due("2025-07-08T17:00");
        f.supplement("G3", "2025-07-02T09:00", "2025-07-03T09:00");
        f.supplement("G3", "2025-07-04T09:00", "2025-07-07T09:00");
        // R06 edge: received Friday 10:00; the threshold is Monday 17:00.
        clean(f, "G4", "R1", "PX", "2025-07-04T10:00", "2025-07-09T10:00").with("recorded_at", "2025-07-07T17:00");
        clean(f, "G5", "R1", "PX", "2025-07-04T10:00", "2025-07-09T10:00").with("recorded_at", "2025-07-07T17:01");
        // R07: never synced; synced exactly 1 day after the last change (not flagged); 1 day and 1 minute (flagged).
        clean(f, "G6", "R1", "PX", "2025-07-10T09:00", "2025-07-11T09:00").with("synced_at", "");
        clean(f, "G7", "R1", "PX", "2025-07-10T09:00", "2025-07-11T09:00").synced("2025-07-12T09:00");
        clean(f, "G8", "R1", "PX", "2025-07-10T09:00", "2025-07-11T09:00").synced("2025-07-12T09:01");
        // R08: online, document result, no e-result; G10 has one.
        clean(f, "G9", "R1", "PX", "2025-07-14T09:00", "2025-07-16T09:00").online();
        clean(f, "G10", "R1", "PX", "2025-07-14T09:00", "2025-07-16T09:00").online().electronicResult();
        // R09: 15 minutes for a 5-working-day procedure (flagged); 5 minutes for 2 days, 16 minutes for 5 (not).
        clean(f, "G11", "R1", "PY", "2025-07-15T09:00", "2025-07-15T09:05");
        clean(f, "G12", "R1", "PX", "2025-07-15T09:00", "2025-07-15T09:15");
        clean(f, "G13", "R1", "PX", "2025-07-15T09:00", "2025-07-15T09:16");
        // R11: history running backwards.
        clean(f, "G14", "R1", "PX", "2025-07-20T09:00", "2025-07-22T10:00");
        f.row(CASE_EVENT, "case_id", "G14", "seq", "1", "at", "2025-07-21T10:00", "status", "4");
        f.row(CASE_EVENT, "case_id", "G14", "seq", "2", "at", "2025-07-21T09:00", "status", "4");
        // R10 share edge: R2 finishes 3 of its 10 July dossiers on Thursday 31 July (30 %); R3 only 2 of 10.
        for (int i = 1; i <= 10; i++) {
            clean(f, "S" + i, "R2", "PX", "2025-07-0" + (i < 10 ? i : 9) + "T09:00",
                    i <= 3 ? "2025-07-31T15:00" : "2025-07-2" + (i - 3) + "T15:00");
            clean(f, "T" + i, "R3", "PX", "2025-07-0" + (i < 10 ? i : 9) + "T09:00",
                    i <= 2 ? "2025-07-31T15:00" : "2025-07-2" + (i - 2) + "T15:00");
        }
        // R10 officer edge: officer CB1 closes 20 of R4's dossiers within 10:05 on 15 July; CB2 closes 19 at 10:06.
        for (int i = 1; i <= 39; i++) {
            String id = "U" + i;
            String at = i <= 20 ? "2025-07-15T10:05:" + String.format("%02d", i) : "2025-07-15T10:06:" + String.format("%02d", i);
            clean(f, id, "R4", "PX", "2025-07-14T09:00", at);
            f.row(CASE_EVENT, "case_id", id, "seq", "1", "at", at, "status", "9", "officer", i <= 20 ? "CB1" : "CB2");
        }
        SparkSession spark = SparkSessions.local();
        Lake lake = new Lake(tmp.resolve("lake").toString());
        new FolderIngest(spark, lake, LocalDateTime.of(2025, 9, 1, 0, 0)).run(f.writeTo(tmp.resolve("in")), tmp, "r1");
        IndicatorSettings settings = IndicatorSettings.defaults();
        result = new ComputeJob(spark, lake, WorkingCalendar.bundled(), Catalogue.bundled(), settings)
                .compute(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 31));
        RuleFlags.stream(spark, RuleFlags.rules(settings.thresholds()), flags::add);
    }

    @Test
    void r10CountsWithoutAWindowOverAgencyAndPeriod() {
        // Decision 88: a window over agency × period buffers an agency's whole range period, which at 1,000,000
        // dossiers took the compute's heap. (case_timeline's windows over one dossier's rows are harmless.)
        String plan = SparkSessions.local().table("closing_burst_period").queryExecution().executedPlan()
                .treeString();
        assertEquals(List.of(), plan.lines().filter(l -> l.contains("Window") && l.contains("agency_code")).toList(),
                plan);
    }

    private static Set<String> julyFlags(String rule) {
        return flags.stream().filter(x -> x.ruleId().equals(rule) && x.periodKind().equals("month"))
                .map(CaseFlag::caseId).collect(Collectors.toCollection(TreeSet::new));
    }

    private static BigDecimal rate(String agency, String indicator) {
        return result.values().stream().filter(v -> v.scopeCode().equals(agency) && v.periodKind().equals("month")
                && v.indicatorId().equals(indicator)).findFirst().map(IndicatorValue::valuePct).orElseThrow();
    }

    @Test
    void r03AppliesOnlyToDossiersReceivedFromJuly2025() {
        assertEquals(Set.of("G1"), julyFlags("R03"));
        assertEquals(new BigDecimal("100.00"), rate("R1", "R03.rate"), "G1 of G1 (G2 is the old regime)");
    }

    @Test
    void r04ComparesTheEndWithTheLatestNewDate() {
        assertEquals(Set.of("G2"), julyFlags("R04"));
        assertEquals(new BigDecimal("50.00"), rate("R1", "R04.rate"), "G2 of G1, G2");
    }

    @Test
    void r05AndTheSecondSupplementMakeTheDossierLate() {
        assertEquals(Set.of("G3"), julyFlags("R05"));
        assertEquals(true, julyFlags("R01").contains("G3"));
    }

    @Test
    void r06FlagsARecordingAfterTheEndOfTheNextWorkingDay() {
        assertEquals(Set.of("G5"), julyFlags("R06"));
    }

    @Test
    void r07FlagsNeverSyncedAndSyncedMoreThanADayLate() {
        assertEquals(Set.of("G6", "G8"), julyFlags("R07"));
    }

    @Test
    void r08FlagsOnlineDocumentResultsWithoutElectronicCopy() {
        assertEquals(Set.of("G9"), julyFlags("R08"));
    }

    @Test
    void r09FlagsFifteenMinutesForALongProcedure() {
        assertEquals(Set.of("G12"), julyFlags("R09"));
    }

    @Test
    void r10FlagsTheShareAndTheOfficerBurstAtTheirThresholds() {
        Set<String> expected = new TreeSet<>(List.of("S1", "S2", "S3"));
        for (int i = 1; i <= 20; i++) {
            expected.add("U" + i);
        }
        assertEquals(expected, julyFlags("R10"));
        assertEquals(new BigDecimal("30.00"), rate("R2", "R10.rate"));
        assertEquals(new BigDecimal("0.00"), rate("R3", "R10.rate"), "20 % is under the 30 % threshold");
        assertEquals(new BigDecimal("51.28"), rate("R4", "R10.rate"), "CB1's 20 of 39; CB2's 19 are under 20");
    }

    @Test
    void r11FlagsAHistoryRunningBackwards() {
        assertEquals(Set.of("G14"), julyFlags("R11"));
    }
}
