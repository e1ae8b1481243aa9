package vn.onestop.inspection.published;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A procedure × month an agency-level rule (R12, silent procedure) flagged, as published in {@code pub_agency_flag}:
 * the month, how many of the agency's peers handle the procedure and how many had dossiers of it, the agency's
 * dossiers that month against its monthly median, and the rule's reason in Vietnamese.
 */
public record ProcedureMonthFlag(String ruleId, String procedureCode, String procedureName, LocalDate monthStart,
                                 int peers, int activePeers, long monthDossiers, BigDecimal monthlyMedian,
                                 int historyMonths, String detailVi) {
}
