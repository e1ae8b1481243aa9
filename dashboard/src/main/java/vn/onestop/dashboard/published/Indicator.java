package vn.onestop.dashboard.published;

import java.math.BigDecimal;
import java.util.Set;
import vn.onestop.dashboard.text.Language;

/** One entry of the published catalogue ({@code pub_indicator}): what a number means, beside the number. */
public record Indicator(String id, String category, String nameVi, String nameEn, String unit, BigDecimal points,
                        BigDecimal targetPct, String basis, String formulaVi, String formulaEn, int sortOrder,
                        String direction) {
    public static final String UNIT_PERCENT = "percent";
    public static final String UNIT_COUNT = "count";
    public static final String UNIT_SCORE = "score";
    public static final String UNIT_DAYS = "days";
    public static final String HIGHER = "higher";
    public static final String LOWER = "lower";
    public static final String CATEGORY_TOTAL = "total";
    public static final String CATEGORY_RULE = "rule";
    public static final String CATEGORY_REPORT06 = "report06";

    /** The six published groups of the Decision 766 index. */
    private static final Set<String> INDEX_GROUPS =
            Set.of("transparency", "progress", "online", "payment", "digitization", "satisfaction");

    private static final BigDecimal DEFAULT_TARGET = BigDecimal.valueOf(100);

    public String name(Language language) {
        return language == Language.EN && nameEn != null && !nameEn.isBlank() ? nameEn : nameVi;
    }

    public String formula(Language language) {
        return language == Language.EN && formulaEn != null && !formulaEn.isBlank() ? formulaEn : formulaVi;
    }

    public boolean isIndexIndicator() {
        return INDEX_GROUPS.contains(category);
    }

    /**
     * Whether a value of this indicator is judged against a target (Đạt / Gần đạt / Chưa đạt): rates of the 766
     * groups that carry points. Informative values without points (766.5.1, the mean handling time 766.2.2),
     * counts, rule rates and the total (rated by band) are not.
     */
    public boolean hasTargetStatus() {
        return isIndexIndicator() && UNIT_PERCENT.equals(unit) && points != null;
    }

    /** The target of a judged indicator: the published one, 100 % when none is given (indicators.md). */
    public BigDecimal effectiveTarget() {
        return targetPct != null ? targetPct : hasTargetStatus() ? DEFAULT_TARGET : null;
    }

    /** Which way is better, as published ({@code pub_indicator.direction}). */
    public boolean lowerIsBetter() {
        return LOWER.equals(direction);
    }

    public boolean isCount() {
        return UNIT_COUNT.equals(unit);
    }
}
