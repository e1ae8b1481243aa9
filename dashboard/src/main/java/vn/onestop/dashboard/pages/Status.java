package vn.onestop.dashboard.pages;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A value against its target, shown by colour and by words: Đạt at or beyond the target, Gần đạt within 10
 * points short of it, Chưa đạt further off, Không có dữ liệu without a value. Short of the target means below it
 * when higher is better and above it when lower is better.
 */
public enum Status {
    MET, NEAR, BELOW, NO_DATA;

    static final BigDecimal NEAR_MARGIN = BigDecimal.TEN;

    public static Status of(BigDecimal valuePct, BigDecimal targetPct) {
        return of(valuePct, targetPct, false);
    }

    public static Status of(BigDecimal valuePct, BigDecimal targetPct, boolean lowerIsBetter) {
        if (valuePct == null) {
            return NO_DATA;
        }
        BigDecimal shortfall = lowerIsBetter ? valuePct.subtract(targetPct) : targetPct.subtract(valuePct);
        if (shortfall.signum() <= 0) {
            return MET;
        }
        return shortfall.compareTo(NEAR_MARGIN) <= 0 ? NEAR : BELOW;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelKey() {
        return "status." + code();
    }
}
