package vn.onestop.dashboard.pages;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import vn.onestop.dashboard.published.Agency;
import vn.onestop.dashboard.published.Indicator;
import vn.onestop.dashboard.published.PubValue;
import vn.onestop.dashboard.published.PublishedResults;
import vn.onestop.dashboard.published.RunCatalogue;
import vn.onestop.dashboard.text.Diacritics;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Language;
import vn.onestop.dashboard.text.VietnameseOrder;

/**
 * Xếp hạng: one row per agency the user may see, one column per indicator, with the province and (province-wide
 * users only, decision 39) group rows for comparison. Rank is by normalised 766 score among all agencies of the province (ties share a rank).
 * Filters: {@code kind}, {@code group}, {@code within} (an agency and those below it).
 */
public final class RankingController {
    static final String TOTAL = "766.total";

    private final PublishedResults results;
    private final ApiCache cache;
    private final String provinceCode;
    private final String provinceName;

    public RankingController(PublishedResults results, String provinceCode, String provinceName, ApiCache cache) {
        this.cache = cache;
        this.results = results;
        this.provinceCode = provinceCode;
        this.provinceName = provinceName;
    }

    public record Row(String code, String name, String kind, String kindText, String group, String groupText,
                      String parentCode, String searchKey, int nameOrder, Integer rank,
                      Map<String, ValueView> values) {
    }

    public record Choice(String code, String text) {
    }

    public record Ranking(PeriodView period, List<IndicatorView> indicators, List<Row> totals, List<Row> rows,
                          List<Choice> kinds, List<Choice> groups) {
    }

    public void page(Context ctx) {
        PageFiles.serve(ctx, "ranking");
    }

    public void api(Context ctx) {
        ViewRequest view = ViewRequest.of(ctx, results);
        Predicate<Agency> filter = AgencyFilter.of(ctx, view);
        cache.json(ctx, view, () -> ranking(view, filter));
    }

    private Ranking ranking(ViewRequest view, Predicate<Agency> filter) {
        Formats f = view.formats();
        Language lang = f.language();
        RunCatalogue catalogue = view.catalogue();
        PeriodValues values = new PeriodValues(results.valuesByScope(view.runId(), view.period()));
        Map<String, Integer> ranks = ranks(catalogue, values);
        // Agencies dissolved before the period (or created after it) only appear if they still have values.
        List<Agency> visible = view.scope().agencies().stream()
                .filter(a -> a.existedDuring(view.period()) || values.hasValues(a.code())).toList();
        List<Agency> shown = visible.stream().filter(filter)
                .sorted(VietnameseOrder.by(Agency::name).thenComparing(Agency::code)).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Agency a = shown.get(i);
            rows.add(new Row(a.code(), a.name(), a.kind(), Names.kind(lang, a.kind()), a.groupCode(),
                    catalogue.groupName(a.groupCode(), lang), a.parentCode(), Diacritics.fold(a.name()), i,
                    ranks.get(a.code()), valuesOf(catalogue, values, a.code(), f)));
        }
        List<Row> totals = new ArrayList<>();
        totals.add(new Row(provinceCode, provinceName, PubValue.PROVINCE, null, null, null, null, null, -1, null,
                valuesOf(catalogue, values, provinceCode, f)));
        // Group roll-ups add up other agencies: province-wide users only; the province is a public benchmark.
        for (String group : view.scope().isProvinceWide() ? values.scopes(PubValue.GROUP) : List.<String>of()) {
            totals.add(new Row(group, catalogue.groupName(group, lang), PubValue.GROUP, null, group, null, null, null, -1,
                    null, valuesOf(catalogue, values, group, f)));
        }
        Map<String, String> kinds = new TreeMap<>();
        Map<String, String> groups = new TreeMap<>();
        visible.forEach(a -> {
            kinds.put(a.kind(), Names.kind(lang, a.kind()));
            groups.put(a.groupCode(), catalogue.groupName(a.groupCode(), lang));
        });
        return new Ranking(PeriodView.of(view.period(), f),
                catalogue.indicators().stream().map(i -> IndicatorView.of(i, f, catalogue)).toList(), totals, rows,
                choices(kinds), choices(groups));
    }

    private static List<Choice> choices(Map<String, String> byCode) {
        return byCode.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue()))
                .sorted(VietnameseOrder.by(Choice::text)).toList();
    }

    private static Map<String, ValueView> valuesOf(RunCatalogue catalogue, PeriodValues values, String scope,
                                                   Formats f) {
        Map<String, ValueView> out = new LinkedHashMap<>();
        for (Indicator i : catalogue.indicators()) {
            out.put(i.id(), ValueView.of(i, values.get(scope, i.id()), f));
        }
        return out;
    }

    /** Competition ranking (1, 2, 2, 4) by normalised 766 score over every agency with a score. */
    static Map<String, Integer> ranks(RunCatalogue catalogue, PeriodValues values) {
        record Scored(String code, BigDecimal score) {
        }
        List<Scored> scored = catalogue.agencies().stream()
                .map(a -> new Scored(a.code(), value(values.get(a.code(), TOTAL))))
                .filter(s -> s.score() != null)
                .sorted(Comparator.comparing(Scored::score).reversed()).toList();
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < scored.size(); i++) {
            boolean tie = i > 0 && scored.get(i).score().compareTo(scored.get(i - 1).score()) == 0;
            out.put(scored.get(i).code(), tie ? out.get(scored.get(i - 1).code()) : i + 1);
        }
        return out;
    }

    private static BigDecimal value(PubValue v) {
        return v == null ? null : v.valuePct();
    }
}
