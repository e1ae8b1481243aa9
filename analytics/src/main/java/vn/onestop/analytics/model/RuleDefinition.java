package vn.onestop.analytics.model;

/**
 * A dossier-level rule of inspection.md: its id, the column of {@code case_period} (or of {@code source}) that
 * holds its condition, and what the dashboard shows beside every flag (name, legal basis, the threshold).
 */
public record RuleDefinition(String id, String column, String source, String nameVi, String nameEn, String basis,
                             String thresholdVi, String thresholdEn) {
}
