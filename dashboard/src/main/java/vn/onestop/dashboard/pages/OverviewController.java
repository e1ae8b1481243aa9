package vn.onestop.dashboard.pages;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.onestop.dashboard.published.Indicator;
import vn.onestop.dashboard.published.PubValue;
import vn.onestop.dashboard.published.PublishedResults;
import vn.onestop.dashboard.text.Formats;

/**
 * Tổng quan: how the province is doing (cards against targets, by group, monthly trend) and who is dragging it
 * down (the agencies most worth a look).
 */
public final class OverviewController {
    /** The cards, in order (UI.md): 766 score and band, on time, late without apology, online, digitized, synced. */
    static final List<String> CARDS = List.of("766.total", "766.2.1", WorthALook.RULE_RATE, "766.3.3", "766.4.2",
            "766.1.4");

    private final PublishedResults results;
    private final ApiCache cache;
    private final String provinceCode;
    private final String provinceName;

    public OverviewController(PublishedResults results, String provinceCode, String provinceName, ApiCache cache) {
        this.cache = cache;
        this.results = results;
        this.provinceCode = provinceCode;
        this.provinceName = provinceName;
    }

    public record Card(IndicatorView indicator, ValueView value, String link) {
    }

    public record GroupRow(String code, String name, Map<String, ValueView> values) {
    }

    public record Overview(PeriodView period, String provinceCode, String provinceName, List<Card> cards,
                           List<GroupRow> groups, Trend trend, List<WorthALook.Entry> worthALook,
                           int worthALookMinLate) {
    }

    public void page(Context ctx) {
        PageFiles.serve(ctx, "overview");
    }

    public void api(Context ctx) {
        ViewRequest view = ViewRequest.of(ctx, results);
        cache.json(ctx, view, () -> overview(view));
    }

    private Overview overview(ViewRequest view) {
        Formats f = view.formats();
        PeriodValues values = new PeriodValues(results.valuesByScope(view.runId(), view.period()));
        List<Indicator> shown = CARDS.stream().map(id -> view.catalogue().indicator(id))
                .flatMap(Optional::stream).toList();
        List<Card> cards = shown.stream().map(i -> new Card(IndicatorView.of(i, f, view.catalogue()),
                ValueView.of(i, values.get(provinceCode, i.id()), f),
                "/ranking?period=" + view.period().id() + "&sort=" + i.id())).toList();
        List<GroupRow> groups = values.scopes(PubValue.GROUP).stream().map(code -> {
            Map<String, ValueView> row = new LinkedHashMap<>();
            shown.forEach(i -> row.put(i.id(), ValueView.of(i, values.get(code, i.id()), f)));
            return new GroupRow(code, view.catalogue().groupName(code, f.language()), row);
        }).toList();
        Trend trend = Trend.of(results, view, List.of(new Trend.Scope(provinceCode, provinceName)));
        return new Overview(PeriodView.of(view.period(), f), provinceCode, provinceName, cards, groups, trend,
                WorthALook.rank(view.catalogue(), values, f), WorthALook.MIN_LATE_DOSSIERS);
    }
}
