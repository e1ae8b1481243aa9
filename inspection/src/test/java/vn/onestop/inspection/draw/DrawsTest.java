package vn.onestop.inspection.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.onestop.inspection.PublishedRun.Q1_2024;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.onestop.inspection.MovableClock;
import vn.onestop.inspection.PublishedRun;
import vn.onestop.inspection.TestStores;
import vn.onestop.inspection.history.InspectionHistory;
import vn.onestop.inspection.history.InspectionKind;
import vn.onestop.inspection.plan.InspectionPlans;
import vn.onestop.inspection.store.Db;

/**
 * Sealed draws on a small province, on H2 and on PostgreSQL: departments S1–S4 (S4 not scored, S3 complained
 * about), communes X1–X6 (X5 inspected 3 months before the draw, X6 planned for Q3), a vertical agency V1, a
 * commune dissolved before the period; the draw on 05/04/2024 10:15:30.250 (Asia/Ho_Chi_Minh).
 */
class DrawsTest {
    private static final Instant DRAW_TIME = Instant.parse("2024-04-05T03:15:30.250Z");

    @TempDir
    Path dir;
    private TestStores stores;
    private MovableClock clock;
    private InspectionHistory history;
    private InspectionPlans plans;
    private Draws draws;
    private Db db;

    private void open(String kind) {
        stores = TestStores.open(kind, dir);
        clock = new MovableClock(DRAW_TIME.minus(Duration.ofDays(1)));
        history = new InspectionHistory(stores.store(), clock);
        plans = new InspectionPlans(stores.store(), clock, 10);
        draws = new Draws(stores.store(), clock, history, plans);
        db = new Db(stores.store());
        PublishedRun.in(stores.store(), "run-1")
                .agency("S1", "Sở Tư pháp", "department").agency("S2", "Sở Y tế", "department")
                .agency("S3", "Sở Xây dựng", "department").agency("S4", "Sở Ngoại vụ", "department")
                .agency("X1", "UBND xã Đăk Hà", "commune_ppc").agency("X2", "UBND xã Ngọc Réo", "commune_ppc")
                .agency("X3", "UBND xã Hà Mòn", "commune_ppc").agency("X4", "UBND xã Đăk La", "commune_ppc")
                .agency("X5", "UBND xã Đăk Mar", "commune_ppc").agency("X6", "UBND xã Đăk Ui", "commune_ppc")
                .agency("X0", "UBND xã cũ", "commune_ppc", null, LocalDate.of(2023, 12, 31))
                .agency("V1", "Chi cục Thuế", "vertical")
                .risk("S1", Q1_2024, "72.40", 1, 3, "R01").risk("S2", Q1_2024, "35.00", 2, 3, "R06")
                .risk("S3", Q1_2024, "10.25", 3, 3, "R07").notScored("S4", Q1_2024, 12)
                .risk("X1", Q1_2024, "80.00", 1, 6, "R01").risk("X2", Q1_2024, "55.50", 2, 6, "R02")
                .risk("X3", Q1_2024, "20.00", 3, 6, "R05").risk("X4", Q1_2024, "0.00", 6, 6, "-")
                .risk("X5", Q1_2024, "66.00", 2, 6, "R04").risk("X6", Q1_2024, "44.00", 4, 6, "R09")
                .risk("V1", Q1_2024, "90.00", 1, 1, "R01")
                .value("S3", Q1_2024, "PAKN.conduct", 2, null, null)
                .publish();
        history.record("X5", LocalDate.of(2024, 1, 10), InspectionKind.DIRECT, "Kết luận 5/KL-VP", "lanh.dao");
        history.record("X4", LocalDate.of(2023, 3, 1), InspectionKind.DIRECT, null, "lanh.dao");
        plans.add(2024, "X6", 3, InspectionKind.DIRECT, null, null, "lanh.dao");
        clock.advance(Duration.ofDays(1));
    }

    @AfterEach
    void close() {
        if (stores != null) {
            stores.close();
        }
    }

    private static Draws.Request request(Map<String, String> overrides, Long seed) {
        return new Draws.Request("2024-Q1", Map.of("department", 3, "commune_ppc", 4, "vertical", 1), 20, 12,
                overrides, seed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void candidatesCarryRiskFeedbackAndExclusionsFeedbackTriggeredFirst(String kind) {
        open(kind);
        var p = new DrawParameters(Q1_2024, Map.of("department", 3, "commune_ppc", 4, "vertical", 1), 20, 12, Map.of());
        List<Candidate> c = draws.candidates("run-1", p, LocalDateTime.of(2024, 4, 5, 10, 15, 30, 250_000_000));
        assertEquals(List.of("S3", "V1", "X1", "S1", "X5", "X2", "X6", "S2", "X3", "X4", "S4"),
                c.stream().map(Candidate::agencyCode).toList(), "complaints first, then by risk; X0 had ceased");
        Map<String, List<String>> exclusions = new java.util.TreeMap<>();
        c.forEach(x -> exclusions.put(x.agencyCode(), x.exclusions()));
        assertEquals(List.of("vertical"), exclusions.get("V1"));
        assertEquals(List.of("inspected:2024-01-10"), exclusions.get("X5"));
        assertEquals(List.of(), exclusions.get("X4"), "inspected more than 12 months before");
        assertEquals(List.of("planned:2024-Q3"), exclusions.get("X6"));
        Candidate s4 = c.get(c.size() - 1);
        assertFalse(s4.scored());
        assertEquals(null, s4.risk());
        assertEquals(2, c.get(0).conductFeedback());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void sameInputsParametersAndSeedGiveTheSameRecordAndSealAndRedrawingAddsANewRecord(String kind) {
        open(kind);
        Draws.SealedDraw first = draws.draw(request(Map.of(), 42L), "kiem.tra");
        Draws.SealedDraw second = draws.draw(request(Map.of(), 42L), "kiem.tra");
        assertNotEquals(first.id(), second.id(), "a new record");
        assertEquals(first.json(), second.json());
        assertEquals(first.seal(), second.seal());
        assertEquals(CanonicalJson.sha256(first.json()), first.seal());
        assertEquals(64, first.seal().length());
        Draws.SealedDraw third = draws.draw(request(Map.of(), 43L), "kiem.tra");
        assertNotEquals(first.seal(), third.seal());
        assertEquals(List.of(third.id(), second.id(), first.id()), draws.history().stream().map(Draws.Summary::id).toList());
        assertEquals(first.json(), draws.find(first.id()).orElseThrow().json(), "the first record is untouched");
        assertEquals(3L, db.list("SELECT COUNT(*) FROM audit_log WHERE action = 'draw' AND username = 'kiem.tra'",
                rs -> rs.getLong(1)).get(0));

        DrawRecord r = first.record();
        assertEquals(42L, r.seed());
        assertEquals("run-1", r.runId());
        assertEquals(LocalDateTime.of(2024, 4, 5, 10, 15, 30, 250_000_000), r.drawnAt());
        assertTrue(first.json().startsWith("{\"candidates\":[{\"agency\":\"S3\",\"conductFeedback\":2,"
                + "\"eligible\":true,\"exclusions\":[],\"kind\":\"department\",\"name\":\"Sở Xây dựng\",\"override\":null,"
                + "\"peerRank\":3,\"risk\":10.25,\"scored\":true}"), first.json());
        assertTrue(first.json().contains("\"drawnAt\":\"2024-04-05T10:15:30.250\",\"drawnBy\":\"kiem.tra\""));
        Map<String, Integer> perKind = new java.util.TreeMap<>();
        r.outcome().selected().forEach(s -> perKind.merge(s.kind(), 1, Integer::sum));
        assertEquals(Map.of("department", 3, "commune_ppc", 4), perKind, "V1 is excluded: the vertical place is empty");
        assertEquals(Map.of("commune_ppc", 0, "department", 0, "vertical", 1), r.outcome().shortfall());
        assertTrue(r.outcome().selected().stream().noneMatch(s -> s.agencyCode().equals("X5")
                || s.agencyCode().equals("X6")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anExclusionIsOverriddenOnlyWithAReasonAndOnlyWhereThereIsOne(String kind) {
        open(kind);
        var e = assertThrows(IllegalArgumentException.class, () -> draws.draw(request(Map.of("X5", " "), 1L), "kt"));
        assertEquals("Overriding the exclusion of X5 needs a reason", e.getMessage());
        var notExcluded = assertThrows(IllegalArgumentException.class,
                () -> draws.draw(request(Map.of("X1", "Báo chí phản ánh"), 1L), "kt"));
        assertEquals("Cannot override X1: it is not excluded", notExcluded.getMessage());
        Draws.SealedDraw d = draws.draw(request(Map.of("X5", "Báo Kon Tum phản ánh ngày 01/04/2024",
                "V1", "Phối hợp với Cục Thuế"), 1L), "kt");
        Candidate x5 = d.record().candidates().stream().filter(c -> c.agencyCode().equals("X5")).findFirst().orElseThrow();
        assertTrue(x5.eligible());
        assertEquals("Báo Kon Tum phản ánh ngày 01/04/2024", x5.override());
        assertEquals(List.of("V1"), d.record().outcome().selected().stream().filter(s -> s.kind().equals("vertical"))
                .map(Selection::agencyCode).toList());
        assertTrue(d.json().contains("\"overrides\":[{\"agency\":\"V1\",\"reason\":\"Phối hợp với Cục Thuế\"},"
                + "{\"agency\":\"X5\",\"reason\":\"Báo Kon Tum phản ánh ngày 01/04/2024\"}]"), d.json());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aFreshDrawVerifiesAndLaterHistoryOrPlanChangesDoNotDisturbIt(String kind) {
        open(kind);
        Draws.SealedDraw d = draws.draw(request(Map.of(), null), "kiem.tra");
        assertTrue(d.record().seed() >= 0, "a generated seed is recorded");
        clock.advance(Duration.ofMinutes(5));
        plans.add(2024, "X1", 2, InspectionKind.DIRECT, LocalDate.of(2024, 5, 6), null, "lanh.dao");
        history.record("S1", LocalDate.of(2024, 4, 5), InspectionKind.SURPRISE, null, "kiem.tra");
        Verification v = draws.verify(d.id());
        assertTrue(v.holds(), v.toString());
        assertEquals(List.of(Verification.Status.PASSED), v.checks().stream().map(Verification.Check::status).distinct()
                .toList(), v.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aChangedByteInTheRecordOrTheSealFailsVerification(String kind) {
        open(kind);
        Draws.SealedDraw d = draws.draw(request(Map.of(), 42L), "kiem.tra");
        String json = d.json();

        // One byte of the record: a selected agency's share.
        String tampered = json.replaceFirst("\"share\":\"random\"", "\"share\":\"risk\"");
        assertNotEquals(json, tampered);
        db.update("UPDATE inspection_draw SET record_json = ? WHERE draw_id = ?", tampered, d.id());
        Verification v = draws.verify(d.id());
        assertFalse(v.holds());
        assertEquals(Verification.Status.FAILED, v.status(Verification.SEAL));
        assertEquals(Verification.Status.FAILED, v.status(Verification.RESULT));

        // The seal alone.
        db.update("UPDATE inspection_draw SET record_json = ?, seal = ? WHERE draw_id = ?", json,
                d.seal().substring(0, 63) + (d.seal().endsWith("0") ? "1" : "0"), d.id());
        Verification s = draws.verify(d.id());
        assertFalse(s.holds());
        assertEquals(Verification.Status.FAILED, s.status(Verification.SEAL));
        assertEquals(Verification.Status.PASSED, s.status(Verification.RESULT));
        assertEquals(Verification.Status.FAILED, s.status(Verification.AUDIT), "the audit log kept the true seal");

        // A record rewritten with a matching seal: a candidate's risk changed, so were its odds.
        String forged = json.replace("\"risk\":80.00", "\"risk\":8.00");
        db.update("UPDATE inspection_draw SET record_json = ?, seal = ? WHERE draw_id = ?", forged,
                CanonicalJson.sha256(forged), d.id());
        Verification f = draws.verify(d.id());
        assertFalse(f.holds());
        assertEquals(Verification.Status.PASSED, f.status(Verification.SEAL));
        assertEquals(Verification.Status.FAILED, f.status(Verification.INPUTS), "the published risk of X1 is 80.00");
        assertEquals(Verification.Status.FAILED, f.status(Verification.AUDIT));

        // Back as it was: it holds again.
        db.update("UPDATE inspection_draw SET record_json = ?, seal = ? WHERE draw_id = ?", json, d.seal(), d.id());
        assertTrue(draws.verify(d.id()).holds());
    }

    /** Draws are append-only by construction: no statement of this module changes or deletes one. */
    @org.junit.jupiter.api.Test
    void noCodeUpdatesOrDeletesADraw() throws Exception {
        try (var files = java.nio.file.Files.walk(Path.of("src", "main", "java"))) {
            List<String> offending = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    String code = java.nio.file.Files.readString(f).replaceAll("\\s+", " ").toUpperCase();
                    return code.contains("UPDATE INSPECTION_DRAW") || code.contains("DELETE FROM INSPECTION_DRAW");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
            assertEquals(List.of(), offending);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDrawWhoseRunIsGoneIsCheckedAgainstItsRecordAlone(String kind) {
        open(kind);
        Draws.SealedDraw d = draws.draw(request(Map.of(), 42L), "kiem.tra");
        db.update("DELETE FROM current_run");
        for (String table : List.of("pub_risk", "pub_value", "pub_period", "pub_agency")) {
            db.update("DELETE FROM " + table + " WHERE run_id = 'run-1'");
        }
        Verification v = draws.verify(d.id());
        assertTrue(v.holds(), v.toString());
        assertEquals(Verification.Status.SKIPPED, v.status(Verification.INPUTS));
    }
}
