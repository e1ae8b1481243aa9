package vn.onestop.dashboard.pages;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import vn.onestop.dashboard.published.Agency;
import vn.onestop.dashboard.published.Indicator;
import vn.onestop.dashboard.published.PubValue;
import vn.onestop.dashboard.published.PublishedResults;
import vn.onestop.dashboard.published.RunCatalogue;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Language;
import vn.onestop.dashboard.text.VietnameseOrder;

/**
 * Chỉ số: one indicator across agencies in a period — best first (which way is better comes with the run), no
 * data last — beside the province value, the groups and the target. Ranks are among every agency of the
 * province with a value; an agency viewer sees only its own agencies' rows, the province and no group, and the spread
 * is that of the rows shown (decision 39). Filters as the ranking.
 */
public final class IndicatorController {
    private final PublishedResults results;
    private final ApiCache cache;
    private final String provinceCode;
    private final String provinceName;

    public IndicatorController(PublishedResults results, String provinceCode, String provinceName, ApiCache cache) {
        this.cache = cache;
        this.results = results;
        this.provinceCode = provinceCode;
        this.provinceName = provinceName;
    }

    public record ScopeValue(String code, String name, ValueView value) {
    }

    public record Row(Integer rank, String code, String name, String kindText, String groupText, ValueView value) {
    }

    /** How the agencies' values spread: how many have data, their median and range, and how many meet the target. */
    public record Spread(int agencies, int withData, String medianText, String bestText, String worstText,
                         Integer met, Integer near, Integer below) {
    }

    public record IndicatorPage(PeriodView period, IndicatorView indicator, ScopeValue province,
                                List<ScopeValue> groups, List<Row> rows, Spread spread) {
    }

    public void page(Context ctx) {
        PageFiles.serve(ctx, "indicator");
    }

    public void api(Context ctx) {
        ViewRequest view = ViewRequest.of(ctx, results);
        RunCatalogue catalogue = view.catalogue();
        Indicator indicator = catalogue.indicator(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
        Predicate<Agency> filter = AgencyFilter.of(ctx, view);
        cache.json(ctx, view, () -> indicatorPage(view, indicator, filter));
    }

    private IndicatorPage indicatorPage(ViewRequest view, Indicator indicator, Predicate<Agency> filter) {
        RunCatalogue catalogue = view.catalogue();
        Formats f = view.formats();
        Language lang = f.language();
        Map<String, PubValue> values = new HashMap<>();
        results.values(view.runId(), view.period(), indicator.id()).forEach(v -> values.put(v.scopeCode(), v));

        Comparator<BigDecimal> better = indicator.lowerIsBetter() ? Comparator.naturalOrder()
                : Comparator.<BigDecimal>reverseOrder();
        Map<String, Integer> ranks = ranks(catalogue, values, indicator, better);
        List<Agency> shown = view.scope().agencies().stream()
                .filter(a -> a.existedDuring(view.period()) || values.containsKey(a.code()))
                .filter(filter).toList();
        Comparator<Agency> order = Comparator.comparing(
                (Agency a) -> headline(values.get(a.code()), indicator), Comparator.nullsLast(better))
                .thenComparing(VietnameseOrder.by(Agency::name));
        List<Row> rows = shown.stream().sorted(order)
                .map(a -> new Row(ranks.get(a.code()), a.code(), a.name(), Names.kind(lang, a.kind()),
                        catalogue.groupName(a.groupCode(), lang), ValueView.of(indicator, values.get(a.code()), f)))
                .toList();
        // Group roll-ups add up other agencies: province-wide users only (decision 39).
        List<ScopeValue> groups = catalogue.groups().stream()
                .filter(g -> view.scope().isProvinceWide() && values.containsKey(g.code()))
                .map(g -> new ScopeValue(g.code(), g.name(lang), ValueView.of(indicator, values.get(g.code()), f)))
                .toList();
        return new IndicatorPage(PeriodView.of(view.period(), f), IndicatorView.of(indicator, f, catalogue),
                new ScopeValue(provinceCode, provinceName, ValueView.of(indicator, values.get(provinceCode), f)),
                groups, rows, spread(indicator, rows, better, f));
    }

    private static BigDecimal headline(PubValue v, Indicator indicator) {
        return v == null ? null : v.headline(indicator);
    }

    /** Competition ranks (1, 2, 2, 4) among every agency of the run with a value, best first. */
    private static Map<String, Integer> ranks(RunCatalogue catalogue, Map<String, PubValue> values,
                                              Indicator indicator, Comparator<BigDecimal> better) {
        record Scored(String code, BigDecimal value) {
        }
        List<Scored> scored = catalogue.agencies().stream()
                .map(a -> new Scored(a.code(), headline(values.get(a.code()), indicator)))
                .filter(s -> s.value() != null)
                .sorted(Comparator.comparing(Scored::value, better)).toList();
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < scored.size(); i++) {
            boolean tie = i > 0 && scored.get(i).value().compareTo(scored.get(i - 1).value()) == 0;
            out.put(scored.get(i).code(), tie ? out.get(scored.get(i - 1).code()) : i + 1);
        }
        return out;
    }

    private static Spread spread(Indicator indicator, List<Row> rows, Comparator<BigDecimal> better, Formats f) {
        List<BigDecimal> data = new ArrayList<>();
        rows.forEach(r -> {
            if (r.value().headline() != null) {
                data.add(r.value().headline());
            }
        });
        data.sort(better);
        Integer met = null;
        Integer near = null;
        Integer below = null;
        if (indicator.hasTargetStatus()) {
            met = (int) rows.stream().filter(r -> Status.MET.code().equals(r.value().status())).count();
            near = (int) rows.stream().filter(r -> Status.NEAR.code().equals(r.value().status())).count();
            below = (int) rows.stream().filter(r -> Status.BELOW.code().equals(r.value().status())).count();
        }
        return new Spread(rows.size(), data.size(),
                AgencyController.numberText(indicator, AgencyController.median(data), f),
                data.isEmpty() ? f.noData() : AgencyController.numberText(indicator, data.get(0), f),
                data.isEmpty() ? f.noData() : AgencyController.numberText(indicator, data.get(data.size() - 1), f),
                met, near, below);
    }
}
