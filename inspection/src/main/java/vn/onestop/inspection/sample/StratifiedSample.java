package vn.onestop.inspection.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import vn.onestop.inspection.published.RegisteredDossier;

/**
 * A random sample of an agency's dossiers stratified by field (lĩnh vực), proportional allocation:
 * <ol>
 *   <li>Each field h of N_h dossiers (N in all) gets floor(n × N_h ÷ N) places; the places left over go one each to
 *       the fields with the largest remainders (n × N_h mod N), ties to the larger field, then the lower field code
 *       (largest-remainder rule). With n ≥ N every dossier is taken.</li>
 *   <li>One {@link SplittableRandom} seeded with the recorded seed gives each dossier a key {@code nextDouble()},
 *       fields in code order, dossiers in case-id order within a field; a field keeps its largest keys (ties: the lower
 *       case id).</li>
 * </ol>
 * Dossiers without a field form the stratum with the empty code.
 */
public final class StratifiedSample {
    /** A field's dossiers and the places it got. */
    public record Stratum(String fieldCode, int population, int allocated) {
    }

    public record Result(List<Stratum> strata, List<RegisteredDossier> picks) {
    }

    private StratifiedSample() {
    }

    public static List<Stratum> allocate(Map<String, Integer> populationByField, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("The sample size must not be negative");
        }
        Map<String, Integer> sizes = new TreeMap<>(populationByField);
        long total = sizes.values().stream().mapToLong(Integer::longValue).sum();
        Map<String, Integer> places = new TreeMap<>();
        if (n >= total) {
            sizes.forEach(places::put);
        } else {
            sizes.forEach((field, size) -> places.put(field, (int) ((long) n * size / total)));
            int left = n - places.values().stream().mapToInt(Integer::intValue).sum();
            List<String> byRemainder = new ArrayList<>(sizes.keySet());
            byRemainder.sort(Comparator.comparingLong((String f) -> (long) n * sizes.get(f) % total).reversed()
                    .thenComparing(Comparator.comparingInt((String f) -> sizes.get(f)).reversed())
                    .thenComparing(Comparator.naturalOrder()));
            for (int i = 0; i < left; i++) {
                places.merge(byRemainder.get(i), 1, Integer::sum);
            }
        }
        List<Stratum> out = new ArrayList<>();
        sizes.forEach((field, size) -> out.add(new Stratum(field, size, places.get(field))));
        return out;
    }

    public static Result draw(List<RegisteredDossier> population, int n, long seed) {
        Map<String, List<RegisteredDossier>> byField = new TreeMap<>();
        population.forEach(d -> byField.computeIfAbsent(field(d), k -> new ArrayList<>()).add(d));
        Map<String, Integer> sizes = new TreeMap<>();
        byField.forEach((f, list) -> sizes.put(f, list.size()));
        List<Stratum> strata = allocate(sizes, n);
        SplittableRandom random = new SplittableRandom(seed);
        List<RegisteredDossier> picks = new ArrayList<>();
        for (Stratum s : strata) {
            record Keyed(RegisteredDossier dossier, double key) {
            }
            List<Keyed> keyed = byField.get(s.fieldCode()).stream()
                    .sorted(Comparator.comparing(RegisteredDossier::caseId))
                    .map(d -> new Keyed(d, random.nextDouble()))
                    .toList();
            keyed.stream()
                    .sorted(Comparator.comparingDouble(Keyed::key).reversed()
                            .thenComparing(k -> k.dossier().caseId()))
                    .limit(s.allocated())
                    .map(Keyed::dossier)
                    .sorted(Comparator.comparing(RegisteredDossier::caseId))
                    .forEach(picks::add);
        }
        return new Result(strata, picks);
    }

    static String field(RegisteredDossier d) {
        return d.fieldCode() == null ? "" : d.fieldCode();
    }
}
