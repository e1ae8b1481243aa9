package vn.onestop.analytics.model;

import java.util.Map;

/** Names of the agency groups (one per agency kind), as officials say them. */
public final class AgencyGroups {
    private static final Map<String, String[]> NAMES = Map.of(
            "department", new String[] {"Khối sở, ban, ngành", "Provincial departments"},
            "province_ppc", new String[] {"UBND tỉnh", "Provincial People's Committee"},
            "district_ppc", new String[] {"Khối UBND cấp huyện", "District People's Committees"},
            "commune_ppc", new String[] {"Khối UBND cấp xã", "Commune People's Committees"},
            "branch", new String[] {"Khối chi nhánh", "Branches"},
            "vertical", new String[] {"Cơ quan ngành dọc", "Vertical agencies"});

    private AgencyGroups() {
    }

    public static String nameVi(String kind) {
        return NAMES.getOrDefault(kind, new String[] {kind, kind})[0];
    }

    public static String nameEn(String kind) {
        return NAMES.getOrDefault(kind, new String[] {kind, kind})[1];
    }
}
