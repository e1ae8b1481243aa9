package vn.onestop.dashboard.published;

import java.time.LocalDate;

/** An agency as of the published run ({@code pub_agency}); the hierarchy is data (parent, successor, validity). */
public record Agency(String code, String name, String kind, String parentCode, LocalDate validFrom,
                     LocalDate validTo, String successorCode, String groupCode) {
}
