package vn.onestop.sample.vendor;

import static vn.onestop.sample.vendor.GeneratedFiles.bool;
import static vn.onestop.sample.vendor.GeneratedFiles.date;
import static vn.onestop.sample.vendor.GeneratedFiles.integer;
import static vn.onestop.sample.vendor.GeneratedFiles.text;
import static vn.onestop.sample.vendor.GeneratedFiles.time;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample vendor's one-stop database on PostgreSQL: {@link #createSchema} runs the shipped script
 * ({@code motcua-schema.sql}, schema {@code motcua}); {@link #load} fills it from a generated province, translating
 * canonical records into the vendor's tables and codes — supplement requests and apologies become rows of its
 * processing history, as such systems keep them. The loaded database extracts back to the same canonical records.
 */
public final class VendorDatabase {
    private static final int BATCH = 1_000;

    private VendorDatabase() {
    }

    /** What {@link #load} wrote, rows per vendor table. */
    public record LoadSummary(Map<String, Long> rows) {
    }

    /** Drops and re-creates the schema {@code motcua}. */
    public static void createSchema(Connection c) throws SQLException {
        String script;
        try (InputStream in = VendorDatabase.class.getResourceAsStream("motcua-schema.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Statement s = c.createStatement()) {
            for (String statement : statements(script)) {
                s.execute(statement);
            }
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /** Statements of a script without functions: comments dropped, split at a ';' that ends a line. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            String code = comment >= 0 ? line.substring(0, comment) : line;
            if (code.isBlank()) {
                continue;
            }
            current.append(code).append('\n');
            if (code.stripTrailing().endsWith(";")) {
                String s = current.toString().strip();
                out.add(s.substring(0, s.length() - 1));
                current.setLength(0);
            }
        }
        return out;
    }

    /**
     * Fills the (freshly created) schema from a folder the generator wrote without bad rows. Reference rows get
     * {@code asOf} as their last-modified time; dossiers and history rows the time of their last change.
     */
    public static LoadSummary load(Connection c, Path generated, LocalDateTime asOf) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Loader loader = new Loader(c, new GeneratedFiles(generated), asOf);
            loader.all();
            c.commit();
            return new LoadSummary(loader.rows);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static final class Loader {
        private final Connection c;
        private final GeneratedFiles files;
        private final LocalDateTime asOf;
        private final Map<String, Long> rows = new LinkedHashMap<>();
        private final Map<String, Integer> agencyId = new HashMap<>();
        private final Map<String, Integer> procedureId = new HashMap<>();
        private final Map<String, Long> caseId = new HashMap<>();

        Loader(Connection c, GeneratedFiles files, LocalDateTime asOf) {
            this.c = c;
            this.files = files;
            this.asOf = asOf;
        }

        void all() throws SQLException {
            agencies();
            procedures();
            agencyProcedures();
            dossiers();
            history();
            ratings();
            for (String[] seq : new String[][] {{"dm_donvi", "id"}, {"dm_linhvuc", "id"}, {"dm_thutuc", "id"},
                {"dm_donvi_thutuc", "id"}, {"hs_hoso", "id"}, {"hs_quatrinhxuly", "id"}, {"hs_danhgia", "id"}}) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT setval(pg_get_serial_sequence('motcua." + seq[0] + "', '" + seq[1] + "'), "
                            + "coalesce((SELECT max(" + seq[1] + ") FROM motcua." + seq[0] + "), 0) + 1, false)");
                }
            }
        }

        private void agencies() throws SQLException {
            List<Map<String, String>> all = files.all("agency.csv");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO motcua.dm_donvi (id, ma_donvi, ten_donvi, "
                    + "loai_donvi, hieu_luc_tu, hieu_luc_den, ngay_cap_nhat) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int id = 0;
                for (Map<String, String> a : all) {
                    agencyId.put(a.get("agency_code"), ++id);
                    ps.setInt(1, id);
                    ps.setString(2, a.get("agency_code"));
                    ps.setString(3, a.get("name"));
                    ps.setString(4, VendorCodes.code(VendorCodes.AGENCY_KIND, a.get("kind"), "agency kind"));
                    ps.setObject(5, date(a, "valid_from"));
                    ps.setObject(6, date(a, "valid_to"));
                    ps.setObject(7, asOf);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE motcua.dm_donvi SET donvi_cha_id = ?, donvi_ke_thua_id = ? WHERE id = ?")) {
                for (Map<String, String> a : all) {
                    ps.setObject(1, agencyId.get(text(a, "parent_code")));
                    ps.setObject(2, agencyId.get(text(a, "successor_code")));
                    ps.setInt(3, agencyId.get(a.get("agency_code")));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            rows.put("dm_donvi", (long) all.size());
        }

        private void procedures() throws SQLException {
            List<Map<String, String>> all = files.all("procedure.csv");
            Map<String, Integer> fieldId = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO motcua.dm_linhvuc (id, ma_linhvuc, ten_linhvuc) VALUES (?, ?, ?)")) {
                for (Map<String, String> p : all) {
                    String code = p.get("field_code");
                    if (!fieldId.containsKey(code)) {
                        fieldId.put(code, fieldId.size() + 1);
                        ps.setInt(1, fieldId.get(code));
                        ps.setString(2, code);
                        ps.setString(3, p.get("field_name"));
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO motcua.dm_thutuc (id, ma_thutuc, ten_thutuc, "
                    + "linhvuc_id, cap_thuc_hien, thoi_han, don_vi_thoi_han, muc_do_truc_tuyen, du_dk_toan_trinh, "
                    + "ket_qua_la_giay_to, co_phi_le_phi, doi_tuong_thuc_hien, ngay_qd_cong_bo, ngay_hieu_luc, "
                    + "ngay_cong_khai, cong_khai_day_du, ngay_cap_nhat) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int id = 0;
                for (Map<String, String> p : all) {
                    procedureId.put(p.get("procedure_code"), ++id);
                    ps.setInt(1, id);
                    ps.setString(2, p.get("procedure_code"));
                    ps.setString(3, p.get("name"));
                    ps.setInt(4, fieldId.get(p.get("field_code")));
                    ps.setString(5, VendorCodes.code(VendorCodes.AUTHORITY_LEVEL, text(p, "authority_level"),
                            "authority level"));
                    ps.setBigDecimal(6, text(p, "legal_duration") == null ? null : new BigDecimal(p.get("legal_duration")));
                    ps.setString(7, VendorCodes.code(VendorCodes.DURATION_UNIT, text(p, "duration_unit"), "duration unit"));
                    ps.setString(8, VendorCodes.code(VendorCodes.ONLINE_LEVEL, text(p, "online_level"), "online level"));
                    ps.setObject(9, bool(p, "full_online_eligible"));
                    ps.setObject(10, bool(p, "result_is_document"));
                    ps.setObject(11, bool(p, "has_fee"));
                    ps.setString(12, text(p, "applicant_kinds"));
                    ps.setObject(13, date(p, "announced_on"));
                    ps.setObject(14, date(p, "legal_basis_effective_on"));
                    ps.setObject(15, date(p, "published_on"));
                    ps.setObject(16, bool(p, "components_complete"));
                    ps.setObject(17, asOf);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            rows.put("dm_linhvuc", (long) fieldId.size());
            rows.put("dm_thutuc", (long) all.size());
        }

        private void agencyProcedures() throws SQLException {
            long[] n = {0};
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO motcua.dm_donvi_thutuc (id, donvi_id, "
                    + "thutuc_id, ngay_cap_nhat) VALUES (?, ?, ?, ?)")) {
                files.forEach("agency_procedure.csv", r -> batch(ps, n, () -> {
                    ps.setLong(1, n[0] + 1);
                    ps.setInt(2, agencyId.get(r.get("agency_code")));
                    ps.setInt(3, procedureId.get(r.get("procedure_code")));
                    ps.setObject(4, asOf);
                }));
                ps.executeBatch();
            }
            rows.put("dm_donvi_thutuc", n[0]);
        }

        private void dossiers() throws SQLException {
            long[] n = {0};
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO motcua.hs_hoso (id, ma_hoso, nguon, donvi_id, "
                    + "donvi_tiep_nhan_id, thutuc_id, hinh_thuc_nop, trang_thai, loai_doi_tuong, chu_hoso_ten, "
                    + "chu_hoso_giay_to, chu_hoso_dien_thoai, chu_hoso_email, ngay_nop, ngay_tiep_nhan, ngay_hen_tra, "
                    + "ngay_ket_thuc_xu_ly, ngay_tra_kq, ngay_tu_choi, ngay_tao, co_tep_dinh_kem, tai_su_dung_so_hoa, "
                    + "lay_tu_kho_ca_nhan, xac_thuc_vneid, ket_noi_csdl_dan_cu, co_ket_qua_dien_tu, tong_le_phi, "
                    + "thanh_toan_truc_tuyen, ngay_dong_bo_dvcqg, ngay_cap_nhat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                files.forEach("case.csv", r -> batch(ps, n, () -> {
                    long id = n[0] + 1;
                    String code = r.get("case_id");
                    if (caseId.put(code, id) != null) {
                        throw new IllegalArgumentException("case.csv holds dossier " + code + " twice: the vendor "
                                + "loader takes a province generated without bad rows");
                    }
                    Integer agency = agencyId.get(r.get("agency_code"));
                    Integer procedure = procedureId.get(r.get("procedure_code"));
                    if (agency == null || procedure == null || time(r, "updated_at") == null) {
                        throw new IllegalArgumentException("Dossier " + code + " cannot be loaded (unknown agency or "
                                + "procedure, or no updated_at): the vendor loader takes a province generated "
                                + "without bad rows");
                    }
                    ps.setLong(1, id);
                    ps.setString(2, code);
                    ps.setString(3, r.get("source"));
                    ps.setInt(4, agency);
                    ps.setObject(5, agencyId.get(text(r, "receiving_agency_code")));
                    ps.setInt(6, procedure);
                    ps.setString(7, VendorCodes.code(VendorCodes.CHANNEL, r.get("channel"), "channel"));
                    ps.setInt(8, VendorCodes.STATUS.get(integer(r, "status")));
                    ps.setObject(9, integer(r, "applicant_kind"));
                    ps.setString(10, text(r, "applicant_name"));
                    ps.setString(11, text(r, "applicant_id"));
                    ps.setString(12, text(r, "applicant_phone"));
                    ps.setString(13, text(r, "applicant_email"));
                    int i = 14;
                    for (String t : new String[] {"submitted_at", "received_at", "due_at", "finished_at",
                        "returned_at", "rejected_at", "recorded_at"}) {
                        ps.setObject(i++, time(r, t));
                    }
                    for (String b : new String[] {"has_uploaded_components", "reused_digitized_data",
                        "from_personal_store", "vneid_verified", "population_db_used", "e_result_issued"}) {
                        ps.setBoolean(i++, Boolean.TRUE.equals(bool(r, b)));
                    }
                    ps.setBigDecimal(i++, text(r, "fee_amount") == null ? null : new BigDecimal(r.get("fee_amount")));
                    ps.setInt(i++, integer(r, "paid_online") == null ? 0 : integer(r, "paid_online"));
                    ps.setObject(i++, time(r, "synced_at"));
                    ps.setObject(i, time(r, "updated_at"));
                }));
                ps.executeBatch();
            }
            rows.put("hs_hoso", n[0]);
        }

        /** Steps, supplement requests (one row with their request step) and apologies, numbered per dossier. */
        private void history() throws SQLException {
            Map<String, Map<String, String>> supplementAt = new HashMap<>();
            files.forEach("case_supplement.csv", s -> supplementAt.put(s.get("case_id") + "@" + s.get("requested_at"), s));
            Map<String, List<Map<String, String>>> apologies = new HashMap<>();
            files.forEach("case_apology.csv", a -> apologies.computeIfAbsent(a.get("case_id"), k -> new ArrayList<>()).add(a));
            Map<String, Integer> lastSeq = new HashMap<>();
            long[] n = {0};
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO motcua.hs_quatrinhxuly (id, hoso_id, thu_tu, "
                    + "loai_buoc, thoi_diem, trang_thai, noi_dung, don_vi_xu_ly, can_bo, ly_do, han_cu, han_moi, "
                    + "ngay_nhan_bo_sung, ngay_cap_nhat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                files.forEach("case_event.csv", e -> batch(ps, n, () -> {
                    String code = e.get("case_id");
                    int seq = integer(e, "seq");
                    lastSeq.merge(code, seq, Math::max);
                    Map<String, String> supplement = supplementAt.remove(code + "@" + e.get("at"));
                    Integer status = integer(e, "status");
                    LocalDateTime at = time(e, "at");
                    LocalDateTime answered = supplement == null ? null : time(supplement, "received_at");
                    ps.setLong(1, n[0] + 1);
                    ps.setLong(2, dossier(code));
                    ps.setInt(3, seq);
                    ps.setString(4, supplement != null ? VendorCodes.SUPPLEMENT : VendorCodes.STEP);
                    ps.setObject(5, at);
                    ps.setObject(6, status == null ? null : status == 4 && "Trình lãnh đạo phê duyệt".equals(e.get("step"))
                            ? VendorCodes.TO_LEADER : VendorCodes.STATUS.get(status));
                    ps.setString(7, text(e, "step"));
                    ps.setString(8, text(e, "unit"));
                    ps.setString(9, text(e, "officer"));
                    ps.setString(10, null);
                    ps.setObject(11, supplement == null ? null : time(supplement, "previous_due_at"));
                    ps.setObject(12, supplement == null ? null : time(supplement, "new_due_at"));
                    ps.setObject(13, answered);
                    ps.setObject(14, answered != null && answered.isAfter(at) ? answered : at);
                }));
                if (!supplementAt.isEmpty()) {
                    throw new IllegalArgumentException(supplementAt.size() + " supplement rows have no request step "
                            + "in case_event.csv (e.g. " + supplementAt.keySet().iterator().next() + ")");
                }
                for (var entry : apologies.entrySet()) {
                    int seq = lastSeq.getOrDefault(entry.getKey(), 0);
                    for (Map<String, String> a : entry.getValue()) {
                        int thisSeq = ++seq;
                        batch(ps, n, () -> {
                            ps.setLong(1, n[0] + 1);
                            ps.setLong(2, dossier(entry.getKey()));
                            ps.setInt(3, thisSeq);
                            ps.setString(4, VendorCodes.APOLOGY);
                            ps.setObject(5, time(a, "issued_at"));
                            ps.setObject(6, null);
                            ps.setString(7, "Phiếu xin lỗi và hẹn lại ngày trả kết quả");
                            ps.setString(8, null);
                            ps.setString(9, null);
                            ps.setString(10, text(a, "reason"));
                            ps.setObject(11, time(a, "previous_due_at"));
                            ps.setObject(12, time(a, "new_due_at"));
                            ps.setObject(13, null);
                            ps.setObject(14, time(a, "issued_at"));
                        });
                    }
                }
                ps.executeBatch();
            }
            rows.put("hs_quatrinhxuly", n[0]);
        }

        private void ratings() throws SQLException {
            long[] n = {0};
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO motcua.hs_danhgia (id, hoso_id, thoi_diem, "
                    + "muc_hai_long, hai_long, ngay_cap_nhat) VALUES (?, ?, ?, ?, ?, ?)")) {
                files.forEach("case_rating.csv", r -> batch(ps, n, () -> {
                    ps.setLong(1, n[0] + 1);
                    ps.setLong(2, dossier(r.get("case_id")));
                    ps.setObject(3, time(r, "rated_at"));
                    ps.setObject(4, integer(r, "score"));
                    ps.setObject(5, bool(r, "satisfied"));
                    ps.setObject(6, time(r, "rated_at"));
                }));
                ps.executeBatch();
            }
            rows.put("hs_danhgia", n[0]);
        }

        private long dossier(String code) {
            Long id = caseId.get(code);
            if (id == null) {
                throw new IllegalArgumentException("A dependent row names dossier " + code + ", which case.csv lacks");
            }
            return id;
        }

        private interface Binder {
            void bind() throws SQLException;
        }

        /** Binds one row and sends the batch every {@value #BATCH} rows; {@code n[0]} counts rows. */
        private static void batch(PreparedStatement ps, long[] n, Binder binder) {
            try {
                binder.bind();
                ps.addBatch();
                if (++n[0] % BATCH == 0) {
                    ps.executeBatch();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot load the vendor database: " + e.getMessage(), e);
            }
        }
    }
}
