package vn.onestop.analytics.period;

/** Reporting period kinds computed for every run (calendar.md, "Reporting periods"). */
public enum PeriodKind {
    MONTH, QUARTER, YEAR, RANGE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
