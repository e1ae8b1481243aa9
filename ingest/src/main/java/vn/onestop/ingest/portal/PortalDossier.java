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
 * {@code yyyyMMddHHmmss} become ISO local times; anything else is passed on as it is, for validation to judge.
 * Presence in the feed sets {@code synced_at} (to the time the feed was observed).
 */
final class PortalDossier {
    static final String SOURCE = "dvcqg";

    private PortalDossier() {
    }

    /** Writes the rows of one dossier object; {@code line} is its position in the feed. */
    static void stage(JsonNode node, String source, long line, String observedAt, StagingCsv cases, StagingCsv events,
                      StagingCsv supplements) {
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
        if (id == null && d.path("DinhDanhCHS").isArray() && !d.path("DinhDanhCHS").isEmpty()) {
            id = text(d.path("DinhDanhCHS").get(0), "SoDinhDanh");
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
        cases.row(source, line, ordered(RecordType.CASE, c));

        JsonNode history = node.has("tienTrinhDongBo") ? node.get("tienTrinhDongBo") : d.path("tienTrinhDongBo");
        int seq = 0;
        for (JsonNode e : iterable(history)) {
            Map<String, String> ev = new HashMap<>();
            ev.put("case_id", caseId);
            ev.put("seq", Integer.toString(++seq));
            ev.put("at", time(e, "ThoiDiemXuLy"));
            ev.put("status", text(e, "TrangThai"));
            ev.put("step", text(e, "NoiDungXuLy"));
            ev.put("unit", text(e, "PhongBanXuLy"));
            ev.put("officer", text(e, "NguoiXuLy"));
            events.row(source, line, ordered(RecordType.CASE_EVENT, ev));
        }
        for (JsonNode s : iterable(d.path("DanhSachHoSoBoSung"))) {
            Map<String, String> sp = new HashMap<>();
            sp.put("case_id", caseId);
            sp.put("requested_at", time(s, "NgayBoSung"));
            sp.put("received_at", time(s, "NgayTiepNhanBoSung"));
            sp.put("previous_due_at", time(s, "NgayHenTraTruoc"));
            sp.put("new_due_at", time(s, "NgayHenTraMoi"));
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

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array != null && array.isArray() ? array : List.of();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /** {@code yyyyMMddHHmmss} as ISO local time; other text is left for validation to judge. */
    static String time(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null || s.length() != 14 || !s.chars().allMatch(Character::isDigit)) {
            return s;
        }
        return s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6, 8) + "T" + s.substring(8, 10) + ":"
                + s.substring(10, 12) + ":" + s.substring(12, 14);
    }

    /** Whether some element of an array has the field non-empty (and equal to {@code value}, if given). */
    private static boolean any(JsonNode d, String array, String field, String value) {
        for (JsonNode e : iterable(d.path(array))) {
            String v = text(e, field);
            if (v != null && (value == null || value.equals(v))) {
                return true;
            }
        }
        return false;
    }

    /** Σ DanhSachLePhi[].Gia; null when the list is absent; an unreadable price is passed on to be quarantined. */
    private static String fees(JsonNode d) {
        JsonNode list = d.path("DanhSachLePhi");
        if (!list.isArray() || list.isEmpty()) {
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
