package vn.onestop.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One published number: a scope (agency, group or province) × period × indicator. {@code valuePct} null means
 * no data (empty denominator), never 0 %.
 */
public record IndicatorValue(String scopeCode, String scopeName, ScopeKind scopeKind, String periodKind,
                             LocalDate periodStart, LocalDate periodEnd, String indicatorId,
                             BigDecimal numerator, BigDecimal denominator, BigDecimal valuePct,
                             BigDecimal points, BigDecimal maxPoints) {

    public enum ScopeKind {
        PROVINCE, GROUP, AGENCY;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
