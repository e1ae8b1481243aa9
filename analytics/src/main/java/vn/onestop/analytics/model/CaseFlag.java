package vn.onestop.analytics.model;

import java.time.Instant;
import java.time.LocalDate;

/** A dossier that a rule flags in a period, with the values an inspector needs to judge the flag. */
public record CaseFlag(String ruleId, String caseId, String periodKind, LocalDate periodStart, String agencyCode,
                       String procedureCode, String procedureName, String channel, Integer status,
                       Instant receivedAt, Instant dueAt, Instant effectiveDueAt, Instant finishedAt,
                       Instant apologyIssuedAt, Instant apologyDeadline, String applicantMasked, String detailVi,
                       String detailEn) {
}
