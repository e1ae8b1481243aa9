package vn.onestop.core.calendar;

/** Unit of a procedure's legal handling time (data contract: procedure.duration_unit). */
public enum DurationUnit {
    HOURS, DAYS, WORKING_DAYS, MONTHS;

    /** Parses a contract value; null or blank means the common case, working days. */
    public static DurationUnit parse(String value) {
        if (value == null || value.isBlank()) {
            return WORKING_DAYS;
        }
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
