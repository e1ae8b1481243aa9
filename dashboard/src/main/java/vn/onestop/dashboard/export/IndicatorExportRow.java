package vn.onestop.dashboard.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One row of the indicator export (indicators.md): one scope × period × indicator. {@code valuePct} is rounded
 * to 2 decimals half up and null for no data.
 */
public record IndicatorExportRow(LocalDate periodStart, LocalDate periodEnd, String agencyCode, String agencyName,
                                 String indicatorId, BigDecimal numerator, BigDecimal denominator,
                                 BigDecimal valuePct, BigDecimal points, BigDecimal maxPoints, String profile) {
    /** Column ids of the format, in order: the CSV header. */
    public static final String[] COLUMNS = {"period_start", "period_end", "agency_code", "agency_name",
        "indicator_id", "numerator", "denominator", "value_pct", "points", "max_points", "profile"};

    public IndicatorExportRow {
        valuePct = valuePct == null ? null : valuePct.setScale(2, RoundingMode.HALF_UP);
    }
}
