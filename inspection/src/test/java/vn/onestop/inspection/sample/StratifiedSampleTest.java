package vn.onestop.inspection.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.onestop.inspection.published.RegisteredDossier;
import vn.onestop.inspection.sample.StratifiedSample.Stratum;

/** The allocation computed by hand; the largest-remainder rule and its tie-breaks at their edges. */
class StratifiedSampleTest {
    @Test
    void proportionalAllocationGivesTheLeftoverPlaceToTheLargestRemainder() {
        // n = 7 of N = 100: 3,5 · 2,1 · 1,4 → floors 3 · 2 · 1 = 6; the 7th place to the largest remainder, A (0,5).
        assertEquals(List.of(new Stratum("A", 50, 4), new Stratum("B", 30, 2), new Stratum("C", 20, 1)),
                StratifiedSample.allocate(Map.of("A", 50, "B", 30, "C", 20), 7));
    }

    @Test
    void equalRemaindersGoToTheLargerFieldThenTheLowerCode() {
        // n = 4 of N = 10: 2,8 · 0,8 · 0,4 → floors 2 · 0 · 0; 2 places left: A and B tie at 0,8, A is larger → A,
        // then B.
        assertEquals(List.of(new Stratum("A", 7, 3), new Stratum("B", 2, 1), new Stratum("C", 1, 0)),
                StratifiedSample.allocate(Map.of("A", 7, "B", 2, "C", 1), 4));
        // n = 4 of N = 30: 1,33 each → 1 · 1 · 1; the last place: equal remainders, equal sizes → the lower code.
        assertEquals(List.of(new Stratum("HT", 10, 1), new Stratum("DD", 10, 2), new Stratum("LLTP", 10, 1)).stream()
                        .sorted(java.util.Comparator.comparing(Stratum::fieldCode)).toList(),
                StratifiedSample.allocate(Map.of("LLTP", 10, "HT", 10, "DD", 10), 4));
    }

    @Test
    void aSampleAsLargeAsThePopulationTakesEveryDossierAndZeroTakesNone() {
        assertEquals(List.of(new Stratum("A", 2, 2), new Stratum("B", 1, 1)),
                StratifiedSample.allocate(Map.of("A", 2, "B", 1), 5));
        assertEquals(List.of(new Stratum("A", 2, 0), new Stratum("B", 1, 0)),
                StratifiedSample.allocate(Map.of("A", 2, "B", 1), 0));
    }

    @Test
    void theDrawFollowsTheAllocationAndTheSeed() {
        List<RegisteredDossier> population = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String field = i < 50 ? "A" : i < 80 ? "B" : i < 98 ? "C" : null;
            population.add(new RegisteredDossier(String.format("HS-%03d", i), "S1", "P" + i % 3, field,
                    LocalDateTime.of(2024, 3, 1, 8, 0).plusHours(i)));
        }
        StratifiedSample.Result r = StratifiedSample.draw(population, 10, 99L);
        assertEquals(List.of(new Stratum("", 2, 0), new Stratum("A", 50, 5), new Stratum("B", 30, 3),
                new Stratum("C", 18, 2)), r.strata(), "10 × 18 ÷ 100 = 1,8 and 10 × 2 ÷ 100 = 0,2: C gets the place");
        Map<String, Integer> perField = new TreeMap<>();
        r.picks().forEach(d -> perField.merge(d.fieldCode(), 1, Integer::sum));
        assertEquals(Map.of("A", 5, "B", 3, "C", 2), perField);
        assertEquals(r, StratifiedSample.draw(population, 10, 99L));
        List<RegisteredDossier> reversed = new ArrayList<>(population);
        java.util.Collections.reverse(reversed);
        assertEquals(r, StratifiedSample.draw(reversed, 10, 99L), "the register's order is irrelevant");
        assertNotEquals(r.picks(), StratifiedSample.draw(population, 10, 100L).picks());
    }
}
