package vn.onestop.sample;

import java.time.LocalDate;

/**
 * One agency of the sample province (data contract: agency) plus what the generator needs about it: its size within
 * its group and the share of ethnic-minority applicants.
 */
record Agency(int index, AgencyRole role, String code, String name, String parentCode, LocalDate validFrom,
              LocalDate validTo, String successorCode, double size, double minorityShare) {

    boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    String kind() {
        return role.kind;
    }
}
