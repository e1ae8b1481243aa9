package vn.onestop.dashboard.published;

import vn.onestop.dashboard.text.Language;

/** An agency group of the published run ({@code pub_group}): one per agency kind, with its names. */
public record AgencyGroup(String code, String kind, String nameVi, String nameEn) {
    public String name(Language language) {
        return language == Language.EN && nameEn != null && !nameEn.isBlank() ? nameEn : nameVi;
    }
}
