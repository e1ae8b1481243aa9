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
}
