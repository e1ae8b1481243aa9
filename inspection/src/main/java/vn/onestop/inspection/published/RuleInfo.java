package vn.onestop.inspection.published;

/** A dossier-level rule as the run judged it ({@code pub_rule}): names, legal basis and threshold. */
public record RuleInfo(String id, String nameVi, String nameEn, String basis, String thresholdVi) {
}
