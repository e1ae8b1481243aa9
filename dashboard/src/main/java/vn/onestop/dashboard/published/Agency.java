package vn.onestop.dashboard.published;

import java.time.LocalDate;

/** An agency as of the published run ({@code pub_agency}); the hierarchy is data (parent, successor, validity). */
public record Agency(String code, String name, String kind, String parentCode, LocalDate validFrom,
                     LocalDate validTo, String successorCode, String groupCode) {
    /** Whether the agency existed at some time in the period (no dates: always). */
    public boolean existedDuring(Period period) {
        return (validFrom == null || !validFrom.isAfter(period.end()))
                && (validTo == null || !validTo.isBefore(period.start()));
    }
}
