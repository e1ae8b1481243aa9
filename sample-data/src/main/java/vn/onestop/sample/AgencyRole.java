package vn.onestop.sample;

/** Where an agency sits in the province; decides its procedures, its volume group and its contract {@code kind}. */
enum AgencyRole {
    PPC("province_ppc"),
    DEPARTMENT("department"),
    BRANCH("branch"),
    VERTICAL("vertical"),
    DISTRICT("district_ppc"),
    /** A commune or ward before the 2025 reorganisation. */
    COMMUNE("commune_ppc"),
    /** A merged commune from 1 July 2025. */
    NEW_COMMUNE("commune_ppc");

    final String kind;

    AgencyRole(String kind) {
        this.kind = kind;
    }

    static AgencyRole parse(String value) {
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
