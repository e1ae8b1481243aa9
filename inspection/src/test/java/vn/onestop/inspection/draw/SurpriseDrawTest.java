package vn.onestop.inspection.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.onestop.inspection.published.PeriodRef;

class SurpriseDrawTest {
    private static final PeriodRef Q1 = new PeriodRef("quarter", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));

    private static Candidate scored(String code, String kind, String risk, String... exclusions) {
        return new Candidate(code, "Đơn vị " + code, kind, true, new BigDecimal(risk), 1, 0, List.of(exclusions), null);
    }

    private static Candidate notScored(String code, String kind) {
        return new Candidate(code, "Đơn vị " + code, kind, false, null, null, 0, List.of(), null);
    }

    private static DrawParameters parameters(Map<String, Integer> quotas, int share) {
        return new DrawParameters(Q1, quotas, share, 12, Map.of());
    }

    @Test
    void theRandomShareIsRoundedUpSoThatAnyShareLeavesAPlaceForEveryAgency() {
        assertEquals(1, DrawParameters.randomPlaces(3, 20), "3 × 20 % = 0,6 → 1");
        assertEquals(4, DrawParameters.randomPlaces(20, 20), "20 × 20 % = 4");
        assertEquals(1, DrawParameters.randomPlaces(1, 20));
        assertEquals(0, DrawParameters.randomPlaces(5, 0));
        assertEquals(5, DrawParameters.randomPlaces(5, 100));
        assertEquals(3, DrawParameters.randomPlaces(11, 20), "11 × 20 % = 2,2 → 3");
    }

    @Test
    void sameCandidatesParametersAndSeedGiveTheSameDrawAndAnotherSeedUsuallyAnother() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            candidates.add(i % 7 == 0 ? notScored(String.format("X%02d", i), "commune_ppc")
                    : scored(String.format("X%02d", i), "commune_ppc", (i * 3 % 97) + ".50"));
        }
        DrawParameters p = parameters(Map.of("commune_ppc", 10), 20);
        DrawOutcome first = SurpriseDraw.run(candidates, p, 20240405L);
        assertEquals(first, SurpriseDraw.run(candidates, p, 20240405L));
        List<Candidate> shuffled = new ArrayList<>(candidates);
        java.util.Collections.reverse(shuffled);
        assertEquals(first, SurpriseDraw.run(shuffled, p, 20240405L), "the order candidates are listed in is irrelevant");
        assertNotEquals(first.selected(), SurpriseDraw.run(candidates, p, 20240406L).selected());
    }

    @Test
    void aRiskPoolTooSmallLeavesItsPlacesToTheRandomShare() {
        List<Candidate> candidates = List.of(scored("S1", "department", "60.00"), scored("S2", "department", "0.00"),
                notScored("S3", "department"), notScored("S4", "department"));
        DrawOutcome o = SurpriseDraw.run(candidates, parameters(Map.of("department", 3), 20), 7L);
        assertEquals(new Selection(1, "S1", "department", Selection.RISK), o.selected().get(0),
                "the only agency with a positive score takes a risk place");
        assertEquals(List.of(Selection.RANDOM, Selection.RANDOM), o.selected().subList(1, 3).stream()
                .map(Selection::share).toList(), "1 random place + 1 risk place nobody else could fill");
        assertEquals(Map.of("department", 0), o.shortfall());
    }

    @Test
    void tooFewEligibleAgenciesIsAShortfallNotAnError() {
        List<Candidate> candidates = List.of(scored("S1", "department", "60.00"),
                scored("S2", "department", "40.00", "vertical"));
        DrawOutcome o = SurpriseDraw.run(candidates, parameters(Map.of("department", 3, "commune_ppc", 2), 20), 1L);
        assertEquals(List.of("S1"), o.selected().stream().map(Selection::agencyCode).toList());
        assertEquals(Map.of("department", 2, "commune_ppc", 2), o.shortfall());
    }

    @Test
    void higherRiskIsDrawnMoreOftenInTheRiskShare() {
        List<Candidate> candidates = List.of(scored("A", "department", "80.00"), scored("B", "department", "20.00"));
        int a = 0;
        for (long seed = 0; seed < 4000; seed++) {
            if (SurpriseDraw.run(candidates, parameters(Map.of("department", 1), 0), seed).selected().get(0)
                    .agencyCode().equals("A")) {
                a++;
            }
        }
        // P(A first) = 80 / (80 + 20) = 0,8: 3200 expected, ±4 standard deviations (±101).
        assertTrue(a > 3099 && a < 3301, "A drawn " + a + " times of 4000");
    }

    /**
     * Over 300 seeds, each drawing a fresh synthetic province (kinds, risk, not-scored agencies, exclusions,
     * overrides with reasons): quotas hold exactly or the shortfall says by how much, exclusions hold unless
     * overridden with a reason, the random share has its documented size, and no agency is drawn twice.
     */
    @Test
    void quotasExclusionsAndSharesHoldForEverySeed() {
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom world = new SplittableRandom(seed * 7919);
            List<Candidate> candidates = new ArrayList<>();
            String[] kinds = {"department", "commune_ppc", "vertical"};
            Map<String, String> overrides = new TreeMap<>();
            for (String kind : kinds) {
                int n = world.nextInt(0, 30);
                for (int i = 0; i < n; i++) {
                    String code = kind.substring(0, 1).toUpperCase() + i;
                    List<String> exclusions = new ArrayList<>();
                    if (kind.equals("vertical")) {
                        exclusions.add("vertical");
                    }
                    if (world.nextInt(5) == 0) {
                        exclusions.add("inspected:2024-01-10");
                    }
                    if (world.nextInt(8) == 0) {
                        exclusions.add("planned:2024-Q3");
                    }
                    String override = !exclusions.isEmpty() && world.nextInt(4) == 0 ? "Có phản ánh của báo chí" : null;
                    if (override != null) {
                        overrides.put(code, override);
                    }
                    boolean isScored = world.nextInt(4) != 0;
                    BigDecimal risk = isScored ? BigDecimal.valueOf(world.nextInt(0, 10001), 2) : null;
                    candidates.add(new Candidate(code, "Đơn vị " + code, kind, isScored, risk, null,
                            world.nextInt(3) == 0 ? 1 : 0, exclusions, override));
                }
            }
            Map<String, Integer> quotas = Map.of("department", world.nextInt(0, 8), "commune_ppc", world.nextInt(0, 25),
                    "vertical", world.nextInt(0, 3));
            int share = world.nextInt(0, 101);
            DrawParameters p = new DrawParameters(Q1, quotas, share, 12, overrides);
            DrawOutcome o = SurpriseDraw.run(candidates, p, seed);
            check(candidates, p, o, seed);
        }
    }

    private static void check(List<Candidate> candidates, DrawParameters p, DrawOutcome o, long seed) {
        Map<String, Candidate> byCode = new HashMap<>();
        candidates.forEach(c -> byCode.put(c.agencyCode(), c));
        Set<String> seen = new HashSet<>();
        for (Selection s : o.selected()) {
            assertTrue(seen.add(s.agencyCode()), "seed " + seed + ": " + s.agencyCode() + " drawn twice");
            Candidate c = byCode.get(s.agencyCode());
            assertTrue(c.exclusions().isEmpty() || (c.override() != null && !c.override().isBlank()),
                    "seed " + seed + ": excluded " + c + " drawn without an override");
            assertEquals(c.kind(), s.kind());
            if (s.share().equals(Selection.RISK)) {
                assertTrue(c.hasRiskWeight(), "seed " + seed + ": " + c + " has no risk weight");
            }
        }
        for (var quota : p.quotas().entrySet()) {
            String kind = quota.getKey();
            int places = quota.getValue();
            long eligible = candidates.stream().filter(c -> c.kind().equals(kind) && c.eligible()).count();
            long weighted = candidates.stream().filter(c -> c.kind().equals(kind) && c.eligible() && c.hasRiskWeight())
                    .count();
            List<Selection> ofKind = o.selected().stream().filter(s -> s.kind().equals(kind)).toList();
            long byRisk = ofKind.stream().filter(s -> s.share().equals(Selection.RISK)).count();
            long byChance = ofKind.size() - byRisk;
            int randomPlaces = DrawParameters.randomPlaces(places, p.randomSharePct());
            assertEquals(Math.min(places, eligible), ofKind.size(), "seed " + seed + ": quota of " + kind);
            assertEquals(places - ofKind.size(), o.shortfall().get(kind), "seed " + seed + ": shortfall of " + kind);
            assertEquals(Math.min(places - randomPlaces, weighted), byRisk, "seed " + seed + ": risk share of " + kind);
            assertEquals(Math.min(places - byRisk, eligible - byRisk), byChance,
                    "seed " + seed + ": random share of " + kind);
        }
        for (int i = 0; i < o.selected().size(); i++) {
            assertEquals(i + 1, o.selected().get(i).order());
        }
    }
}
