package vn.onestop.dashboard.published;

import java.math.BigDecimal;
import java.time.LocalDate;
import vn.onestop.dashboard.text.Language;

/**
 * A procedure × month an agency-level rule (R12, silent procedure) flagged, as published in {@code pub_agency_flag}:
 * the month judged, its peers (agencies of the same kind handling the procedure) and how many had dossiers of it,
 * the agency's dossiers of the month against its monthly median, and the values in words ({@code detail}).
 */
public record ProcedureFlag(String ruleId, String agencyCode, String procedureCode, String procedureName,
                            LocalDate monthStart, int peers, int activePeers, long monthDossiers,
                            BigDecimal monthlyMedian, int historyMonths, String detailVi, String detailEn) {
    public String detail(Language language) {
        return language == Language.EN && detailEn != null && !detailEn.isBlank() ? detailEn : detailVi;
    }
}
