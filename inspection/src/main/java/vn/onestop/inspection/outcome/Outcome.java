package vn.onestop.inspection.outcome;

import java.time.LocalDateTime;

/** One recorded outcome of a flagged dossier and rule; the latest of a (case, rule) is the one that counts. */
public record Outcome(long id, String caseId, String ruleId, String agencyCode, String runId, Finding finding,
                      String note, String recordedBy, LocalDateTime recordedAt) {
}
