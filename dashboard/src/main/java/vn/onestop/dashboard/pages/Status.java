package vn.onestop.dashboard.pages;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A value against its target, shown by colour and by words: Đạt at or above the target, Gần đạt within 10
 * points below it, Chưa đạt further below, Không có dữ liệu without a value.
 */
public enum Status {
    MET, NEAR, BELOW, NO_DATA;

    static final BigDecimal NEAR_MARGIN = BigDecimal.TEN;

    public static Status of(BigDecimal valuePct, BigDecimal targetPct) {
        if (valuePct == null) {
            return NO_DATA;
        }
        if (valuePct.compareTo(targetPct) >= 0) {
            return MET;
        }
        return valuePct.compareTo(targetPct.subtract(NEAR_MARGIN)) >= 0 ? NEAR : BELOW;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelKey() {
        return "status." + code();
    }
}
