package vn.onestop.analytics.period;

import java.util.Locale;

/**
 * Reporting period kinds computed for every run (calendar.md, "Reporting periods"): calendar periods, the official
 * report periods of Decree 09/2019 (data cut off on the 14th), and the range asked for.
 */
public enum PeriodKind {
    MONTH(false), QUARTER(false), HALF(false), YEAR(false),
    REPORT_MONTH(true), REPORT_QUARTER(true), REPORT_HALF(true), REPORT_NINE_MONTHS(true), REPORT_YEAR(true),
    RANGE(false);

    private final boolean report;

    PeriodKind(boolean report) {
        this.report = report;
    }

    /** True for the report periods of Decree 09/2019. */
    public boolean isReport() {
        return report;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
