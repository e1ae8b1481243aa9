package vn.onestop.dashboard.published;

import vn.onestop.dashboard.text.Language;

/**
 * A rule as computed in the published run ({@code pub_rule}): its name, legal basis, the threshold every one of its
 * flags was judged by, and what one flag is ({@code dossiers} or {@code procedure_months}). Its agency rate, when
 * published, is the indicator {@code <id>.rate} (inspection.md).
 */
public record Rule(String id, String nameVi, String nameEn, String basis, String thresholdVi, String thresholdEn,
                   String flags) {
    public static final String RATE_SUFFIX = ".rate";
    /** {@code flags} of a rule that flags dossiers ({@code pub_case_flag}). */
    public static final String DOSSIERS = "dossiers";
    /** {@code flags} of a rule judged per agency, procedure and month ({@code pub_agency_flag}), such as R12. */
    public static final String PROCEDURE_MONTHS = "procedure_months";

    public String name(Language language) {
        return language == Language.EN && nameEn != null && !nameEn.isBlank() ? nameEn : nameVi;
    }

    public String threshold(Language language) {
        return language == Language.EN && thresholdEn != null && !thresholdEn.isBlank() ? thresholdEn : thresholdVi;
    }

    public String rateIndicatorId() {
        return id + RATE_SUFFIX;
    }

    /**
     * Whether the rule flags dossiers, so that its rate's numerator counts an agency's flagged dossiers; a rule judged
     * per procedure-month has its flags in {@code pub_agency_flag} instead.
     */
    public boolean flagsDossiers() {
        return !PROCEDURE_MONTHS.equals(flags);
    }
}
