package vn.onestop.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An indicator's value for a procedure or a field (lĩnh vực), at an agency or the province. */
public record DimensionValue(String dimension, String dimCode, String scopeCode, IndicatorValue.ScopeKind scopeKind,
                             String periodKind, LocalDate periodStart, LocalDate periodEnd, String indicatorId,
                             BigDecimal numerator, BigDecimal denominator, BigDecimal valuePct) {
}
