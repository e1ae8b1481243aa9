package vn.onestop.sample.vendor;

import java.util.Map;

/**
 * The sample vendor's own codes for canonical values, as its application writes them. The extraction mapping
 * ({@code ingest}'s {@code sample-vendor.json}) maps them back; richer vendor states collapse onto one canonical
 * status there (awaiting signature → in progress; supplemented, awaiting reception → supplement requested).
 */
final class VendorCodes {
    /** Vendor status (dm_trangthai) of each canonical status; 4 "in progress" has three vendor states (3, 4, 5). */
    static final Map<Integer, Integer> STATUS = Map.ofEntries(
            Map.entry(1, 0), Map.entry(2, 1), Map.entry(3, 2), Map.entry(4, 3), Map.entry(5, 6), Map.entry(6, 8),
            Map.entry(7, 9), Map.entry(8, 10), Map.entry(9, 11), Map.entry(10, 12));

    static final int SUBMITTED_ONLINE = 0;
    static final int RECEIVED = 1;
    static final int REFUSED = 2;
    static final int IN_PROGRESS = 3;
    static final int TO_LEADER = 4;
    static final int AWAITING_SIGNATURE = 5;
    static final int SUPPLEMENT_REQUESTED = 6;
    static final int SUPPLEMENTED_AWAITING_RECEPTION = 7;
    static final int FEES_REQUESTED = 8;
    static final int WITHDRAWN = 9;
    static final int STOPPED = 10;
    static final int RESULT_READY = 11;
    static final int RETURNED = 12;

    static final Map<String, String> CHANNEL = Map.of("DIRECT", "TRUC_TIEP", "ONLINE", "TRUC_TUYEN",
            "POSTAL", "BUU_CHINH");

    static final Map<String, String> AGENCY_KIND = Map.of("department", "SO_NGANH", "province_ppc", "UBND_TINH",
            "district_ppc", "UBND_HUYEN", "commune_ppc", "UBND_XA", "branch", "CHI_NHANH", "vertical", "NGANH_DOC");

    static final Map<String, String> AUTHORITY_LEVEL = Map.of("province", "TINH", "commune", "XA");

    static final Map<String, String> DURATION_UNIT = Map.of("HOURS", "GIO", "DAYS", "NGAY", "WORKING_DAYS", "NGAY_LV",
            "MONTHS", "THANG");

    static final Map<String, String> ONLINE_LEVEL = Map.of("NONE", "KHONG", "PARTIAL", "MOT_PHAN",
            "FULL", "TOAN_TRINH");

    /** History row kinds of hs_quatrinhxuly. */
    static final String STEP = "XU_LY";
    static final String SUPPLEMENT = "YC_BO_SUNG";
    static final String APOLOGY = "XIN_LOI";

    private VendorCodes() {
    }

    static String code(Map<String, String> map, String value, String what) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String code = map.get(value);
        if (code == null) {
            throw new IllegalArgumentException("The sample vendor has no code for " + what + " '" + value + "'");
        }
        return code;
    }
}
