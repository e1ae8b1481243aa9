package vn.onestop.analytics.model;

/**
 * A dossier-level rule of inspection.md: its id, the case_period column that holds its condition, and what the
 * dashboard shows beside every flag (name, legal basis, the threshold that produced it).
 */
public record RuleDefinition(String id, String column, String nameVi, String nameEn, String basis,
                             String thresholdVi, String thresholdEn) {
}
