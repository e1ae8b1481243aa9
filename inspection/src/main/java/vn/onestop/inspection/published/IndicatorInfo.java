package vn.onestop.inspection.published;

import java.math.BigDecimal;
import java.util.Set;

/** An indicator of the run's catalogue ({@code pub_indicator}). */
public record IndicatorInfo(String id, String category, String nameVi, String unit, BigDecimal points,
                            BigDecimal targetPct, String basis, boolean lowerIsBetter, int sortOrder) {
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

    /** The unit in words for a spreadsheet column: what a count counts (dossiers, R12's procedure-months, feedback). */
    public String unitWords() {
        return switch (unit) {
            case "percent" -> "%";
            case "count" -> id.equals("R12.count") ? "lượt thủ tục–tháng"
                    : id.startsWith("PAKN.") ? "phản ánh, kiến nghị" : "hồ sơ";
            case "days" -> "ngày làm việc";
            case "score" -> "điểm";
            default -> unit;
        };
    }
}
