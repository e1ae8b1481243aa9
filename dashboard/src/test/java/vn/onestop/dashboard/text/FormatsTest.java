package vn.onestop.dashboard.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.onestop.dashboard.published.Period;

class FormatsTest {
    private final Formats vi = Formats.of(Language.VI);
    private final Formats en = Formats.of(Language.EN);

    @Test
    void countsGroupThousandsWithDots() {
        assertEquals("1.234.567", vi.count(1_234_567));
        assertEquals("999", vi.count(999));
        assertEquals("1.000", vi.count(1000));
        assertEquals("0", vi.count(0));
        assertEquals("-1.234", vi.count(-1234));
        assertEquals("1,234,567", en.count(1_234_567));
    }

    @Test
    void fractionalCountsKeepTwoDecimals() {
        assertEquals("1.234,50", vi.count(new BigDecimal("1234.5")));
        assertEquals("44", vi.count(new BigDecimal("44.00")));
    }

    @Test
    void percentagesHaveTwoDecimalsHalfUpAndASpacedSign() {
        assertEquals("45,45 %", vi.percent(new BigDecimal("45.45")));
        assertEquals("45,46 %", vi.percent(new BigDecimal("45.455")));
        assertEquals("100,00 %", vi.percent(new BigDecimal("100")));
        assertEquals("0,00 %", vi.percent(BigDecimal.ZERO));
        assertEquals("1.234,50 %", vi.percent(new BigDecimal("1234.5")));
        assertEquals("45.45 %", en.percent(new BigDecimal("45.45")));
    }

    @Test
    void targetsDropNeedlessDecimals() {
        assertEquals("80 %", vi.percentTrimmed(new BigDecimal("80.00")));
        assertEquals("97,5 %", vi.percentTrimmed(new BigDecimal("97.50")));
        assertEquals("29,6", vi.trimmed(new BigDecimal("29.60")));
    }

    @Test
    void missingValuesReadNoDataNeverZero() {
        assertEquals("Không có dữ liệu", vi.percent(null));
        assertEquals("Không có dữ liệu", vi.count((BigDecimal) null));
        assertEquals("No data", en.percent(null));
    }

    private static Period clipped(String kind, LocalDate start, LocalDate end) {
        return new Period(kind, start, end, kind.startsWith("report_"), true);
    }

    @Test
    void periodsClippedToTheDataRangeSayWhereTheyStop() {
        assertEquals("Năm 2024 (đến 21/11/2024)",
                vi.period(clipped("year", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 11, 21))));
        assertEquals("Tháng 1/2024 (từ 15/01/2024)",
                vi.period(clipped("month", LocalDate.of(2024, 1, 15), LocalDate.of(2024, 1, 31))));
        assertEquals("Quý I/2024 (15/01/2024 – 14/03/2024)",
                vi.period(clipped("quarter", LocalDate.of(2024, 1, 15), LocalDate.of(2024, 3, 14))));
        assertEquals("6 tháng cuối năm 2024 (đến 21/11/2024)",
                vi.period(clipped("half", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 11, 21))));
        assertEquals("Year 2024 (to 21/11/2024)",
                en.period(clipped("year", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 11, 21))));
        assertEquals("11/2024", vi.periodShort(clipped("month", LocalDate.of(2024, 11, 1), LocalDate.of(2024, 11, 21))));
        assertEquals("Kỳ báo cáo tháng 12/2024 (15/11–21/11/2024, chưa trọn kỳ)",
                vi.period(clipped("report_month", LocalDate.of(2024, 11, 15), LocalDate.of(2024, 11, 21))));
        assertEquals("Kỳ báo cáo tháng 1/2024 (01/01–14/01/2024, chưa trọn kỳ)",
                vi.period(clipped("report_month", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 14))));
    }

    @Test
    void reportPeriodsOfDecree09AreNamedForWhatTheyReportOnWithTheirDates() {
        assertEquals("Kỳ báo cáo tháng 3/2024 (15/02–14/03/2024)",
                vi.period(new Period("report_month", LocalDate.of(2024, 2, 15), LocalDate.of(2024, 3, 14))));
        assertEquals("Kỳ báo cáo tháng 1/2024 (15/12/2023–14/01/2024)",
                vi.period(new Period("report_month", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 1, 14))));
        assertEquals("Kỳ báo cáo quý I/2024 (15/12/2023–14/03/2024)",
                vi.period(new Period("report_quarter", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 3, 14))));
        assertEquals("Kỳ báo cáo 6 tháng đầu năm 2024 (15/12/2023–14/06/2024)",
                vi.period(new Period("report_half", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 6, 14))));
        assertEquals("Kỳ báo cáo 6 tháng cuối năm 2024 (15/06–14/12/2024)",
                vi.period(new Period("report_half", LocalDate.of(2024, 6, 15), LocalDate.of(2024, 12, 14))));
        assertEquals("Kỳ báo cáo 9 tháng năm 2024 (15/12/2023–14/09/2024)",
                vi.period(new Period("report_nine_months", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 9, 14))));
        assertEquals("Kỳ báo cáo năm 2024 (15/12/2023–14/12/2024)",
                vi.period(new Period("report_year", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 12, 14))));
        assertEquals("Report period, March 2024 (15/02–14/03/2024)",
                en.period(new Period("report_month", LocalDate.of(2024, 2, 15), LocalDate.of(2024, 3, 14))));
        assertEquals("Report period, nine months of 2024 (15/12/2023–14/09/2024)",
                en.period(new Period("report_nine_months", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 9, 14))));
        assertEquals("Từ ngày 15/02/2024 đến ngày 14/03/2024",
                vi.periodFromTo(new Period("report_month", LocalDate.of(2024, 2, 15), LocalDate.of(2024, 3, 14))));
    }

    @Test
    void datesAreDayMonthYear() {
        assertEquals("15/02/2024", vi.date(LocalDate.of(2024, 2, 15)));
        assertEquals("05/03/2024 14:30", vi.dateTime(LocalDateTime.of(2024, 3, 5, 14, 30)));
        assertEquals("", vi.date(null));
        assertEquals("03/2024", vi.month(LocalDate.of(2024, 3, 1)), "a month column, in both languages");
        assertEquals("", vi.month(null));
    }

    @Test
    void periodsAreSpelledOut() {
        assertEquals("Tháng 3/2024", vi.period(new Period("month", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31))));
        assertEquals("Quý I/2024", vi.period(new Period("quarter", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31))));
        assertEquals("Quý IV/2024", vi.period(new Period("quarter", LocalDate.of(2024, 10, 1), LocalDate.of(2024, 12, 31))));
        assertEquals("Năm 2024", vi.period(new Period("year", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))));
        assertEquals("6 tháng đầu năm 2024", vi.period(new Period("half", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30))));
        assertEquals("Second half of 2024", en.period(new Period("half", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31))));
        assertEquals("Từ 15/12/2023 đến 14/01/2024",
                vi.period(new Period("range", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 1, 14))));
        assertEquals("March 2024", en.period(new Period("month", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31))));
        assertEquals("Q1 2024", en.period(new Period("quarter", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31))));
        assertEquals("3/2024", vi.periodShort(new Period("month", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31))));
        assertEquals("01/03/2024 – 31/03/2024",
                vi.periodDates(new Period("month", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31))));
    }
}
