package vn.onestop.inspection.published;

import java.time.LocalDate;

/** An agency as the run published it ({@code pub_agency}). */
public record PublishedAgency(String code, String name, String kind, String parentCode, LocalDate validFrom,
                              LocalDate validTo, String groupCode) {
    public static final String VERTICAL = "vertical";

    /** Whether the agency existed at some time in the period (no dates: always). */
    public boolean existedDuring(PeriodRef period) {
        return (validFrom == null || !validFrom.isAfter(period.end()))
                && (validTo == null || !validTo.isBefore(period.start()));
    }
}
