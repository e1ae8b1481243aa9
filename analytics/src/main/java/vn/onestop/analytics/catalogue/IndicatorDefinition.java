package vn.onestop.analytics.catalogue;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One indicator of the catalogue: its metadata and the SQL aggregate expressions of its numerator and denominator
 * over a fact view (DESIGN.md, principle 3: adding an indicator touches one file).
 *
 * @param points       points per profile (empty: the indicator scores no points, e.g. a rule rate)
 * @param target       the rate at which full points are earned, in percent (100 unless the catalogue says so)
 * @param multiplyBy   id of an indicator whose rate multiplies this one's (766.3.3 × 766.1.4), or null
 * @param floor        the lowest value the indicator takes (766.5.4 subtracts two rates from 100 %), or null
 * @param lowerIsBetter true for rule rates and handling time: the dashboard ranks and colours them the other way
 * @param denominator  null for a plain count
 * @param unitVi       what a count counts, in Vietnamese ({@code unit.vi}: "lượt thủ tục–tháng"); null for dossiers
 */
public record IndicatorDefinition(
        String id, String category, Unit unit, Map<String, BigDecimal> points, BigDecimal target, String multiplyBy,
        BigDecimal floor, boolean lowerIsBetter,
        String nameVi, String nameEn, String basis, String formulaVi, String formulaEn,
        String source, String numerator, String denominator, int sortOrder, String unitVi) {

    /** PERCENT: numerator ÷ denominator × 100; DAYS: a mean (766.2.2); COUNT: the numerator alone (06a). */
    public enum Unit { PERCENT, DAYS, COUNT }

    /** Points in a profile, or null when the indicator scores no points at all. */
    public BigDecimal pointsIn(String profile) {
        if (points.isEmpty()) {
            return null;
        }
        BigDecimal p = points.get(profile);
        return p != null ? p : points.get("*");
    }

    public boolean isIndex766() {
        return id.startsWith("766.");
    }
}
