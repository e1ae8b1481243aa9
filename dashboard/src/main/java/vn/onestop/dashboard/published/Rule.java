package vn.onestop.dashboard.published;

import vn.onestop.dashboard.text.Language;

/**
 * A dossier-level rule as computed in the published run ({@code pub_rule}): its name, legal basis and the
 * threshold every one of its flags was judged by. Its agency rate, when published, is the indicator
 * {@code <id>.rate} (inspection.md).
 */
public record Rule(String id, String nameVi, String nameEn, String basis, String thresholdVi, String thresholdEn) {
    public static final String RATE_SUFFIX = ".rate";

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
     * Whether the rule flags dossiers, so that its rate's numerator counts an agency's flagged dossiers: every rule
     * but R12, which judges an agency's procedures month by month (its flags are {@code pub_agency_flag}).
     */
    public boolean flagsDossiers() {
        return !"R12".equals(id);
    }
}
