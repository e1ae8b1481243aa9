package vn.onestop.core.calendar;

/** A date falls in a year for which no calendar file was loaded (calendar.md: an error, never "weekdays only"). */
public class MissingCalendarYearException extends RuntimeException {
    private final int year;

    public MissingCalendarYearException(int year, String where) {
        super("No working-day calendar for year " + year + " (looked in " + where + "). "
                + "Add a file calendar/" + year + ".csv with its holidays and make-up working days, "
                + "or set calendar.dir to a folder that has one.");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
