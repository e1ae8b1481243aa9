package vn.onestop.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import vn.onestop.core.calendar.WorkingCalendar;

/**
 * Office hours on the working days of the core calendar (07:30–11:30, 13:30–16:55): where staff actions fall.
 * Keeps a day-indexed copy of {@link WorkingCalendar#isWorkingDay} because the generator asks millions of times.
 */
final class OfficeClock {
    private static final int[][] SEGMENTS = {{7 * 3600 + 30 * 60, 11 * 3600 + 30 * 60}, {13 * 3600 + 30 * 60, 16 * 3600 + 55 * 60}};
    private static final int MAX_SCAN_DAYS = 800;

    private final WorkingCalendar calendar;
    private final long firstDay;
    private final boolean[] working;

    OfficeClock(WorkingCalendar calendar) {
        this.calendar = calendar;
        int first = calendar.years().stream().min(Integer::compare).orElseThrow();
        int last = calendar.years().stream().max(Integer::compare).orElseThrow();
        this.firstDay = LocalDate.of(first, 1, 1).toEpochDay();
        this.working = new boolean[(int) (LocalDate.of(last, 12, 31).toEpochDay() - firstDay + 1)];
        for (int i = 0; i < working.length; i++) {
            LocalDate d = LocalDate.ofEpochDay(firstDay + i);
            working[i] = calendar.covers(d) && calendar.isWorkingDay(d);
        }
    }

    WorkingCalendar calendar() {
        return calendar;
    }

    boolean isWorkingDay(LocalDate day) {
        long i = day.toEpochDay() - firstDay;
        if (i < 0 || i >= working.length) {
            return calendar.isWorkingDay(day); // throws the calendar's own "missing year" error
        }
        return working[(int) i];
    }

    LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Same arithmetic as {@link WorkingCalendar#addWorkingDays}. */
    LocalDate plusWorkingDays(LocalDate day0, int n) {
        LocalDate d = onOrAfter(day0);
        for (int i = 0; i < n; i++) {
            d = onOrAfter(d.plusDays(1));
        }
        return d;
    }

    /** A random office-hours instant on a working day. */
    LocalDateTime randomOn(LocalDate day, SplittableRandom rng) {
        return between(day.atStartOfDay(), day.plusDays(1).atStartOfDay(), rng);
    }

    /**
     * A random office-hours instant on a working day, at least a minute after {@code lo} and a minute before
     * {@code hi}; null when there is none.
     */
    LocalDateTime between(LocalDateTime lo, LocalDateTime hi, SplittableRandom rng) {
        LocalDateTime a = lo.plusMinutes(1);
        LocalDateTime b = hi.minusMinutes(1);
        if (!a.isBefore(b)) {
            return null;
        }
        long firstEpoch = a.toLocalDate().toEpochDay();
        int span = (int) Math.min(MAX_SCAN_DAYS, b.toLocalDate().toEpochDay() - firstEpoch + 1);
        int workingDays = 0;
        for (int i = 0; i < span; i++) {
            if (isWorkingDay(LocalDate.ofEpochDay(firstEpoch + i))) {
                workingDays++;
            }
        }
        if (workingDays == 0) {
            return null;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            LocalDate day = nthWorkingDay(firstEpoch, span, rng.nextInt(workingDays));
            LocalDateTime t = pickWithin(day, a, b, rng);
            if (t != null) {
                return t;
            }
        }
        for (int i = 0; i < span; i++) {
            LocalDate day = LocalDate.ofEpochDay(firstEpoch + i);
            if (isWorkingDay(day)) {
                LocalDateTime t = pickWithin(day, a, b, rng);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** The first office-hours instant at or after {@code t}. */
    LocalDateTime atOrAfter(LocalDateTime t) {
        LocalDate day = t.toLocalDate();
        int sec = t.toLocalTime().toSecondOfDay();
        while (true) {
            if (isWorkingDay(day)) {
                for (int[] seg : SEGMENTS) {
                    if (sec < seg[1]) {
                        return day.atStartOfDay().plusSeconds(Math.max(sec, seg[0]));
                    }
                }
            }
            day = day.plusDays(1);
            sec = 0;
        }
    }

    private LocalDate nthWorkingDay(long firstEpoch, int span, int n) {
        int seen = 0;
        for (int i = 0; i < span; i++) {
            LocalDate d = LocalDate.ofEpochDay(firstEpoch + i);
            if (isWorkingDay(d) && seen++ == n) {
                return d;
            }
        }
        throw new IllegalStateException("working day " + n + " not found");
    }

    private static LocalDateTime pickWithin(LocalDate day, LocalDateTime a, LocalDateTime b, SplittableRandom rng) {
        int lo = day.equals(a.toLocalDate()) ? a.toLocalTime().toSecondOfDay() : 0;
        int hi = day.equals(b.toLocalDate()) ? b.toLocalTime().toSecondOfDay() : 86_400;
        int total = 0;
        int[] from = new int[SEGMENTS.length];
        int[] len = new int[SEGMENTS.length];
        for (int s = 0; s < SEGMENTS.length; s++) {
            from[s] = Math.max(lo, SEGMENTS[s][0]);
            len[s] = Math.max(0, Math.min(hi, SEGMENTS[s][1]) - from[s]);
            total += len[s];
        }
        if (total <= 0) {
            return null;
        }
        int r = rng.nextInt(total);
        for (int s = 0; s < SEGMENTS.length; s++) {
            if (r < len[s]) {
                return day.atStartOfDay().plusSeconds(from[s] + r);
            }
            r -= len[s];
        }
        throw new IllegalStateException();
    }
}
