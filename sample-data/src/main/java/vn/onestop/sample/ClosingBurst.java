package vn.onestop.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The R10 pattern: an agency holds dossiers that are not yet due and closes them all on the last working day of a
 * quarter's month (March, June, September, December), in a few minutes of the afternoon, by one officer.
 */
final class ClosingBurst {
    /** Dossiers close enough to the burst day to be held for it. */
    static final int HOLD_DAYS = 31;
    private static final int PER_MINUTE = 40;

    private final List<LocalDate> days;
    private final int minutes;

    ClosingBurst(OfficeClock clock, LocalDate from, LocalDate to, double expectedPerBurst) {
        List<LocalDate> d = new ArrayList<>();
        for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
            if (m.getMonthValue() % 3 == 0) {
                LocalDate last = m.withDayOfMonth(m.lengthOfMonth());
                while (!clock.isWorkingDay(last)) {
                    last = last.minusDays(1);
                }
                if (!last.isBefore(from) && !last.isAfter(to)) {
                    d.add(last);
                }
            }
        }
        this.days = List.copyOf(d);
        this.minutes = (int) Math.max(1, Math.min(50, Math.ceil(expectedPerBurst / PER_MINUTE)));
    }

    /** The first burst day strictly after {@code day}, or null. */
    LocalDate firstAfter(LocalDate day) {
        for (LocalDate b : days) {
            if (b.isAfter(day)) {
                return b;
            }
        }
        return null;
    }

    /** A closing instant in the burst: 16:05 plus one of a few minutes, any second. */
    LocalDateTime closingInstant(LocalDate burstDay, SplittableRandom rng) {
        return burstDay.atTime(16, 5).plusMinutes(rng.nextInt(minutes)).plusSeconds(rng.nextInt(60));
    }
}
