package vn.onestop.dashboard.published;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A reporting period of the published values: its kind (month | quarter | year | range) and both ends, inclusive.
 * Calendar-aligned periods get short ids for URLs ({@code 2024-03}, {@code 2024-Q1}, {@code 2024}); others — months,
 * quarters and years clipped to a run's date range, official report periods cut off on the 14th — spell out kind
 * and dates.
 */
public record Period(String kind, LocalDate start, LocalDate end) {
    public static final String MONTH = "month";
    public static final String QUARTER = "quarter";
    public static final String YEAR = "year";
    public static final String RANGE = "range";

    private static final List<String> KIND_ORDER = List.of(MONTH, QUARTER, YEAR, RANGE);

    /** Longest first within a kind order that puts months first: the order of the period picker. */
    public static final Comparator<Period> PICKER_ORDER = Comparator
            .comparingInt((Period p) -> kindRank(p.kind()))
            .thenComparing(Period::start, Comparator.reverseOrder())
            .thenComparing(Period::end, Comparator.reverseOrder());

    private static int kindRank(String kind) {
        int i = KIND_ORDER.indexOf(kind);
        return i < 0 ? KIND_ORDER.size() : i;
    }

    public boolean isCalendarAligned() {
        if (start.getDayOfMonth() != 1) {
            return false;
        }
        return switch (kind) {
            case MONTH -> end.equals(start.plusMonths(1).minusDays(1));
            case QUARTER -> (start.getMonthValue() - 1) % 3 == 0 && end.equals(start.plusMonths(3).minusDays(1));
            case YEAR -> start.getMonthValue() == 1 && end.equals(start.plusYears(1).minusDays(1));
            default -> false;
        };
    }

    /**
     * Whether this is an official report period of Decree 09/2019 (cut off on the 14th): a month from the 15th of the
     * previous month, a quarter from the 15th of the month before it, a year from 15 December of the previous year.
     */
    public boolean isOfficialReportPeriod() {
        if (end.getDayOfMonth() != 14) {
            return false;
        }
        return switch (kind) {
            case MONTH -> start.equals(end.minusMonths(1).withDayOfMonth(15));
            case QUARTER -> end.getMonthValue() % 3 == 0 && start.equals(end.minusMonths(3).withDayOfMonth(15));
            case YEAR -> end.getMonthValue() == 12 && start.equals(end.minusYears(1).withDayOfMonth(15));
            default -> false;
        };
    }

    /** Quarter number 1–4 of the quarter this period reports on (its end date's quarter). */
    public int quarterOfEnd() {
        return (end.getMonthValue() - 1) / 3 + 1;
    }

    public String id() {
        if (isCalendarAligned()) {
            return switch (kind) {
                case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
                case QUARTER -> start.getYear() + "-Q" + quarterOfEnd();
                default -> String.valueOf(start.getYear());
            };
        }
        return kind + "_" + start + "_" + end;
    }

    /** Whether a month lies inside this period (for trends up to the selected period). */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
