package vn.onestop.analytics.model;

import java.time.LocalDate;
import java.util.Locale;

/** An agency of the hierarchy (data-contract.md), with the group it rolls up into. */
public record Agency(String code, String name, String kind, String parentCode, LocalDate validFrom,
                     LocalDate validTo, String successorCode) {

    /** Agency groups are the kinds: all departments, all commune People's Committees, … */
    public String groupCode() {
        return groupCodeOf(kind);
    }

    public static String groupCodeOf(String kind) {
        return "GROUP_" + kind.toUpperCase(Locale.ROOT);
    }

    public boolean validDuring(LocalDate start, LocalDate end) {
        return (validFrom == null || !validFrom.isAfter(end)) && (validTo == null || !validTo.isBefore(start));
    }
}
