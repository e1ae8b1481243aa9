package vn.onestop.dashboard.pages;

import vn.onestop.dashboard.published.Period;
import vn.onestop.dashboard.text.Formats;

/** A period for the picker and the header: its id for URLs, its kind, both ends, and how people say it. */
public record PeriodView(String id, String kind, String start, String end, String label, String dates) {
    public static PeriodView of(Period p, Formats f) {
        return new PeriodView(p.id(), p.kind(), p.start().toString(), p.end().toString(), f.period(p),
                f.periodDates(p));
    }
}
