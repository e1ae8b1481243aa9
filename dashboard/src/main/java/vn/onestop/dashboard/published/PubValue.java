package vn.onestop.dashboard.published;

import java.math.BigDecimal;

/**
 * One published value of one scope (agency, group or province) and indicator in a period. {@code valuePct} null
 * means no data (an empty denominator), never 0 %.
 */
public record PubValue(String scopeCode, String scopeKind, String indicatorId, BigDecimal numerator,
                       BigDecimal denominator, BigDecimal valuePct, BigDecimal points, BigDecimal maxPoints) {
    public static final String AGENCY = "agency";
    public static final String GROUP = "group";
    public static final String PROVINCE = "province";

    /** The number a value stands for: the count for count indicators (06a/06b columns), else the rate or score. */
    public BigDecimal headline(Indicator indicator) {
        return indicator.isCount() ? numerator : valuePct;
    }
}
