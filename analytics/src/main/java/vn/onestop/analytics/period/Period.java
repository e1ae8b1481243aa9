package vn.onestop.analytics.period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A reporting period, both ends inclusive. {@code idx} numbers periods of one kind (months since year 0, …) so
 * that a dossier's span of periods can be enumerated.
 */
public record Period(PeriodKind kind, int idx, LocalDate start, LocalDate end) {

    /**
     * The calendar months, quarters and years that overlap [from, to], each clipped to the range (no number ever
     * counts data outside the range asked for), and the range itself (decisions.md).
     */
    public static List<Period> covering(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends (" + to + ") before it starts (" + from + ")");
        }
        List<Period> out = new ArrayList<>();
        for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
            out.add(clip(PeriodKind.MONTH, m.getYear() * 12 + m.getMonthValue() - 1, m, m.plusMonths(1).minusDays(1),
                    from, to));
        }
        for (LocalDate q = quarterStart(from); !q.isAfter(to); q = q.plusMonths(3)) {
            out.add(clip(PeriodKind.QUARTER, q.getYear() * 4 + (q.getMonthValue() - 1) / 3, q,
                    q.plusMonths(3).minusDays(1), from, to));
        }
        for (LocalDate y = from.withDayOfYear(1); !y.isAfter(to); y = y.plusYears(1)) {
            out.add(clip(PeriodKind.YEAR, y.getYear(), y, y.plusYears(1).minusDays(1), from, to));
        }
        out.add(new Period(PeriodKind.RANGE, 0, from, to));
        return out;
    }

    /** Distinct (start, end) pairs in order: month, quarter, year and range rows that coincide are one period. */
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

    private static LocalDate quarterStart(LocalDate d) {
        return LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }

    private static Period clip(PeriodKind kind, int idx, LocalDate start, LocalDate end, LocalDate from, LocalDate to) {
        return new Period(kind, idx, start.isBefore(from) ? from : start, end.isAfter(to) ? to : end);
    }
}
