package vn.onestop.dashboard.pages;

import vn.onestop.dashboard.published.Period;
import vn.onestop.dashboard.text.Formats;

/**
 * A period for the picker, the header and chart axes: its id for URLs, its kind, both ends, how people say it,
 * a short form for axes ("3/2024"), and whether the label already gives dates (a clipped period, a range).
 */
public record PeriodView(String id, String kind, String start, String end, String label, String shortLabel,
                         String dates, boolean labelHasDates) {
    public static PeriodView of(Period p, Formats f) {
        boolean named = p.isCalendarAligned() || p.isOfficialReportPeriod();
        return new PeriodView(p.id(), p.kind(), p.start().toString(), p.end().toString(), f.period(p),
                f.periodShort(p), f.periodDates(p), !named);
    }
}
