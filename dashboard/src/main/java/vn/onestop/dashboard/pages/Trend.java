package vn.onestop.dashboard.pages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.onestop.dashboard.published.Indicator;
import vn.onestop.dashboard.published.Period;
import vn.onestop.dashboard.published.PubValue;
import vn.onestop.dashboard.published.PublishedResults;

/**
 * Monthly series for the trend chart: the twelve months up to the end of the selected period, one series per
 * scope (the province, an agency), every rate and score indicator; a month without data is null (a gap, not 0).
 */
public record Trend(List<PeriodView> months, List<Choice> indicators, List<Series> series) {
    static final int MONTHS = 12;

    /**
     * An indicator the chart can draw: what the picker and the target line need. The page's own indicator rows carry
     * the rest (formula, basis …); repeating it here made a fifth of the agency page's JSON.
     */
    public record Choice(String id, String name, String unit, BigDecimal target, String targetText) {
        static Choice of(IndicatorView i) {
            return new Choice(i.id(), i.name(), i.unit(), i.target(), i.targetText());
        }
    }

    public record Series(String scope, String name, Map<String, List<BigDecimal>> values) {
    }

    record Scope(String code, String name) {
    }

    static Trend of(PublishedResults results, ViewRequest view, List<Scope> scopes) {
        LocalDate last = view.period().end().withDayOfMonth(1);
        LocalDate first = last.minusMonths(MONTHS - 1);
        List<Period> months = view.catalogue().periods().stream()
                .filter(p -> Period.MONTH.equals(p.kind()))
                .filter(p -> !p.start().isBefore(first) && !p.start().isAfter(last))
                .sorted(Comparator.comparing(Period::start)).toList();
        List<Indicator> charted = view.catalogue().indicators().stream()
                .filter(i -> Indicator.UNIT_PERCENT.equals(i.unit()) || Indicator.UNIT_SCORE.equals(i.unit())).toList();
        List<Series> series = new ArrayList<>();
        // The months' values of every scope, as the pages of those months read them: shared by every agency's
        // trend, where reading one agency's year at a time made the agency page's first view slow (decision 71).
        List<Map<String, Map<String, PubValue>>> monthly = months.stream()
                .map(month -> results.valuesByScope(view.runId(), month)).toList();
        for (Scope scope : scopes) {
            Map<String, List<BigDecimal>> values = new LinkedHashMap<>();
            for (Indicator indicator : charted) {
                List<BigDecimal> line = new ArrayList<>();
                for (Map<String, Map<String, PubValue>> month : monthly) {
                    PubValue v = month.getOrDefault(scope.code(), Map.of()).get(indicator.id());
                    line.add(v == null ? null : v.headline(indicator));
                }
                values.put(indicator.id(), line);
            }
            series.add(new Series(scope.code(), scope.name(), values));
        }
        return new Trend(months.stream().map(p -> PeriodView.of(p, view.formats())).toList(),
                charted.stream().map(i -> Choice.of(IndicatorView.of(i, view.formats(), view.catalogue()))).toList(),
                series);
    }
}
