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
        assertEquals("month_2024-02-15_2024-03-14",
                new Period("month", LocalDate.of(2024, 2, 15), LocalDate.of(2024, 3, 14)).id());
        assertEquals("range_2024-01-01_2024-03-31",
                new Period("range", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)).id());
    }

    @Test
    void pickerListsMonthsThenQuartersThenYearsLatestFirst() {
        Period march = new Period("month", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
        Period feb = new Period("month", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));
        Period q1 = new Period("quarter", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));
        Period year = new Period("year", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        assertEquals(List.of(march, feb, q1, year), List.of(year, feb, q1, march).stream().sorted(Period.PICKER_ORDER).toList());
    }
}
