package vn.onestop.inspection.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodRefTest {
    @Test
    void shortAndLongIdsNameTheSamePeriods() {
        PeriodRef q1 = new PeriodRef("quarter", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));
        assertEquals(q1, PeriodRef.ofShortId("2024-Q1"));
        assertEquals(q1, PeriodRef.ofShortId("quarter_2024-01-01_2024-03-31"));
        assertEquals(new PeriodRef("report_month", LocalDate.of(2024, 2, 15), LocalDate.of(2024, 3, 14)),
                PeriodRef.ofShortId("report_month_2024-02-15_2024-03-14"), "a kind with an underscore");
        assertEquals(new PeriodRef("month", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)),
                PeriodRef.ofShortId("2024-02"));
        assertEquals(new PeriodRef("half", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31)),
                PeriodRef.ofShortId("2024-H2"));
        assertEquals("year_2024-01-01_2024-12-31", PeriodRef.ofShortId("2024").id());
        assertThrows(IllegalArgumentException.class, () -> PeriodRef.ofShortId("Q1-2024"));
    }

    @Test
    void periodsAreNamedAsTheOfficesNameThem() {
        assertEquals("Quý I/2024", PeriodRef.ofShortId("2024-Q1").label());
        assertEquals("Tháng 3/2024", PeriodRef.ofShortId("2024-03").label());
        assertEquals("6 tháng cuối năm 2024", PeriodRef.ofShortId("2024-H2").label());
        assertEquals("Năm 2024", PeriodRef.ofShortId("2024").label());
        assertEquals("01/01/2024 – 21/11/2024", PeriodRef.ofShortId("range_2024-01-01_2024-11-21").label());
        assertEquals("01/10/2024 – 21/11/2024", PeriodRef.ofShortId("quarter_2024-10-01_2024-11-21").label(),
                "a quarter the run's range cut short says its dates");
    }
}
