package vn.onestop.dashboard.pages;

import java.math.BigDecimal;
import vn.onestop.dashboard.published.Indicator;
import vn.onestop.dashboard.published.Rule;
import vn.onestop.dashboard.published.RunCatalogue;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Labels;

/**
 * An indicator as pages show it: its name, unit, points and target, which way is better, the "?" text (formula
 * and basis), and for a rule's rate the rule whose dossiers it counts.
 */
public record IndicatorView(String id, String category, String categoryText, String name, String unit,
                            BigDecimal points, BigDecimal target, String targetText, String formula, String basis,
                            boolean judged, String direction, String directionText, String rule) {
    public static IndicatorView of(Indicator i, Formats f, RunCatalogue catalogue) {
        BigDecimal target = i.effectiveTarget();
        String direction = i.lowerIsBetter() ? Indicator.LOWER : Indicator.HIGHER;
        return new IndicatorView(i.id(), i.category(),
                Labels.getOrDefault(f.language(), "category." + i.category(), i.category()),
                i.name(f.language()), i.unit(), i.points(), target,
                target == null ? null : f.percentTrimmed(target),
                i.formula(f.language()), i.basis(), i.hasTargetStatus(), direction,
                i.isCount() ? null : Labels.get(f.language(), "direction." + direction),
                catalogue.ruleOfRate(i).map(Rule::id).orElse(null));
    }
}
