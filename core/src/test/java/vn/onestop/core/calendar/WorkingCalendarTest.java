package vn.onestop.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingCalendarTest {
    private final WorkingCalendar cal = WorkingCalendar.bundled();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static LocalDateTime t(String iso) {
        return LocalDateTime.parse(iso);
    }

    @Test
    void weekendsAreRestDaysAndWeekdaysWorkingDays() {
        assertFalse(cal.isWorkingDay(d("2024-03-09")), "Saturday");
        assertFalse(cal.isWorkingDay(d("2024-03-10")), "Sunday");
        assertTrue(cal.isWorkingDay(d("2024-03-11")), "Monday");
    }

    @Test
    void tet2024IsOffFromThursday8ToWednesday14February() {
        for (String day : new String[] {"2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"}) {
            assertFalse(cal.isWorkingDay(d(day)), day);
        }
        assertTrue(cal.isWorkingDay(d("2024-02-07")));
        assertTrue(cal.isWorkingDay(d("2024-02-15")));
    }

    @Test
    void tet2025IsOffFrom27To31JanuaryWithSaturday8FebruaryWorked() {
        for (String day : new String[] {"2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"}) {
            assertFalse(cal.isWorkingDay(d(day)), day);
        }
        assertTrue(cal.isWorkingDay(d("2025-02-08")), "make-up Saturday");
        assertFalse(cal.isWorkingDay(d("2025-02-15")), "an ordinary Saturday");
    }

    @Test
    void makeUpSaturdaysAreWorkingDays() {
        assertTrue(cal.isWorkingDay(d("2024-05-04")), "worked for Monday 29 April 2024");
        assertFalse(cal.isWorkingDay(d("2024-04-29")));
        assertTrue(cal.isWorkingDay(d("2026-08-22")), "worked for Monday 31 August 2026");
        assertFalse(cal.isWorkingDay(d("2026-08-31")));
    }

    @Test
    void dueDateOfTheSpecExampleSkipsTet() {
        // calendar.md: received Thu 1 Feb 2024 10:00, 5 working days, Tết off 8–14 Feb → due Thu 15 Feb 17:00
        assertEquals(t("2024-02-15T17:00"), cal.dueAt(t("2024-02-01T10:00"), 5, DurationUnit.WORKING_DAYS));
    }

    @Test
    void aDossierReceivedOnARestDayCountsFromTheNextWorkingDay() {
        // Saturday 2 March 2024 → day 0 is Monday 4 March; 3 working days → Thursday 7 March.
        assertEquals(t("2024-03-07T17:00"), cal.dueAt(t("2024-03-02T09:00"), 3, DurationUnit.WORKING_DAYS));
    }

    @Test
    void aMakeUpSaturdayCountsAsAWorkingDayInDeadlines() {
        // Fri 3 May 2024 + 1 working day = Sat 4 May (make-up day), not Mon 6 May.
        assertEquals(d("2024-05-04"), cal.addWorkingDays(d("2024-05-03"), 1));
    }

    @Test
    void calendarDaysAndMonthsCountOnTheCalendar() {
        assertEquals(t("2024-02-11T17:00"), cal.dueAt(t("2024-02-01T10:00"), 10, DurationUnit.DAYS));
        assertEquals(t("2024-03-01T17:00"), cal.dueAt(t("2024-02-01T10:00"), 1, DurationUnit.MONTHS));
    }

    @Test
    void hoursCountWorkingHoursAcrossTheNight() {
        // 16:00 + 8 working hours = 1 hour on Thursday, then 7 hours from 08:00 Friday → Friday 15:00.
        assertEquals(t("2024-03-08T15:00"), cal.dueAt(t("2024-03-07T16:00"), 8, DurationUnit.HOURS));
        // Friday 16:30 + 2 hours → 0.5 h Friday, 1.5 h Monday → Monday 09:30.
        assertEquals(t("2024-03-11T09:30"), cal.dueAt(t("2024-03-08T16:30"), 2, DurationUnit.HOURS));
    }

    @Test
    void apologyDeadlineForADossierDueMondayIsThePrecedingFridayEndOfDay() {
        assertEquals(t("2024-03-08T17:00"), cal.deadlineBefore(t("2024-03-11T10:00"), 1));
        // Due Thursday 15 Feb 2024, the first working day after Tết → Wednesday 7 Feb.
        assertEquals(t("2024-02-07T17:00"), cal.deadlineBefore(t("2024-02-15T17:00"), 1));
    }

    @Test
    void workingDaysBetweenCountsTheDaysAfterTheStart() {
        assertEquals(1, cal.workingDaysBetween(d("2024-02-07"), d("2024-02-15")));
        assertEquals(0, cal.workingDaysBetween(d("2024-02-15"), d("2024-02-15")));
    }

    @Test
    void aYearWithoutACalendarFileIsAnErrorNamingTheYear() {
        var e = assertThrows(MissingCalendarYearException.class, () -> cal.isWorkingDay(d("2031-03-03")));
        assertEquals(2031, e.year());
        assertTrue(e.getMessage().contains("calendar/2031.csv"), e.getMessage());
    }

    @Test
    void bundledCalendarsCover2020To2027() {
        for (int y = 2020; y <= 2027; y++) {
            assertTrue(cal.covers(d(y + "-06-01")), "year " + y);
        }
    }

    @Test
    void aUserFolderReplacesTheBundledCalendar(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2030.csv"), "date,kind,name\n2030-01-01,holiday,Tết Dương lịch\n"
                + "2030-01-05,workday,Làm bù\n");
        WorkingCalendar mine = WorkingCalendar.fromFolder(dir, LocalTime.of(7, 30), LocalTime.of(16, 30));
        assertFalse(mine.isWorkingDay(d("2030-01-01")));
        assertTrue(mine.isWorkingDay(d("2030-01-05")));
        assertEquals("Làm bù", mine.describe(d("2030-01-05")));
        assertEquals(t("2030-01-03T16:30"), mine.dueAt(t("2030-01-02T09:00"), 1, DurationUnit.WORKING_DAYS));
    }

    @Test
    void aBadLineInACalendarFileNamesFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2030.csv"), "date,kind,name\n2030-01-01,vacation,?\n");
        var e = assertThrows(IllegalArgumentException.class,
                () -> WorkingCalendar.fromFolder(dir, LocalTime.of(8, 0), LocalTime.of(17, 0)));
        assertTrue(e.getMessage().contains("2030.csv line 2"), e.getMessage());
    }
}
