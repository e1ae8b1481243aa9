package vn.onestop.analytics.period;

import java.util.Locale;

/**
 * Reporting period kinds computed for every run (calendar.md, "Reporting periods"): calendar periods, the official
 * report periods of Decree 09/2019 (data cut off on the 14th), and the range asked for.
 */
public enum PeriodKind {
    MONTH(false, 1), QUARTER(false, 3), HALF(false, 6), YEAR(false, 12),
    REPORT_MONTH(true, 1), REPORT_QUARTER(true, 3), REPORT_HALF(true, 6), REPORT_NINE_MONTHS(true, 12),
    REPORT_YEAR(true, 12),
    RANGE(false, 0);

    private final boolean report;
    private final int months;

    PeriodKind(boolean report, int months) {
        this.report = report;
        this.months = months;
    }

    /**
     * Months per period, so that a period's number is its first month's number divided by this (the nine months
     * of a report year are numbered by their year); 0 for the range, which is one period numbered 0.
     */
    public int months() {
        return months;
    }

    /** True for the report periods of Decree 09/2019. */
    public boolean isReport() {
        return report;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
