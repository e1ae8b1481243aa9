package vn.onestop.analytics.model;

/**
 * A dossier-level rule of inspection.md: its id, the column of {@code case_period} (or of {@code source}) that
 * holds its condition, and what the dashboard shows beside every flag (name, legal basis, the threshold).
 */
public record RuleDefinition(String id, String column, String source, String nameVi, String nameEn, String basis,
                             String thresholdVi, String thresholdEn) {
    /** {@code pub_rule.flags} of a rule whose flag is one dossier in one period ({@code pub_case_flag}). */
    public static final String DOSSIERS = "dossiers";
    /** {@code pub_rule.flags} of a rule whose flag is an agency's procedure in one month ({@code pub_agency_flag}). */
    public static final String PROCEDURE_MONTHS = "procedure_months";

    /** What one flag of the rule is: the silent-procedure model's rows are procedure-months, every other's dossiers. */
    public String flags() {
        return Models.SILENT_PROCEDURE_PERIOD.equals(source) ? PROCEDURE_MONTHS : DOSSIERS;
    }
}
