package vn.onestop.inspection;

import java.util.List;

/** Agency kinds in the words and the order the provinces' plans use (sở, ban, ngành first, communes last). */
public final class AgencyKinds {
    public static final List<String> ORDER = List.of("department", "province_ppc", "branch", "district_ppc",
            "commune_ppc", "vertical");

    private AgencyKinds() {
    }

    /** Plural, as in "03 sở, ban, ngành; 20 UBND cấp xã". */
    public static String plural(String kind) {
        return switch (kind) {
            case "department" -> "sở, ban, ngành";
            case "province_ppc" -> "UBND tỉnh";
            case "branch" -> "chi nhánh, đơn vị trực thuộc";
            case "district_ppc" -> "UBND cấp huyện";
            case "commune_ppc" -> "UBND cấp xã";
            case "vertical" -> "cơ quan ngành dọc";
            default -> "đơn vị loại " + kind;
        };
    }

    public static int rank(String kind) {
        int i = ORDER.indexOf(kind);
        return i < 0 ? ORDER.size() : i;
    }
}
