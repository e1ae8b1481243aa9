package vn.onestop.sample;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * How many dossiers arrive each day: busy Mondays, quiet Fridays, fewer around Tết, a steady growth, a dip in the
 * first weeks after the 2025 reorganisation, and only online submissions on rest days. The counts add up to the
 * requested total exactly.
 */
final class DailyVolume {
    private static final double REST_DAY = 0.12;
    private static final double[] MONTH = {1.08, 0.92, 1.02, 1.0, 0.98, 1.0, 1.0, 0.97, 1.0, 1.02, 1.04, 1.08};

    private final LocalDate from;
    private final long[] counts;

    DailyVolume(OfficeClock clock, LocalDate from, LocalDate to, long total) {
        this.from = from;
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        Map<Integer, LocalDate[]> tet = tetHolidays(clock, from.getYear(), to.getYear());
        double[] cumulative = new double[days];
        double sum = 0;
        for (int i = 0; i < days; i++) {
            sum += weight(clock, from.plusDays(i), tet);
            cumulative[i] = sum;
        }
        this.counts = new long[days];
        long previous = 0;
        for (int i = 0; i < days; i++) {
            long upTo = i == days - 1 ? total : (long) Math.floor(total * (cumulative[i] / sum));
            counts[i] = upTo - previous;
            previous = upTo;
        }
    }

    long count(LocalDate day) {
        return counts[(int) ChronoUnit.DAYS.between(from, day)];
    }

    private static double weight(OfficeClock clock, LocalDate day, Map<Integer, LocalDate[]> tet) {
        double trend = 1 + 0.08 * ChronoUnit.DAYS.between(LocalDate.of(2023, 1, 1), day) / 365.0;
        if (!clock.isWorkingDay(day)) {
            return REST_DAY * trend;
        }
        double w = trend * MONTH[day.getMonthValue() - 1] * switch (day.getDayOfWeek()) {
            case MONDAY -> 1.18;
            case TUESDAY -> 1.06;
            case WEDNESDAY -> 1.0;
            case THURSDAY -> 0.98;
            case FRIDAY -> 0.88;
            default -> 0.7; // a make-up Saturday
        };
        LocalDate[] t = tet.get(day.getYear());
        if (t != null && !day.isBefore(t[0].minusDays(7)) && !day.isAfter(t[1].plusDays(7))) {
            w *= 0.55;
        }
        if (!day.isBefore(Province.REORGANISED_ON) && day.isBefore(Province.REORGANISED_ON.plusDays(14))) {
            w *= 0.8;
        }
        return w;
    }

    /** First and last day of each year's Tết holiday, as named in the calendar files. */
    private static Map<Integer, LocalDate[]> tetHolidays(OfficeClock clock, int firstYear, int lastYear) {
        Map<Integer, LocalDate[]> out = new HashMap<>();
        for (int y = firstYear; y <= lastYear; y++) {
            for (LocalDate d = LocalDate.of(y, 1, 1); d.getYear() == y; d = d.plusDays(1)) {
                String name = clock.calendar().describe(d);
                if (name != null && name.contains("Tết Nguyên đán")) {
                    LocalDate[] range = out.computeIfAbsent(y, k -> new LocalDate[] {null, null});
                    range[0] = range[0] == null ? d : range[0];
                    range[1] = d;
                }
            }
        }
        return out;
    }
}
