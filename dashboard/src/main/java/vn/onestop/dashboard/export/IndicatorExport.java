package vn.onestop.dashboard.export;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.onestop.dashboard.published.Agency;
import vn.onestop.dashboard.published.Indicator;
import vn.onestop.dashboard.published.Period;
import vn.onestop.dashboard.published.PubValue;
import vn.onestop.dashboard.published.RunCatalogue;
import vn.onestop.dashboard.text.VietnameseOrder;

/**
 * The rows of the indicator export for one period, exactly as published: the roll-ups given (province, groups)
 * then the agencies in Vietnamese order, each with its indicators in catalogue order.
 */
public final class IndicatorExport {
    private IndicatorExport() {
    }

    /** A scope of the export: its code and the name written in the agency_name column. */
    public record Scope(String code, String name) {
    }

    public static List<IndicatorExportRow> rows(RunCatalogue catalogue, Period period, Collection<PubValue> values,
                                                List<Scope> rollUps, Collection<Agency> agencies) {
        List<Scope> scopes = new ArrayList<>(rollUps);
        agencies.stream().sorted(VietnameseOrder.by(Agency::name).thenComparing(Agency::code))
                .forEach(a -> scopes.add(new Scope(a.code(), a.name())));
        Map<String, Map<String, PubValue>> byScope = new HashMap<>();
        values.forEach(v -> byScope.computeIfAbsent(v.scopeCode(), k -> new HashMap<>()).put(v.indicatorId(), v));
        String profile = catalogue.run().pointsProfile();
        List<IndicatorExportRow> rows = new ArrayList<>();
        for (Scope scope : scopes) {
            Map<String, PubValue> own = byScope.getOrDefault(scope.code(), Map.of());
            for (Indicator i : catalogue.indicators()) {
                PubValue v = own.get(i.id());
                if (v != null) {
                    rows.add(new IndicatorExportRow(period.start(), period.end(), scope.code(), scope.name(), i.id(),
                            v.numerator(), v.denominator(), v.valuePct(), v.points(), v.maxPoints(), profile));
                }
            }
        }
        return rows;
    }
}
