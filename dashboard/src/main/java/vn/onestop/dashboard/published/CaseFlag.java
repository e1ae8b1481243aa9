package vn.onestop.dashboard.published;

import java.time.LocalDateTime;

/** A dossier behind a rule flag (R01, R02, …) as published, personal data already masked. */
public record CaseFlag(String ruleId, String caseId, String agencyCode, String procedureCode, String procedureName,
                       String channel, Integer status, LocalDateTime receivedAt, LocalDateTime dueAt,
                       LocalDateTime effectiveDueAt, LocalDateTime finishedAt, LocalDateTime apologyIssuedAt,
                       LocalDateTime apologyDeadline, String applicantMasked, String detailVi, String detailEn) {
}
