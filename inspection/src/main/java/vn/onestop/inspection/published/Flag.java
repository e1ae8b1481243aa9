package vn.onestop.inspection.published;

import java.time.LocalDateTime;

/** A dossier flagged by a rule in a period ({@code pub_case_flag}); the applicant's name is published masked. */
public record Flag(String ruleId, String caseId, String agencyCode, String procedureCode, String procedureName,
                   String channel, LocalDateTime receivedAt, LocalDateTime dueAt, LocalDateTime effectiveDueAt,
                   LocalDateTime finishedAt, LocalDateTime apologyIssuedAt, String applicantMasked, String detailVi) {
}
