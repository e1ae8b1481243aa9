package vn.onestop.dashboard.published;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A reporting period of the published run ({@code pub_period}): its kind, both ends (inclusive), whether it is an
 * official report period of Decree 09/2019 (data cut off on the 14th) and whether the run's range cut it short.
 * Whole periods get short ids for URLs — calendar {@code 2024-03}, {@code 2024-Q1}, {@code 2024-H1}, {@code 2024};
 * report periods {@code bc-2024-03}, {@code bc-2024-Q1}, {@code bc-2024-H1}, {@code bc-2024-9M}, {@code bc-2024} —
 * named, like the offices name them, for the month, quarter, half or year they report on. A clipped period or a
 * range spells out kind and dates ({@code range_2024-01-01_2024-11-21}); that long form is accepted for any period.
 */
public record Period(String kind, LocalDate start, LocalDate end, boolean report, boolean clipped) {
    public static final String MONTH = "month";
    public static final String QUARTER = "quarter";
    public static final String HALF = "half";
    public static final String YEAR = "year";
    public static final String REPORT_MONTH = "report_month";
    public static final String REPORT_QUARTER = "report_quarter";
    public static final String REPORT_HALF = "report_half";
    public static final String REPORT_NINE_MONTHS = "report_nine_months";
    public static final String REPORT_YEAR = "report_year";
    public static final String RANGE = "range";

    /** Calendar kinds first, then the report kinds: the order of the period picker's two groups. */
    public static final List<String> KIND_ORDER = List.of(MONTH, QUARTER, HALF, YEAR, RANGE, REPORT_MONTH,
            REPORT_QUARTER, REPORT_HALF, REPORT_NINE_MONTHS, REPORT_YEAR);

    private static final List<String> REPORT_KINDS =
            List.of(REPORT_MONTH, REPORT_QUARTER, REPORT_HALF, REPORT_NINE_MONTHS, REPORT_YEAR);
    private static final String REPORT_ID_PREFIX = "bc-";

    /** Within each kind, the latest first: the order of the period picker. */
    public static final Comparator<Period> PICKER_ORDER = Comparator
            .comparingInt((Period p) -> kindRank(p.kind()))
            .thenComparing(Period::start, Comparator.reverseOrder())
            .thenComparing(Period::end, Comparator.reverseOrder());

    /** A whole period of a kind, as the publisher writes it (tests and fixtures). */
    public Period(String kind, LocalDate start, LocalDate end) {
        this(kind, start, end, REPORT_KINDS.contains(kind), false);
    }

    private static int kindRank(String kind) {
        int i = KIND_ORDER.indexOf(kind);
        return i < 0 ? KIND_ORDER.size() : i;
    }

    /**
     * The calendar month a period is named after: its start's month for calendar periods; for report periods the
     * month whose report the start belongs to (from the 15th a day counts in the next month's report).
     */
    public LocalDate namedMonth() {
        LocalDate first = start.withDayOfMonth(1);
        return report && start.getDayOfMonth() >= 15 ? first.plusMonths(1) : first;
    }

    /** Quarter 1–4 of the named month. */
    public int quarter() {
        return (namedMonth().getMonthValue() - 1) / 3 + 1;
    }

    /** Half 1–2 of the named month. */
    public int half() {
        return namedMonth().getMonthValue() <= 6 ? 1 : 2;
    }

    public int year() {
        return namedMonth().getYear();
    }

    public String id() {
        if (clipped || RANGE.equals(kind) || !KIND_ORDER.contains(kind)) {
            return longId();
        }
        String prefix = report ? REPORT_ID_PREFIX : "";
        return prefix + switch (kind) {
            case MONTH, REPORT_MONTH -> String.format("%d-%02d", year(), namedMonth().getMonthValue());
            case QUARTER, REPORT_QUARTER -> year() + "-Q" + quarter();
            case HALF, REPORT_HALF -> year() + "-H" + half();
            case REPORT_NINE_MONTHS -> year() + "-9M";
            default -> String.valueOf(year());
        };
    }

    /** {@code kind_start_end}: unambiguous for every period, whole or clipped. */
    public String longId() {
        return kind + "_" + start + "_" + end;
    }

    /** Whether a day lies inside this period (for trends up to the selected period). */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
