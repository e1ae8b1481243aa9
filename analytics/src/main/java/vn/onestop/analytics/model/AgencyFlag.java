package vn.onestop.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An agency-level flag (R12, silent procedure): a procedure the agency handles had no dossier in a judged month, with
 * the figures an inspector needs to judge it — its peers' and its own usual volume. Listed under every period that
 * holds the month.
 */
public record AgencyFlag(String ruleId, String agencyCode, String procedureCode, String procedureName,
                         String periodKind, LocalDate periodStart, LocalDate monthStart, int peers, int activePeers,
                         long monthDossiers, BigDecimal monthlyMedian, int historyMonths, String detailVi,
                         String detailEn) {
}
