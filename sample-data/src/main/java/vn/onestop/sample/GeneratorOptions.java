package vn.onestop.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import vn.onestop.core.calendar.WorkingCalendar;

/**
 * What to generate: the random seed, the number of dossiers, the reception window and how many deliberately invalid
 * case rows to mix in. Same options ⇒ byte-identical files.
 */
public record GeneratorOptions(long seed, long cases, LocalDate from, LocalDate to, int badRows) {
    public static final long DEFAULT_SEED = 766;
    public static final long DEFAULT_CASES = 10_000;
    public static final LocalDate DEFAULT_FROM = LocalDate.of(2023, 1, 1);
    public static final LocalDate DEFAULT_TO = LocalDate.of(2026, 10, 31);

    public GeneratorOptions {
        if (cases < 0) {
            throw new IllegalArgumentException("cases must be >= 0, not " + cases);
        }
        if (badRows < 0) {
            throw new IllegalArgumentException("badRows must be >= 0, not " + badRows);
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("need from <= to, got from=" + from + " to=" + to);
        }
        // Deadlines and late finishes run past the data end: the calendar must cover the year after `to`.
        if (from.getYear() < WorkingCalendar.FIRST_BUNDLED_YEAR || to.getYear() + 1 > WorkingCalendar.LAST_BUNDLED_YEAR) {
            throw new IllegalArgumentException("from/to must lie within " + WorkingCalendar.FIRST_BUNDLED_YEAR + "-01-01 .. "
                    + (WorkingCalendar.LAST_BUNDLED_YEAR - 1) + "-12-31 (the bundled working-day calendar covers "
                    + WorkingCalendar.FIRST_BUNDLED_YEAR + "–" + WorkingCalendar.LAST_BUNDLED_YEAR
                    + " and deadlines run into the following year), got " + from + " .. " + to);
        }
    }

    public static GeneratorOptions defaults() {
        return new GeneratorOptions(DEFAULT_SEED, DEFAULT_CASES, DEFAULT_FROM, DEFAULT_TO, 0);
    }

    public GeneratorOptions withSeed(long newSeed) {
        return new GeneratorOptions(newSeed, cases, from, to, badRows);
    }

    public GeneratorOptions withCases(long newCases) {
        return new GeneratorOptions(seed, newCases, from, to, badRows);
    }

    public GeneratorOptions withBadRows(int newBadRows) {
        return new GeneratorOptions(seed, cases, from, to, newBadRows);
    }

    /** The data end: the state of every dossier is as of {@code to} 23:59:59; nothing is later. */
    public LocalDateTime dataEnd() {
        return to.atTime(LocalTime.of(23, 59, 59));
    }
}
