package vn.onestop.analytics.model;

import java.time.LocalDate;

/** Numerator and denominator of one indicator for one agency and period, as Spark counted them. */
public record Counts(String agencyCode, String periodKind, LocalDate periodStart, LocalDate periodEnd,
                     String indicatorId, long numerator, Long denominator) {
}
