package vn.onestop.analytics.model;

import java.time.LocalDate;

/** Numerator and denominator of one indicator for one agency, one procedure or field, and one period. */
public record DimensionCounts(String dimension, String dimCode, String agencyCode, String periodKind,
                              LocalDate periodStart, LocalDate periodEnd, String indicatorId, long numerator,
                              Long denominator) {
}
