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
     * {@code asOf} as their last-modified time; dossiers and history rows the time of their last change. Dossiers,
     * history and ratings stream through {@code COPY} in the generator's order, one dossier in memory at a time, so
     * that 10 million dossiers load like 10 thousand, only longer.
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

        /** Dossiers in the order of case.csv: the n-th row gets id n, which the history and rating passes rely on. */
        private void dossiers() throws SQLException {
            try (CopyRows copy = new CopyRows(c, "motcua.hs_hoso", "id, ma_hoso, nguon, donvi_id, donvi_tiep_nhan_id, "
                    + "thutuc_id, hinh_thuc_nop, trang_thai, loai_doi_tuong, chu_hoso_ten, chu_hoso_giay_to, "
                    + "chu_hoso_dien_thoai, chu_hoso_email, ngay_nop, ngay_tiep_nhan, ngay_hen_tra, ngay_ket_thuc_xu_ly, "
                    + "ngay_tra_kq, ngay_tu_choi, ngay_tao, co_tep_dinh_kem, tai_su_dung_so_hoa, lay_tu_kho_ca_nhan, "
                    + "xac_thuc_vneid, ket_noi_csdl_dan_cu, co_ket_qua_dien_tu, tong_le_phi, thanh_toan_truc_tuyen, "
                    + "ngay_dong_bo_dvcqg, ngay_cap_nhat")) {
                files.forEach("case.csv", r -> {
                    String code = r.get("case_id");
                    Integer agency = agencyId.get(r.get("agency_code"));
                    Integer procedure = procedureId.get(r.get("procedure_code"));
                    if (agency == null || procedure == null || time(r, "updated_at") == null) {
                        throw new IllegalArgumentException("Dossier " + code + " cannot be loaded (unknown agency or "
                                + "procedure, or no updated_at): the vendor loader takes a province generated "
                                + "without bad rows");
                    }
                    Integer paid = integer(r, "paid_online");
                    copy.row(copy.rows() + 1, code, r.get("source"), agency, agencyId.get(text(r, "receiving_agency_code")),
                            procedure, VendorCodes.code(VendorCodes.CHANNEL, r.get("channel"), "channel"),
                            VendorCodes.STATUS.get(integer(r, "status")), integer(r, "applicant_kind"),
                            text(r, "applicant_name"), text(r, "applicant_id"), text(r, "applicant_phone"),
                            text(r, "applicant_email"), time(r, "submitted_at"), time(r, "received_at"),
                            time(r, "due_at"), time(r, "finished_at"), time(r, "returned_at"), time(r, "rejected_at"),
                            time(r, "recorded_at"), flag(r, "has_uploaded_components"), flag(r, "reused_digitized_data"),
                            flag(r, "from_personal_store"), flag(r, "vneid_verified"), flag(r, "population_db_used"),
                            flag(r, "e_result_issued"), text(r, "fee_amount") == null ? null
                                    : new BigDecimal(r.get("fee_amount")).toPlainString(),
                            paid == null ? 0 : paid, time(r, "synced_at"), time(r, "updated_at"));
                });
                rows.put("hs_hoso", copy.rows());
            }
        }

        /**
         * Steps, supplement requests (one row with their request step) and apologies, numbered per dossier: apologies
         * follow the dossier's last step.
         */
        private void history() throws SQLException {
            try (CopyRows copy = new CopyRows(c, "motcua.hs_quatrinhxuly", "id, hoso_id, thu_tu, loai_buoc, thoi_diem, "
                    + "trang_thai, noi_dung, don_vi_xu_ly, can_bo, ly_do, han_cu, han_moi, ngay_nhan_bo_sung, "
                    + "ngay_cap_nhat");
                 DossierRows dossiers = new DossierRows(files.dir(), "case_event.csv", "case_supplement.csv",
                         "case_apology.csv")) {
                long dossierId = 0;
                for (DossierRows.Dossier d = dossiers.next(); d != null; d = dossiers.next()) {
                    dossierId++;
                    Map<String, Map<String, String>> supplementAt = new HashMap<>();
                    d.of("case_supplement.csv").forEach(s -> supplementAt.put(s.get("requested_at"), s));
                    int lastSeq = 0;
                    for (Map<String, String> e : d.of("case_event.csv")) {
                        int seq = integer(e, "seq");
                        lastSeq = Math.max(lastSeq, seq);
                        Map<String, String> supplement = supplementAt.remove(e.get("at"));
                        Integer status = integer(e, "status");
                        LocalDateTime at = time(e, "at");
                        LocalDateTime answered = supplement == null ? null : time(supplement, "received_at");
                        copy.row(copy.rows() + 1, dossierId, seq,
                                supplement != null ? VendorCodes.SUPPLEMENT : VendorCodes.STEP, at,
                                status == null ? null : status == 4 && "Trình lãnh đạo phê duyệt".equals(e.get("step"))
                                        ? VendorCodes.TO_LEADER : VendorCodes.STATUS.get(status),
                                text(e, "step"), text(e, "unit"), text(e, "officer"), null,
                                supplement == null ? null : time(supplement, "previous_due_at"),
                                supplement == null ? null : time(supplement, "new_due_at"), answered,
                                answered != null && answered.isAfter(at) ? answered : at);
                    }
                    if (!supplementAt.isEmpty()) {
                        throw new IllegalArgumentException("Dossier " + d.caseId() + " has a supplement row at "
                                + supplementAt.keySet().iterator().next() + " without a request step in case_event.csv");
                    }
                    for (Map<String, String> a : d.of("case_apology.csv")) {
                        copy.row(copy.rows() + 1, dossierId, ++lastSeq, VendorCodes.APOLOGY, time(a, "issued_at"), null,
                                "Phiếu xin lỗi và hẹn lại ngày trả kết quả", null, null, text(a, "reason"),
                                time(a, "previous_due_at"), time(a, "new_due_at"), null, time(a, "issued_at"));
                    }
                }
                rows.put("hs_quatrinhxuly", copy.rows());
            }
        }

        private void ratings() throws SQLException {
            try (CopyRows copy = new CopyRows(c, "motcua.hs_danhgia", "id, hoso_id, thoi_diem, muc_hai_long, hai_long, "
                    + "ngay_cap_nhat");
                 DossierRows dossiers = new DossierRows(files.dir(), "case_rating.csv")) {
                long dossierId = 0;
                for (DossierRows.Dossier d = dossiers.next(); d != null; d = dossiers.next()) {
                    dossierId++;
                    for (Map<String, String> r : d.of("case_rating.csv")) {
                        copy.row(copy.rows() + 1, dossierId, time(r, "rated_at"), integer(r, "score"), bool(r, "satisfied"),
                                time(r, "rated_at"));
                    }
                }
                rows.put("hs_danhgia", copy.rows());
            }
        }

        private static String flag(Map<String, String> row, String column) {
            return Boolean.TRUE.equals(bool(row, column)) ? "true" : "false";
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
