package vn.onestop.inspection.evidence;

import java.math.BigDecimal;
import vn.onestop.inspection.published.IndicatorInfo;

/**
 * One indicator of an agency against its peers' median and its target. The value is the rate (or the mean, or for a
 * count the number); the assessment reads Đạt / Gần đạt (within 10 points) / Chưa đạt / Không có dữ liệu for judged
 * indicators and is empty for the others.
 */
public record IndicatorLine(IndicatorInfo indicator, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                            BigDecimal peersMedian, BigDecimal target, String assessment) {
    static final BigDecimal NEAR_MARGIN = BigDecimal.TEN;

    static String assess(IndicatorInfo i, BigDecimal value, BigDecimal target) {
        if (!i.judged()) {
            return value == null ? "Không có dữ liệu" : "";
        }
        if (value == null) {
            return "Không có dữ liệu";
        }
        BigDecimal shortfall = i.lowerIsBetter() ? value.subtract(target) : target.subtract(value);
        if (shortfall.signum() <= 0) {
            return "Đạt";
        }
        return shortfall.compareTo(NEAR_MARGIN) <= 0 ? "Gần đạt" : "Chưa đạt";
    }
}
