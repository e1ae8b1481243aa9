package vn.onestop.inspection.draw;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The surprise-inspection draw (kiểm tra đột xuất), fully specified so that anyone can redo it from the sealed record:
 * <ol>
 *   <li>One {@link SplittableRandom} seeded with the recorded seed serves the whole draw.</li>
 *   <li>Kinds are drawn in alphabetical order of their code; within a kind only eligible candidates take part,
 *       in agency-code order.</li>
 *   <li>Risk-weighted share ({@code quota − random places}): every eligible candidate with a positive risk score
 *       gets {@code u = 1 − nextDouble()} and the key {@code StrictMath.log(u) / risk} (Efraimidis–Spirakis: keeping
 *       the largest keys is weighted sampling without replacement, probability proportional to risk); the largest
 *       keys win, ties to the lower agency code. Not-scored agencies and a score of 0 have no weight here.</li>
 *   <li>Random share: the places left (the random places, plus risk places the weighted pool could not fill) go to
 *       the remaining eligible candidates, scored or not, each with the key {@code nextDouble()}; largest win.</li>
 *   <li>Places no eligible candidate is left for are the kind's shortfall.</li>
 * </ol>
 * A share without places draws no numbers.
 * {@code StrictMath} and {@code SplittableRandom} give the same numbers on every Java runtime.
 */
public final class SurpriseDraw {
    private SurpriseDraw() {
    }

    public static DrawOutcome run(List<Candidate> candidates, DrawParameters parameters, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Selection> selected = new ArrayList<>();
        Map<String, Integer> shortfall = new TreeMap<>();
        for (Map.Entry<String, Integer> quota : parameters.quotas().entrySet()) {
            String kind = quota.getKey();
            int places = quota.getValue();
            List<Candidate> pool = candidates.stream()
                    .filter(c -> c.kind().equals(kind) && c.eligible())
                    .sorted(Comparator.comparing(Candidate::agencyCode))
                    .toList();
            int riskPlaces = places - DrawParameters.randomPlaces(places, parameters.randomSharePct());
            List<Candidate> weighted = pool.stream().filter(Candidate::hasRiskWeight).toList();
            List<Candidate> byRisk = riskPlaces == 0 ? List.of() : largestKeys(weighted, riskPlaces, c -> {
                double u = 1.0 - random.nextDouble();
                return StrictMath.log(u) / c.risk().doubleValue();
            });
            List<Candidate> rest = pool.stream().filter(c -> !byRisk.contains(c)).toList();
            int randomPlaces = places - byRisk.size();
            List<Candidate> byChance = randomPlaces == 0 ? List.of()
                    : largestKeys(rest, randomPlaces, c -> random.nextDouble());
            byRisk.forEach(c -> selected.add(new Selection(selected.size() + 1, c.agencyCode(), kind, Selection.RISK)));
            byChance.forEach(c -> selected.add(
                    new Selection(selected.size() + 1, c.agencyCode(), kind, Selection.RANDOM)));
            shortfall.put(kind, places - byRisk.size() - byChance.size());
        }
        return new DrawOutcome(selected, shortfall);
    }

    private interface Key {
        double of(Candidate c);
    }

    /** Draws one key per candidate in the given order, then keeps the {@code n} largest (ties: lower code first). */
    private static List<Candidate> largestKeys(List<Candidate> pool, int n, Key key) {
        record Keyed(Candidate candidate, double key) {
        }
        List<Keyed> keyed = new ArrayList<>();
        for (Candidate c : pool) {
            keyed.add(new Keyed(c, key.of(c)));
        }
        return keyed.stream()
                .sorted(Comparator.comparingDouble(Keyed::key).reversed()
                        .thenComparing(k -> k.candidate().agencyCode()))
                .limit(n)
                .map(Keyed::candidate)
                .toList();
    }
}
