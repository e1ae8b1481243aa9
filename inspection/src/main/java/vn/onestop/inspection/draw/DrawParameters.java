package vn.onestop.inspection.draw;

import java.util.Map;
import java.util.TreeMap;
import vn.onestop.inspection.published.PeriodRef;

/**
 * What an inspector chooses for a surprise draw: the period whose risk and feedback count, agencies per kind, the
 * share drawn uniformly at random, how recent an inspection excludes, and exclusions overridden (agency → reason).
 */
public record DrawParameters(PeriodRef period, Map<String, Integer> quotas, int randomSharePct, int recentMonths,
                             Map<String, String> overrides) {
    public DrawParameters {
        quotas = new TreeMap<>(quotas);
        overrides = new TreeMap<>(overrides);
        if (randomSharePct < 0 || randomSharePct > 100) {
            throw new IllegalArgumentException("The random share must be between 0 and 100 %, not " + randomSharePct);
        }
        if (recentMonths < 0) {
            throw new IllegalArgumentException("Months since the last inspection must not be negative");
        }
        quotas.forEach((kind, n) -> {
            if (n == null || n < 0) {
                throw new IllegalArgumentException("The quota of " + kind + " must be a whole number ≥ 0");
            }
        });
        overrides.forEach((agency, reason) -> {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("Overriding the exclusion of " + agency + " needs a reason");
            }
        });
        overrides.replaceAll((agency, reason) -> reason.strip());
    }

    /**
     * Agencies of a quota drawn uniformly at random: the share rounded up, so that any share above 0 % leaves at
     * least one place every eligible agency can get (decisions.md).
     */
    public static int randomPlaces(int quota, int randomSharePct) {
        return (quota * randomSharePct + 99) / 100;
    }
}
