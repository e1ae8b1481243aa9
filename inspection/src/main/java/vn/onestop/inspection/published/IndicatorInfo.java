package vn.onestop.inspection.published;

import java.math.BigDecimal;
import java.util.Set;

/**
 * An indicator of the run's catalogue ({@code pub_indicator}); {@code unitVi} is what a count counts when it is not
 * dossiers (the catalogue's {@code unit.vi}), else null.
 */
public record IndicatorInfo(String id, String category, String nameVi, String unit, BigDecimal points,
                            BigDecimal targetPct, String basis, boolean lowerIsBetter, int sortOrder, String unitVi) {
    private static final Set<String> INDEX_GROUPS =
            Set.of("transparency", "progress", "online", "payment", "digitization", "satisfaction");

    public boolean isPercent() {
        return "percent".equals(unit);
    }

    public boolean isCount() {
        return "count".equals(unit);
    }

    /** Judged against a target (Đạt / Gần đạt / Chưa đạt): rates of the 766 groups that carry points. */
    public boolean judged() {
        return INDEX_GROUPS.contains(category) && isPercent() && points != null;
    }

    /** The target of a judged indicator: the published one, 100 % when none is given (indicators.md). */
    public BigDecimal effectiveTarget() {
        return targetPct != null ? targetPct : judged() ? BigDecimal.valueOf(100) : null;
    }

    /** The unit in words for a spreadsheet column: a count counts dossiers unless the catalogue says otherwise. */
    public String unitWords() {
        if (unitVi != null && !unitVi.isBlank()) {
            return unitVi;
        }
        return switch (unit) {
            case "percent" -> "%";
            case "count" -> "hồ sơ";
            case "days" -> "ngày làm việc";
            case "score" -> "điểm";
            default -> unit;
        };
    }
}
