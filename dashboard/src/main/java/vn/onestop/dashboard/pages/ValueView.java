package vn.onestop.dashboard.pages;

import java.math.BigDecimal;
import vn.onestop.dashboard.published.Indicator;
import vn.onestop.dashboard.published.PubValue;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Labels;

/**
 * One value as pages show it: the published numbers unchanged (null = no data), the headline number pages sort
 * by, its text in the viewer's language, what it counts ("40 / 44"), and its status or rating band.
 */
public record ValueView(String indicatorId, BigDecimal numerator, BigDecimal denominator, BigDecimal valuePct,
                        BigDecimal points, BigDecimal maxPoints, BigDecimal headline, String text,
                        String numeratorText, String denominatorText, String detail, String status,
                        String statusText, String band, String bandText) {

    /** The view of a value; {@code value} null (no row published) reads as no data. */
    public static ValueView of(Indicator indicator, PubValue value, Formats f) {
        PubValue v = value != null ? value
                : new PubValue(null, null, indicator.id(), null, null, null, null, null);
        BigDecimal headline = v.headline(indicator);
        String status = null;
        String statusText = null;
        if (indicator.hasTargetStatus()) {
            Status s = Status.of(headline, indicator.effectiveTarget(), indicator.lowerIsBetter());
            status = s.code();
            statusText = Labels.get(f.language(), s.labelKey());
        }
        String band = null;
        String bandText = null;
        if (Indicator.CATEGORY_TOTAL.equals(indicator.category())) {
            RatingBand b = RatingBand.of(headline);
            band = b == null ? null : b.code();
            bandText = b == null ? null : Labels.get(f.language(), b.labelKey());
        }
        return new ValueView(indicator.id(), v.numerator(), v.denominator(), v.valuePct(), v.points(), v.maxPoints(),
                headline, text(indicator, headline, f), countText(v.numerator(), f), countText(v.denominator(), f),
                detail(indicator, v, f), status, statusText, band, bandText);
    }

    private static String text(Indicator indicator, BigDecimal headline, Formats f) {
        if (headline == null) {
            return f.noData();
        }
        return switch (indicator.unit()) {
            case Indicator.UNIT_PERCENT -> f.percent(headline);
            case Indicator.UNIT_COUNT -> f.count(headline);
            case Indicator.UNIT_SCORE -> f.decimal(headline, 2);
            default -> withUnit(indicator, headline, f);
        };
    }

    /** A number with its unit in words: {@code 4,5 ngày làm việc}. */
    static String withUnit(Indicator indicator, BigDecimal n, Formats f) {
        return f.trimmed(n) + " " + Labels.getOrDefault(f.language(), "unit." + indicator.unit(), indicator.unit());
    }

    private static String countText(BigDecimal n, Formats f) {
        return n == null ? null : f.count(n);
    }

    /** What the number counts: numerator / denominator, or for the total, score / available maximum. */
    private static String detail(Indicator indicator, PubValue v, Formats f) {
        if (Indicator.CATEGORY_TOTAL.equals(indicator.category())) {
            return v.points() == null || v.maxPoints() == null ? null
                    : f.trimmed(v.points()) + " / " + f.trimmed(v.maxPoints()) + " " + Labels.get(f.language(), "unit.points");
        }
        if (indicator.isCount() || v.numerator() == null) {
            return null;
        }
        if (Indicator.UNIT_DAYS.equals(indicator.unit())) {
            return Labels.format(f.language(), "value.days_detail", f.trimmed(v.numerator()),
                    v.denominator() == null ? "" : f.count(v.denominator()));
        }
        return f.count(v.numerator()) + (v.denominator() == null ? "" : " / " + f.count(v.denominator()));
    }
}
