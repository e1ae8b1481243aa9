package vn.onestop.dashboard.pages;

import java.math.BigDecimal;
import vn.onestop.dashboard.published.Indicator;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Labels;

/** An indicator as pages show it: its name, unit, points and target, and the "?" text (formula and basis). */
public record IndicatorView(String id, String category, String categoryText, String name, String unit,
                            BigDecimal points, BigDecimal target, String targetText, String formula, String basis,
                            boolean judged) {
    public static IndicatorView of(Indicator i, Formats f) {
        BigDecimal target = i.effectiveTarget();
        return new IndicatorView(i.id(), i.category(),
                Labels.getOrDefault(f.language(), "category." + i.category(), i.category()),
                i.name(f.language()), i.unit(), i.points(), target,
                target == null ? null : f.percentTrimmed(target),
                i.formula(f.language()), i.basis(), i.hasTargetStatus());
    }
}
