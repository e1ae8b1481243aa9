package vn.onestop.dashboard.published;

import java.time.LocalDate;
import java.time.LocalDateTime;
import vn.onestop.dashboard.text.Language;

/**
 * A dossier behind a rule flag (R01, R02, …) in one period as published, personal data already masked, with the
 * values the rule saw in words ({@code detail}).
 */
public record CaseFlag(String ruleId, String caseId, String agencyCode, String procedureCode, String procedureName,
                       String channel, Integer status, LocalDateTime receivedAt, LocalDateTime dueAt,
                       LocalDateTime effectiveDueAt, LocalDateTime finishedAt, LocalDateTime apologyIssuedAt,
                       LocalDateTime apologyDeadline, String applicantMasked, String detailVi, String detailEn,
                       String periodKind, LocalDate periodStart) {
    public String detail(Language language) {
        return language == Language.EN && detailEn != null && !detailEn.isBlank() ? detailEn : detailVi;
    }
}
