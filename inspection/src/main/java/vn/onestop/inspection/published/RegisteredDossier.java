package vn.onestop.inspection.published;

import java.time.LocalDateTime;

/** A dossier of the published register ({@code pub_case_register}): what a random sample is drawn from. */
public record RegisteredDossier(String caseId, String agencyCode, String procedureCode, String fieldCode,
                                LocalDateTime receivedAt) {
}
