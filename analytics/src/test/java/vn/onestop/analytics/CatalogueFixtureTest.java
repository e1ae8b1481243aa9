package vn.onestop.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.onestop.ingest.RecordType.AGENCY_PROCEDURE;
import static vn.onestop.ingest.RecordType.CASE_RATING;
import static vn.onestop.ingest.RecordType.FEEDBACK;
import static vn.onestop.ingest.RecordType.PROCEDURE;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.analytics.ComputeJob.Computation;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.model.IndicatorValue;
import vn.onestop.core.calendar.WorkingCalendar;
import vn.onestop.ingest.FolderIngest;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.SparkSessions;

/**
 * Hand-computed fixture for the indicators over the procedure catalogue, fees, payments, digitization and feedback,
 * March 2024, department B1. With FebruaryTetFixtureTest it gives every indicator of the catalogue a fixture.
 *
 * <pre>
 * Procedures of B1 (all in agency_procedure):
 *  PA  FULL online, eligible, fee, individuals, document result; announced Mon 04/03 (basis effective Fri 15/03:
 *      deadline 08/03 → on time), public Fri 08/03 (≤ 11/03 → on time), complete.
 *  PB  PARTIAL, fee, organisations; announced 12/03 (after 08/03 → late), public 25/03 (after 19/03 → late), incomplete.
 *  2.000908 (copy certification) NONE, no fee, both; announced 2023, public 2023, complete; document result.
 *  PD  FULL, eligible, fee, individuals; announced 2022, public only on 02/04/2024 (after March).
 * Dossiers: D1 PA online 04/03 → 07/03 early, fee paid online, VNeID, reused, e-result.
 *           D2 PA in person 05/03 → 11/03 early, fee not paid online.
 *           D3 PB online 06/03, due 20/03, pending → overdue; population DB, personal data store.
 *           D4 copy certification in person 07/03 → 14/03 10:00 on its due day; rated 2/5 (dissatisfied).
 * Feedback: F1 RULE 04/03, handled 15/03 (≤ 25/03), published 18/03 (≤ 19/03) → on time; 5 likes, 1 dislike.
 *           F2 CONDUCT 06/03, refused 11/03 (deadline 08/03) → late.
 *           F3 OTHER 20/03, supplement asked 26/03 (≤ 27/03), open within its deadline; 1 like, 3 dislikes.
 *           F4 RULE 01/03, handled 29/03 (deadline 22/03) → late; complained about afterwards.
 *           F5 OTHER 20/02, handled 05/03 (≤ 12/03) → on time; received in February.
 * </pre>
 */
class CatalogueFixtureTest {
    private static Computation result;

    @BeforeAll
    static void compute(@TempDir Path tmp) {
        ProvinceFixture f = new ProvinceFixture().agency("B1", "Sở Tư pháp", "department");
        f.row(PROCEDURE, "procedure_code", "PA", "name", "A", "legal_duration", "4", "online_level", "FULL",
                "full_online_eligible", "true", "has_fee", "true", "applicant_kinds", "individual",
                "result_is_document", "true", "announced_on", "2024-03-04", "legal_basis_effective_on", "2024-03-15",
                "published_on", "2024-03-08", "components_complete", "true");
        f.row(PROCEDURE, "procedure_code", "PB", "name", "B", "legal_duration", "10", "online_level", "PARTIAL",
                "has_fee", "true", "applicant_kinds", "organisation", "announced_on", "2024-03-12",
                "legal_basis_effective_on", "2024-03-15", "published_on", "2024-03-25", "components_complete", "false");
        f.row(PROCEDURE, "procedure_code", "2.000908", "name", "Chứng thực bản sao từ bản chính", "legal_duration",
                "5", "online_level", "NONE", "has_fee", "false", "applicant_kinds", "both", "result_is_document",
                "true", "announced_on", "2023-05-02", "legal_basis_effective_on", "2023-06-01",
                "published_on", "2023-05-05", "components_complete", "true");
        f.row(PROCEDURE, "procedure_code", "PD", "name", "D", "legal_duration", "5", "online_level", "FULL",
                "full_online_eligible", "true", "has_fee", "true", "applicant_kinds", "individual",
                "announced_on", "2022-01-10", "legal_basis_effective_on", "2022-02-01", "published_on", "2024-04-02",
                "components_complete", "true");
        for (String p : new String[] {"PA", "PB", "2.000908", "PD"}) {
            f.row(AGENCY_PROCEDURE, "agency_code", "B1", "procedure_code", p);
        }
        f.dossier("D1").at("B1", "PA").online().received("2024-03-04T09:00").due("2024-03-08T17:00")
                .finished("2024-03-07T10:00").with("fee_amount", "50000").with("paid_online", "1")
                .with("vneid_verified", "true").with("reused_digitized_data", "true").electronicResult();
        f.dossier("D2").at("B1", "PA").received("2024-03-05T09:00").due("2024-03-12T17:00")
                .finished("2024-03-11T10:00").with("fee_amount", "50000").with("paid_online", "0");
        f.dossier("D3").at("B1", "PB").online().received("2024-03-06T09:00").due("2024-03-20T17:00")
                .with("population_db_used", "true").with("from_personal_store", "true");
        f.dossier("D4").at("B1", "2.000908").received("2024-03-07T09:00").due("2024-03-14T17:00")
                .finished("2024-03-14T10:00");
        f.row(CASE_RATING, "case_id", "D4", "rated_at", "2024-03-15T08:00", "score", "2");
        f.row(FEEDBACK, "feedback_id", "F1", "agency_code", "B1", "category", "RULE", "submitted_at",
                "2024-03-04T09:00", "handled_at", "2024-03-15T10:00", "published_at", "2024-03-18T09:00",
                "likes", "5", "dislikes", "1");
        f.row(FEEDBACK, "feedback_id", "F2", "agency_code", "B1", "category", "CONDUCT", "submitted_at",
                "2024-03-06T10:00", "rejected_at", "2024-03-11T10:00");
        f.row(FEEDBACK, "feedback_id", "F3", "agency_code", "B1", "category", "OTHER", "submitted_at",
                "2024-03-20T09:00", "supplement_requested_at", "2024-03-26T09:00", "likes", "1", "dislikes", "3");
        f.row(FEEDBACK, "feedback_id", "F4", "agency_code", "B1", "category", "RULE", "submitted_at",
                "2024-03-01T08:00", "handled_at", "2024-03-29T10:00", "complaint_after", "true");
        f.row(FEEDBACK, "feedback_id", "F5", "agency_code", "B1", "category", "OTHER", "submitted_at",
                "2024-02-20T09:00", "handled_at", "2024-03-05T10:00", "published_at", "2024-03-06T10:00");

        SparkSession spark = SparkSessions.local();
        Lake lake = new Lake(tmp.resolve("lake").toString());
        new FolderIngest(spark, lake, LocalDateTime.of(2024, 4, 1, 0, 0)).run(f.writeTo(tmp.resolve("in")), tmp, "c1");
        result = new ComputeJob(spark, lake, WorkingCalendar.bundled(), Catalogue.bundled(), IndicatorSettings.defaults())
                .compute(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
    }

    private static IndicatorValue march(String indicator) {
        return result.values().stream().filter(v -> v.scopeCode().equals("B1") && v.periodKind().equals("month")
                && v.indicatorId().equals(indicator)).findFirst().orElseThrow();
    }

    private static void assertIndicator(String id, long numerator, long denominator, String value, String points) {
        IndicatorValue v = march(id);
        assertEquals(BigDecimal.valueOf(numerator), v.numerator(), id + " numerator");
        assertEquals(BigDecimal.valueOf(denominator), v.denominator(), id + " denominator");
        assertEquals(value == null ? null : new BigDecimal(value), v.valuePct(), id + " value");
        assertEquals(points == null ? null : new BigDecimal(points), v.points(), id + " points");
    }

    @Test
    void transparencyOfTheProcedureCatalogue() {
        assertIndicator("766.1.1", 1, 2, "50.00", "3.00");   // PA on time, PB late
        assertIndicator("766.1.2", 1, 2, "50.00", "2.00");   // PA public in time, PB not
        assertIndicator("766.1.3", 2, 3, "66.67", "1.33");   // PA, 2.000908 complete; PB not; PD public in April
        assertIndicator("766.1.4", 0, 4, "0.00", "0.00");    // nothing synced
    }

    @Test
    void onlineServicesAndPayment() {
        assertIndicator("766.3.1", 3, 4, "75.00", "0.00");   // 0 points in dvcqg-2025
        assertIndicator("766.3.2", 2, 3, "66.67", "0.00");   // PA (D1), PB (D3) of PA PB PD
        assertIndicator("766.3.4", 1, 2, "50.00", "6.00");   // D1 of PA's D1 D2
        assertIndicator("766.3.5", 1, 3, "33.33", "0.83");   // PA of PA PB PD; target 80 %
        assertIndicator("766.3.6", 1, 2, "50.00", "1.00");   // PA paid online, of PA and PB with dossiers
        assertIndicator("766.3.7", 1, 2, "50.00", "3.00");   // D1 of D1 D2
    }

    @Test
    void digitizationAndPopulationDatabase() {
        assertIndicator("766.4.1", 1, 3, "33.33", "2.00");   // D1 of D1 D2 D4
        assertIndicator("766.4.3", 1, 4, "25.00", "0.63");   // 2 × 25 / 80
        assertIndicator("766.4.4", 1, 4, "25.00", "1.00");
        assertIndicator("766.4.5", 1, 2, "50.00", "1.00");   // PA (D1) of PA and 2.000908 (for individuals)
        assertIndicator("766.4.6", 2, 4, "50.00", "1.00");   // D1 VNeID, D3 population DB
        assertIndicator("766.4.7", 0, 1, "0.00", "0.00");    // D4 without an electronic copy
    }

    @Test
    void feedbackAndSatisfaction() {
        assertIndicator("766.5.1", 3, 4, "75.00", null);     // F1 F2 F4 of F1–F4
        assertIndicator("766.5.2", 3, 5, "60.00", "3.60");   // F1 F3 F5 of F1–F5
        assertIndicator("766.5.3", 1, 4, "25.00", "1.50");   // only F1
        assertIndicator("766.5.4", 2, 4, "50.00", "3.33");   // 4 − late D3 − dissatisfied D4
    }

    @Test
    void progressAndHandlingTime() {
        assertIndicator("766.2.1", 3, 4, "75.00", "15.00");
        assertIndicator("766.2.2", 12, 3, "4.00", null);     // D1 3 + D2 4 + D4 5 working days
    }

    @Test
    void everyIndicatorHasDataSoTheMaximumIsTheFull100Points() {
        IndicatorValue total = march("766.total");
        assertEquals(new BigDecimal("100.00"), total.maxPoints());
        assertEquals(new BigDecimal("46.22"), total.points());
        assertEquals(new BigDecimal("46.22"), total.valuePct());
    }

    @Test
    void theOtherProfileMovesThe12OnlinePointsTo3_1To3_3() {
        var settings = IndicatorSettings.defaults().withProfile("qd766-2022");
        var catalogue = Catalogue.bundled();
        assertEquals(new BigDecimal("2"), catalogue.find("766.3.1").orElseThrow().pointsIn(settings.profile()));
        assertEquals(new BigDecimal("4"), catalogue.find("766.3.2").orElseThrow().pointsIn(settings.profile()));
        assertEquals(new BigDecimal("6"), catalogue.find("766.3.3").orElseThrow().pointsIn(settings.profile()));
        assertEquals(new BigDecimal("0"), catalogue.find("766.3.4").orElseThrow().pointsIn(settings.profile()));
        assertNull(catalogue.find("R01.rate").orElseThrow().pointsIn(settings.profile()));
        BigDecimal sum = catalogue.definitions().stream().filter(d -> d.isIndex766())
                .map(d -> d.pointsIn(settings.profile())).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("100"), sum, "both profiles total 100 points");
        BigDecimal sum2025 = catalogue.definitions().stream().filter(d -> d.isIndex766())
                .map(d -> d.pointsIn("dvcqg-2025")).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("100"), sum2025);
    }
}
