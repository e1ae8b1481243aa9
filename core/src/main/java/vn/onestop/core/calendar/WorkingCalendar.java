package vn.onestop.core.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days of Vietnamese state bodies (spec/calendar.md): Monday–Friday, minus public holidays, plus make-up
 * Saturdays. The calendar is data, one file per year ({@code YYYY.csv}: {@code date,kind,name} with kind
 * {@code holiday} or {@code workday}); a date in a year without a file is an error.
 */
public final class WorkingCalendar implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int FIRST_BUNDLED_YEAR = 2020;
    public static final int LAST_BUNDLED_YEAR = 2027;

    private final Set<Integer> years;
    private final Map<LocalDate, Boolean> exceptions; // true = make-up working day, false = holiday
    private final Map<LocalDate, String> names;
    private final String origin;
    private final LocalTime dayStart;
    private final LocalTime dayEnd;

    private WorkingCalendar(Set<Integer> years, Map<LocalDate, Boolean> exceptions, Map<LocalDate, String> names,
                            String origin, LocalTime dayStart, LocalTime dayEnd) {
        this.years = years;
        this.exceptions = exceptions;
        this.names = names;
        this.origin = origin;
        this.dayStart = dayStart;
        this.dayEnd = dayEnd;
    }

    /** The calendars shipped with the product (2020–2027), working hours 08:00–17:00. */
    public static WorkingCalendar bundled() {
        Builder b = new Builder("classpath:calendar/");
        for (int year = FIRST_BUNDLED_YEAR; year <= LAST_BUNDLED_YEAR; year++) {
            try (InputStream in = WorkingCalendar.class.getResourceAsStream("/calendar/" + year + ".csv")) {
                if (in == null) {
                    throw new IllegalStateException("calendar/" + year + ".csv is missing from the build");
                }
                b.read(year, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b.build(LocalTime.of(8, 0), LocalTime.of(17, 0));
    }

    /** Every {@code YYYY.csv} file of a folder the user maintains. */
    public static WorkingCalendar fromFolder(Path dir, LocalTime dayStart, LocalTime dayEnd) {
        Builder b = new Builder(dir.toString());
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = f.getFileName().toString();
                if (name.matches("\\d{4}\\.csv")) {
                    try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                        b.read(Integer.parseInt(name.substring(0, 4)), r);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read calendar folder " + dir + ": " + e.getMessage(), e);
        }
        return b.build(dayStart, dayEnd);
    }

    /** Same holidays with other office hours (end of day is the default due time). */
    public WorkingCalendar withOfficeHours(LocalTime start, LocalTime end) {
        return new WorkingCalendar(years, exceptions, names, origin, start, end);
    }

    public LocalTime dayStart() {
        return dayStart;
    }

    public LocalTime dayEnd() {
        return dayEnd;
    }

    public Set<Integer> years() {
        return years;
    }

    public boolean covers(LocalDate day) {
        return years.contains(day.getYear());
    }

    public boolean isWorkingDay(LocalDate day) {
        if (!covers(day)) {
            throw new MissingCalendarYearException(day.getYear(), origin);
        }
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** Name of the holiday or make-up day, or null for an ordinary day. */
    public String describe(LocalDate day) {
        return names.get(day);
    }

    /** The day itself if it is a working day, else the next working day. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The n-th working day after {@code day0}; a {@code day0} on a rest day counts as received on the next
     * working day, which is then day 0 (calendar.md).
     */
    public LocalDate addWorkingDays(LocalDate day0, int n) {
        LocalDate d = onOrAfter(day0);
        for (int i = 0; i < n; i++) {
            d = d.plusDays(1);
            while (!isWorkingDay(d)) {
                d = d.plusDays(1);
            }
        }
        return d;
    }

    /** The n-th working day strictly before {@code day}. */
    public LocalDate workingDaysBefore(LocalDate day, int n) {
        LocalDate d = day;
        for (int i = 0; i < n; i++) {
            d = d.minusDays(1);
            while (!isWorkingDay(d)) {
                d = d.minusDays(1);
            }
        }
        return d;
    }

    /**
     * Deadline "n working days before" a due time: step back n working days from the day of {@code dueAt}, end of
     * that day (calendar.md: due Monday 10:00, 1 day before → the preceding Friday 17:00).
     */
    public LocalDateTime deadlineBefore(LocalDateTime dueAt, int n) {
        return workingDaysBefore(dueAt.toLocalDate(), n).atTime(dayEnd);
    }

    /** Number of working days d with {@code from < d <= to} (0 when {@code to <= from}). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Promised return time computed from the legal handling time when the source gives none (calendar.md):
     * working days → end of the n-th working day after reception; calendar days and months on the calendar, end
     * of day; hours → working hours within office hours.
     */
    public LocalDateTime dueAt(LocalDateTime receivedAt, long duration, DurationUnit unit) {
        switch (unit) {
            case WORKING_DAYS:
                return addWorkingDays(receivedAt.toLocalDate(), Math.toIntExact(duration)).atTime(dayEnd);
            case DAYS:
                return receivedAt.toLocalDate().plusDays(duration).atTime(dayEnd);
            case MONTHS:
                return receivedAt.toLocalDate().plusMonths(duration).atTime(dayEnd);
            case HOURS:
                return addWorkingHours(receivedAt, Duration.ofHours(duration));
            default:
                throw new IllegalArgumentException("unit " + unit);
        }
    }

    private LocalDateTime addWorkingHours(LocalDateTime start, Duration amount) {
        LocalDateTime t = start;
        if (!isWorkingDay(t.toLocalDate()) || t.toLocalTime().isAfter(dayEnd)) {
            t = addWorkingDays(t.toLocalDate().plusDays(1), 0).atTime(dayStart);
        } else if (t.toLocalTime().isBefore(dayStart)) {
            t = t.toLocalDate().atTime(dayStart);
        }
        Duration left = amount;
        while (true) {
            Duration rest = Duration.between(t.toLocalTime(), dayEnd);
            if (left.compareTo(rest) <= 0) {
                return t.plus(left);
            }
            left = left.minus(rest);
            t = addWorkingDays(t.toLocalDate(), 1).atTime(dayStart);
        }
    }

    private static final class Builder {
        private final Set<Integer> years = new TreeSet<>();
        private final Map<LocalDate, Boolean> exceptions = new HashMap<>();
        private final Map<LocalDate, String> names = new HashMap<>();
        private final String origin;

        Builder(String origin) {
            this.origin = origin;
        }

        void read(int year, BufferedReader reader) throws IOException {
            years.add(year);
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("date,")) {
                    continue;
                }
                String[] parts = trimmed.split(",", 3);
                String where = origin + year + ".csv line " + lineNo;
                if (parts.length < 2) {
                    throw new IllegalArgumentException(where + ": expected date,kind,name but got '" + line + "'");
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(parts[0].strip());
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(where + ": '" + parts[0] + "' is not a date (YYYY-MM-DD)");
                }
                if (date.getYear() != year) {
                    throw new IllegalArgumentException(where + ": " + date + " is not in " + year);
                }
                switch (parts[1].strip()) {
                    case "holiday" -> exceptions.put(date, false);
                    case "workday" -> exceptions.put(date, true);
                    default -> throw new IllegalArgumentException(
                            where + ": kind must be 'holiday' or 'workday', not '" + parts[1] + "'");
                }
                if (parts.length == 3) {
                    names.put(date, parts[2].strip());
                }
            }
        }

        WorkingCalendar build(LocalTime dayStart, LocalTime dayEnd) {
            return new WorkingCalendar(Set.copyOf(years), Map.copyOf(exceptions), Map.copyOf(names), origin,
                    dayStart, dayEnd);
        }
    }
}
