package vn.onestop.ingest.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.onestop.ingest.RecordType;
import vn.onestop.ingest.drop.StagingCsv;

/**
 * One dossier object of the national portal's feed (DVCQG sync format, data-contract.md) as canonical raw rows: the
 * dossier, its {@code tienTrinhDongBo} history as events, its {@code DanhSachHoSoBoSung} as supplements. Dates
 * {@code yyyyMMddHHmmss} become ISO local times; numbers and booleans are read as their text; anything else is passed
 * on as it is, for validation to judge. A value of the wrong shape — an object or a list where a value belongs, a
 * value where a list belongs, or no object at all — cannot be passed on as text: the whole dossier is refused
 * ({@link NotADossier}) before any of its rows is written, never read with the field left empty. Presence in the
 * feed sets {@code synced_at} (to the time the feed was observed).
 */
final class PortalDossier {
    static final String SOURCE = "dvcqg";
    /** Reason codes as validation gives them. */
    private static final String BAD_VALUE = "BAD_VALUE";

    private PortalDossier() {
    }

    /** An element of the feed that cannot become rows, with the reason code and detail to quarantine it with. */
    static final class NotADossier extends Exception {
        final String reason;

        NotADossier(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    /** Writes the rows of one dossier object; {@code line} is its position in the feed. */
    static void stage(JsonNode node, String source, long line, String observedAt, StagingCsv cases, StagingCsv events,
                      StagingCsv supplements) throws NotADossier {
        if (!node.isObject()) {
            throw new NotADossier("MALFORMED_ROW", shape(node) + " where a dossier object is expected");
        }
        JsonNode d = node.has("hoSo") && node.get("hoSo").isObject() ? node.get("hoSo") : node;
        String caseId = text(d, "MaHoSo");
        Map<String, String> c = new HashMap<>();
        c.put("case_id", caseId);
        c.put("source", SOURCE);
        c.put("agency_code", text(d, "DonViXuLy"));
        c.put("procedure_code", text(d, "MaTTHC"));
        c.put("channel", text(d, "KenhThucHien"));
        c.put("status", text(d, "TrangThaiHoSo"));
        c.put("applicant_kind", text(d, "LoaiDoiTuong"));
        c.put("applicant_name", text(d, "ChuHoSo"));
        String id = text(d, "SoGiayToChuHoSo");
        List<JsonNode> ids = list(d, "DinhDanhCHS");
        if (id == null && !ids.isEmpty()) {
            id = text(ids.get(0), "SoDinhDanh");
        }
        c.put("applicant_id", id);
        c.put("applicant_phone", text(d, "SoDienThoai"));
        c.put("applicant_email", text(d, "Email"));
        c.put("submitted_at", time(d, "NgayNopHoSo"));
        c.put("received_at", time(d, "NgayTiepNhan"));
        c.put("due_at", time(d, "NgayHenTra"));
        c.put("finished_at", time(d, "NgayKetThucXuLy"));
        c.put("returned_at", time(d, "NgayTra"));
        c.put("rejected_at", time(d, "NgayTuChoi"));
        c.put("has_uploaded_components", Boolean.toString(any(d, "TaiLieuNop", "DuongDanTaiTepTin", null)));
        c.put("reused_digitized_data", Boolean.toString("1".equals(text(d, "HoSoCoThanhPhanSoHoa"))
                || any(d, "TaiLieuNop", "DuocTaiSuDung", "1")));
        c.put("from_personal_store", Boolean.toString(any(d, "TaiLieuNop", "DuocLayTuKhoDMQG", "1")));
        c.put("vneid_verified", Boolean.toString("1".equals(text(d, "TaiKhoanDuocXacThucVoiVNeID"))));
        c.put("population_db_used", Boolean.toString(any(d, "DSKetNoiCSDL", "MaCSDL", null)));
        c.put("e_result_issued", Boolean.toString(any(d, "DanhSachGiayToKetQua", "DuongDanTepTinKetQua", null)));
        c.put("fee_amount", fees(d));
        c.put("paid_online", text(d, "DuocThanhToanTrucTuyen"));
        c.put("synced_at", observedAt);

        List<Map<String, String>> history = new ArrayList<>();
        int seq = 0;
        for (JsonNode e : list(node.has("tienTrinhDongBo") ? node : d, "tienTrinhDongBo")) {
            Map<String, String> ev = new HashMap<>();
            ev.put("case_id", caseId);
            ev.put("seq", Integer.toString(++seq));
            ev.put("at", time(e, "ThoiDiemXuLy"));
            ev.put("status", text(e, "TrangThai"));
            ev.put("step", text(e, "NoiDungXuLy"));
            ev.put("unit", text(e, "PhongBanXuLy"));
            ev.put("officer", text(e, "NguoiXuLy"));
            history.add(ev);
        }
        List<Map<String, String>> requests = new ArrayList<>();
        for (JsonNode s : list(d, "DanhSachHoSoBoSung")) {
            Map<String, String> sp = new HashMap<>();
            sp.put("case_id", caseId);
            sp.put("requested_at", time(s, "NgayBoSung"));
            sp.put("received_at", time(s, "NgayTiepNhanBoSung"));
            sp.put("previous_due_at", time(s, "NgayHenTraTruoc"));
            sp.put("new_due_at", time(s, "NgayHenTraMoi"));
            requests.add(sp);
        }
        cases.row(source, line, ordered(RecordType.CASE, c));
        for (Map<String, String> ev : history) {
            events.row(source, line, ordered(RecordType.CASE_EVENT, ev));
        }
        for (Map<String, String> sp : requests) {
            supplements.row(source, line, ordered(RecordType.CASE_SUPPLEMENT, sp));
        }
    }

    private static List<String> ordered(RecordType type, Map<String, String> values) {
        List<String> out = new ArrayList<>(type.columnNames().size());
        for (String column : type.columnNames()) {
            out.add(values.get(column));
        }
        return out;
    }

    /** The elements of a list field; absent or null is an empty list, anything else is the wrong shape. */
    private static List<JsonNode> list(JsonNode node, String field) throws NotADossier {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new NotADossier(BAD_VALUE, field + " is " + shape(v) + " where a list is expected");
        }
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    /** A field's value as text (numbers and booleans as written); null when absent, null or blank. */
    static String text(JsonNode node, String field) throws NotADossier {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isContainerNode()) {
            throw new NotADossier(BAD_VALUE, field + " is " + shape(v) + " where a value is expected");
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static String shape(JsonNode v) {
        return switch (v.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case NULL -> "null";
            default -> v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** {@code yyyyMMddHHmmss} as ISO local time; other text is left for validation to judge. */
    static String time(JsonNode node, String field) throws NotADossier {
        String s = text(node, field);
        if (s == null || s.length() != 14 || !s.chars().allMatch(Character::isDigit)) {
            return s;
        }
        return s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6, 8) + "T" + s.substring(8, 10) + ":"
                + s.substring(10, 12) + ":" + s.substring(12, 14);
    }

    /** Whether some element of an array has the field non-empty (and equal to {@code value}, if given). */
    private static boolean any(JsonNode d, String array, String field, String value) throws NotADossier {
        for (JsonNode e : list(d, array)) {
            String v = text(e, field);
            if (v != null && (value == null || value.equals(v))) {
                return true;
            }
        }
        return false;
    }

    /** Σ DanhSachLePhi[].Gia; null when the list is absent; an unreadable price is passed on to be quarantined. */
    private static String fees(JsonNode d) throws NotADossier {
        List<JsonNode> list = list(d, "DanhSachLePhi");
        if (list.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode fee : list) {
            String price = text(fee, "Gia");
            if (price == null) {
                continue;
            }
            try {
                sum = sum.add(new BigDecimal(price));
            } catch (NumberFormatException e) {
                return price;
            }
        }
        return sum.toPlainString();
    }
}
