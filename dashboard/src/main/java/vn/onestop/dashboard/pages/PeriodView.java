package vn.onestop.dashboard.pages;

import vn.onestop.dashboard.published.Period;
import vn.onestop.dashboard.text.Formats;

/**
 * A period for the picker, the header and chart axes: its id for URLs, its kind, both ends, how people say it,
 * a short form for axes ("3/2024"), whether it is an official report period (Decree 09/2019), and whether the
 * label already gives dates (report periods, clipped periods, ranges).
 */
public record PeriodView(String id, String kind, String start, String end, String label, String shortLabel,
                         String dates, boolean report, boolean labelHasDates) {
    public static PeriodView of(Period p, Formats f) {
        boolean dated = p.report() || p.clipped() || Period.RANGE.equals(p.kind());
        return new PeriodView(p.id(), p.kind(), p.start().toString(), p.end().toString(), f.period(p),
                f.periodShort(p), f.periodDates(p), p.report(), dated);
    }
}
