package vn.onestop.dashboard.pages;

import java.util.List;
import java.util.Map;
import vn.onestop.dashboard.published.PubValue;

/** The values of one period, by scope code and indicator id. */
final class PeriodValues {
    private final Map<String, Map<String, PubValue>> byScope;

    /** Over the published results' index of the period (shared, built once per cached period). */
    PeriodValues(Map<String, Map<String, PubValue>> byScope) {
        this.byScope = byScope;
    }

    /** The value, or null when none was published. */
    PubValue get(String scopeCode, String indicatorId) {
        return byScope.getOrDefault(scopeCode, Map.of()).get(indicatorId);
    }

    boolean hasValues(String scopeCode) {
        return byScope.containsKey(scopeCode);
    }

    /** Codes of the scopes of one kind (agency | group | province) that have values. */
    List<String> scopes(String scopeKind) {
        return byScope.entrySet().stream()
                .filter(e -> e.getValue().values().stream().anyMatch(v -> scopeKind.equals(v.scopeKind())))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
