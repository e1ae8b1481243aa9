package vn.onestop.inspection.sample;

import java.time.LocalDateTime;

/**
 * A dossier inspectors pull from the archive: drawn at random within its field, flagged by rules in the period, or
 * both.
 */
public record SampledDossier(int seq, String caseId, String fieldCode, String procedureCode, LocalDateTime receivedAt,
                             boolean randomPick, String flagRules) {
    public boolean flagged() {
        return flagRules != null && !flagRules.isEmpty();
    }
}
