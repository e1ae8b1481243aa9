package vn.onestop.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import vn.onestop.core.calendar.WorkingCalendar;

class OfficeClockTest {
    private final WorkingCalendar calendar = WorkingCalendar.bundled();
    private final OfficeClock clock = new OfficeClock(calendar);

    @Test
    void workingDayArithmeticIsTheCoreCalendars() {
        for (LocalDate d = LocalDate.of(2023, 1, 1); d.isBefore(LocalDate.of(2026, 12, 1)); d = d.plusDays(3)) {
            assertEquals(calendar.isWorkingDay(d), clock.isWorkingDay(d), d.toString());
            assertEquals(calendar.addWorkingDays(d, 7), clock.plusWorkingDays(d, 7), d.toString());
        }
    }

    @Test
    void randomInstantsFallInOfficeHoursOfWorkingDaysStrictlyInside() {
        SplittableRandom rng = new SplittableRandom(1);
        LocalDateTime lo = LocalDateTime.of(2024, 2, 7, 16, 0);   // the eve of Tết 2024
        LocalDateTime hi = LocalDateTime.of(2024, 2, 16, 9, 0);
        for (int i = 0; i < 1_000; i++) {
            LocalDateTime t = clock.between(lo, hi, rng);
            assertTrue(t.isAfter(lo.plusSeconds(59)) && t.isBefore(hi.minusSeconds(59)), t.toString());
            assertTrue(calendar.isWorkingDay(t.toLocalDate()), t.toString());
            int minute = t.getHour() * 60 + t.getMinute();
            assertTrue((minute >= 450 && minute < 690) || (minute >= 810 && minute < 1015), t.toString());
        }
    }

    @Test
    void noOfficeTimeInsideARestDayWindow() {
        assertNull(clock.between(LocalDateTime.of(2024, 2, 10, 0, 0), LocalDateTime.of(2024, 2, 14, 23, 0),
                new SplittableRandom(1)));
    }
}
