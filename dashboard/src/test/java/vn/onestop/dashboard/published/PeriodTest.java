package vn.onestop.dashboard.published;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodTest {
    @Test
    void calendarPeriodsHaveShortIdsAndOthersSpellThemOut() {
        assertEquals("2024-03", new Period("month", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)).id());
        assertEquals("2024-Q2", new Period("quarter", LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30)).id());
        assertEquals("2024", new Period("year", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).id());
        assertEquals("2024-H2", new Period("half", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31)).id());
        assertEquals("month_2024-11-01_2024-11-21",
                new Period("month", LocalDate.of(2024, 11, 1), LocalDate.of(2024, 11, 21), false, true).id());
        assertEquals("range_2024-01-01_2024-03-31",
                new Period("range", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)).id());
    }

    @Test
    void reportPeriodsAreNamedForTheMonthQuarterHalfOrYearTheyReportOn() {
        assertEquals("bc-2024-03", new Period("report_month", LocalDate.of(2024, 2, 15), LocalDate.of(2024, 3, 14)).id());
        assertEquals("bc-2024-01", new Period("report_month", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 1, 14)).id());
        assertEquals("bc-2024-Q1", new Period("report_quarter", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 3, 14)).id());
        assertEquals("bc-2024-H2", new Period("report_half", LocalDate.of(2024, 6, 15), LocalDate.of(2024, 12, 14)).id());
        assertEquals("bc-2024-9M",
                new Period("report_nine_months", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 9, 14)).id());
        assertEquals("bc-2024", new Period("report_year", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 12, 14)).id());
        assertEquals("report_month_2024-11-15_2024-11-21",
                new Period("report_month", LocalDate.of(2024, 11, 15), LocalDate.of(2024, 11, 21), true, true).id());
    }

    @Test
    void pickerListsCalendarPeriodsLatestFirstThenReportPeriods() {
        Period march = new Period("month", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
        Period feb = new Period("month", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));
        Period q1 = new Period("quarter", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));
        Period h1 = new Period("half", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
        Period year = new Period("year", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        Period reportMarch = new Period("report_month", LocalDate.of(2024, 2, 15), LocalDate.of(2024, 3, 14));
        Period reportQ1 = new Period("report_quarter", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 3, 14));
        assertEquals(List.of(march, feb, q1, h1, year, reportMarch, reportQ1),
                List.of(reportQ1, year, feb, reportMarch, h1, q1, march).stream().sorted(Period.PICKER_ORDER).toList());
    }
}
