package vn.onestop.analytics.period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A reporting period, both ends inclusive. {@code idx} numbers the periods of one kind so that a dossier's span of
 * periods can be enumerated; models/case_period.sql computes the same numbers from dates.
 */
public record Period(PeriodKind kind, int idx, LocalDate start, LocalDate end) {

    /**
     * Every period of every kind that overlaps [from, to], each clipped to the range (no number ever counts data
     * outside the range asked for), then the range itself (decisions.md).
     */
    public static List<Period> covering(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends (" + to + ") before it starts (" + from + ")");
        }
        List<Period> out = new ArrayList<>();
        for (PeriodKind kind : PeriodKind.values()) {
            if (kind == PeriodKind.RANGE) {
                out.add(new Period(PeriodKind.RANGE, 0, from, to));
                continue;
            }
            int first = index(kind, from);
            int last = index(kind, to);
            for (int idx = first; idx <= last; idx++) {
                LocalDate start = start(kind, idx);
                LocalDate end = end(kind, idx);
                if (!start.isAfter(to) && !end.isBefore(from)) {
                    out.add(new Period(kind, idx, start.isBefore(from) ? from : start, end.isAfter(to) ? to : end));
                }
            }
        }
        return out;
    }

    /** True when the range cut this period short (a month, quarter, … not complete in the data). */
    public boolean isClipped() {
        return kind != PeriodKind.RANGE && (!start.equals(start(kind, idx)) || !end.equals(end(kind, idx)));
    }

    /** The periods of the given kinds only, in order. */
    public static List<Period> ofKinds(List<Period> periods, Set<PeriodKind> kinds) {
        return periods.stream().filter(p -> kinds.contains(p.kind())).toList();
    }

    /** Distinct (start, end) pairs in order: periods of several kinds that coincide are one period. */
    public static List<Period> distinctSpans(List<Period> periods) {
        Set<String> seen = new LinkedHashSet<>();
        List<Period> out = new ArrayList<>();
        for (Period p : periods) {
            if (seen.add(p.start + "/" + p.end)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Number of the report month a day belongs to: from the 15th a day counts in the next month's report. */
    static int reportMonth(LocalDate d) {
        return month(d) + (d.getDayOfMonth() >= 15 ? 1 : 0);
    }

    private static int month(LocalDate d) {
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    /** The index of the period of {@code kind} that holds {@code d} (for nine months: the report year's). */
    public static int index(PeriodKind kind, LocalDate d) {
        return switch (kind) {
            case MONTH -> month(d);
            case QUARTER -> month(d) / 3;
            case HALF -> month(d) / 6;
            case YEAR -> d.getYear();
            case REPORT_MONTH -> reportMonth(d);
            case REPORT_QUARTER -> Math.floorDiv(reportMonth(d), 3);
            case REPORT_HALF -> Math.floorDiv(reportMonth(d), 6);
            case REPORT_NINE_MONTHS, REPORT_YEAR -> Math.floorDiv(reportMonth(d), 12);
            case RANGE -> 0;
        };
    }

    private static LocalDate monthStart(int monthIdx) {
        return LocalDate.of(Math.floorDiv(monthIdx, 12), Math.floorMod(monthIdx, 12) + 1, 1);
    }

    /** First day of a report month: the 15th of the month before. */
    private static LocalDate reportMonthStart(int reportMonthIdx) {
        return monthStart(reportMonthIdx - 1).withDayOfMonth(15);
    }

    static LocalDate start(PeriodKind kind, int idx) {
        return switch (kind) {
            case MONTH -> monthStart(idx);
            case QUARTER -> monthStart(idx * 3);
            case HALF -> monthStart(idx * 6);
            case YEAR -> LocalDate.of(idx, 1, 1);
            case REPORT_MONTH -> reportMonthStart(idx);
            case REPORT_QUARTER -> reportMonthStart(idx * 3);
            case REPORT_HALF -> reportMonthStart(idx * 6);
            case REPORT_NINE_MONTHS, REPORT_YEAR -> reportMonthStart(idx * 12);
            case RANGE -> throw new IllegalArgumentException("a range has no index");
        };
    }

    static LocalDate end(PeriodKind kind, int idx) {
        return switch (kind) {
            case MONTH -> monthStart(idx + 1).minusDays(1);
            case QUARTER -> monthStart(idx * 3 + 3).minusDays(1);
            case HALF -> monthStart(idx * 6 + 6).minusDays(1);
            case YEAR -> LocalDate.of(idx, 12, 31);
            case REPORT_MONTH -> reportMonthStart(idx + 1).minusDays(1);
            case REPORT_QUARTER -> reportMonthStart(idx * 3 + 3).minusDays(1);
            case REPORT_HALF -> reportMonthStart(idx * 6 + 6).minusDays(1);
            case REPORT_NINE_MONTHS -> reportMonthStart(idx * 12 + 9).minusDays(1);
            case REPORT_YEAR -> reportMonthStart(idx * 12 + 12).minusDays(1);
            case RANGE -> throw new IllegalArgumentException("a range has no index");
        };
    }
}
