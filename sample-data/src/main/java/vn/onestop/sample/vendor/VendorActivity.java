package vn.onestop.sample.vendor;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import vn.onestop.core.calendar.DurationUnit;
import vn.onestop.core.calendar.WorkingCalendar;

/**
 * A day of work in the sample vendor database, the way its application would do it: online dossiers arrive (also
 * at weekends), counters receive dossiers, handlers forward, ask for supplements, send results for signature and
 * finish, citizens supplement online and collect results, late dossiers get apology slips, results are rated.
 * Every change sets {@code ngay_cap_nhat} to its own time, so incremental extraction sees it. At the start of each
 * day a couple of changes are committed with a time a few minutes before the newest change already committed —
 * transactions that began before last night's extraction and committed after it, which only an overlap window
 * catches. A dossier whose last step is more than {@link #DORMANT_AFTER_DAYS} days old is dormant — a result
 * nobody came for, a supplement the citizen never sent, a stuck dossier — and moves on a given day only with a
 * small chance ({@link #DORMANT_DAILY_CHANCE}): the generated history leaves thousands of them over every month, and
 * moving them at the pace of fresh work made the first simulated day clear most of a years-long backlog at once.
 * Deterministic: the same seed and days give the same changes.
 */
public final class VendorActivity {
    static final int DORMANT_AFTER_DAYS = 30;
    static final double DORMANT_DAILY_CHANCE = 0.005;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final String[] NAMES = {"Nguyễn Văn An", "Trần Thị Bích", "Lê Minh Châu", "Phạm Quốc Dũng",
        "A Thút", "Y Blơi", "Hoàng Thị Hạnh", "Đinh Văn Khánh", "Vũ Thị Lan", "Rơ Châm Minh"};

    private final Connection c;
    private final WorkingCalendar calendar;
    private final long seed;
    private final int newPerDay;
    private final int lateCommitsPerDay;

    /** What one day changed. */
    public record Day(LocalDate day, int newDossiers, int changes, int lateCommits) {
    }

    /**
     * @param newPerDay         dossiers submitted on a working day (a third of it on a rest day)
     * @param lateCommitsPerDay changes committed with a time just before the previous newest change
     */
    public VendorActivity(Connection c, long seed, int newPerDay, int lateCommitsPerDay) {
        this.c = c;
        this.calendar = WorkingCalendar.bundled();
        this.seed = seed;
        this.newPerDay = newPerDay;
        this.lateCommitsPerDay = lateCommitsPerDay;
    }

    /** Runs {@code days} days of activity after the newest change in the database. */
    public List<Day> advance(int days) throws SQLException {
        LocalDate day = newestChange().toLocalDate().plusDays(1);
        List<Day> out = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            out.add(advanceDay(day.plusDays(i)));
        }
        return out;
    }

    public Day advanceDay(LocalDate day) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            SplittableRandom rng = new SplittableRandom(seed * 31 + day.toEpochDay());
            int late = lateCommits(rng);
            c.commit();
            Changes changes = new Changes(day, rng);
            for (Pending p : pending()) {
                changes.progress(p);
            }
            int fresh = changes.newDossiers();
            c.commit();
            return new Day(day, fresh, changes.count, late);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private LocalDateTime newestChange() throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(ngay_cap_nhat) FROM motcua.hs_hoso")) {
            rs.next();
            return rs.getObject(1, LocalDateTime.class);
        }
    }

    /** Results handed out just before the previous newest change, but committed only now. */
    private int lateCommits(SplittableRandom rng) throws SQLException {
        LocalDateTime newest = newestChange();
        int done = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT h.id, h.ma_hoso, max(q.thoi_diem), max(q.thu_tu) "
                + "FROM motcua.hs_hoso h JOIN motcua.hs_quatrinhxuly q ON q.hoso_id = h.id WHERE h.trang_thai = ? "
                + "GROUP BY h.id, h.ma_hoso ORDER BY h.id")) {
            ps.setInt(1, VendorCodes.RESULT_READY);
            List<Pending> ready = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ready.add(new Pending(rs.getLong(1), rs.getString(2), 0, 0, null, VendorCodes.RESULT_READY, null,
                            null, rs.getObject(3, LocalDateTime.class), rs.getInt(4), false, null));
                }
            }
            while (!ready.isEmpty() && done < lateCommitsPerDay) {
                Pending p = ready.remove(rng.nextInt(ready.size()));
                LocalDateTime at = newest.minusMinutes(1 + rng.nextInt(5)).withSecond(rng.nextInt(60));
                if (!at.isAfter(p.lastAt().plusMinutes(1))) {
                    continue;
                }
                step(p, at, VendorCodes.RETURNED, "Trả kết quả cho tổ chức, cá nhân", "Bộ phận Một cửa", null);
                update("UPDATE motcua.hs_hoso SET trang_thai = ?, ngay_tra_kq = ?, ngay_cap_nhat = ? WHERE id = ?",
                        VendorCodes.RETURNED, at, at, p.id());
                done++;
            }
        }
        return done;
    }

    /** A dossier not yet ended, as the day's work sees it. */
    private record Pending(long id, String code, int agencyId, int procedureId, String channel, int status,
                           LocalDateTime received, LocalDateTime due, LocalDateTime lastAt, int lastSeq,
                           boolean apologised, Long openSupplement) {
    }

    private List<Pending> pending() throws SQLException {
        List<Pending> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT h.id, h.ma_hoso, h.donvi_id, h.thutuc_id, h.hinh_thuc_nop, "
                     + "h.trang_thai, h.ngay_tiep_nhan, h.ngay_hen_tra, "
                     + "(SELECT max(q.thoi_diem) FROM motcua.hs_quatrinhxuly q WHERE q.hoso_id = h.id), "
                     + "(SELECT max(q.thu_tu) FROM motcua.hs_quatrinhxuly q WHERE q.hoso_id = h.id), "
                     + "EXISTS (SELECT 1 FROM motcua.hs_quatrinhxuly q WHERE q.hoso_id = h.id AND q.loai_buoc = 'XIN_LOI'), "
                     + "(SELECT max(q.id) FROM motcua.hs_quatrinhxuly q WHERE q.hoso_id = h.id "
                     + "   AND q.loai_buoc = 'YC_BO_SUNG' AND q.ngay_nhan_bo_sung IS NULL) "
                     + "FROM motcua.hs_hoso h WHERE h.trang_thai NOT IN (2, 9, 10, 12) ORDER BY h.id")) {
            while (rs.next()) {
                out.add(new Pending(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                        rs.getInt(6), rs.getObject(7, LocalDateTime.class), rs.getObject(8, LocalDateTime.class),
                        rs.getObject(9, LocalDateTime.class), rs.getInt(10), rs.getBoolean(11),
                        (Long) rs.getObject(12)));
            }
        }
        return out;
    }

    /** The changes of one day. */
    private final class Changes {
        private final LocalDate day;
        private final SplittableRandom rng;
        private final boolean workingDay;
        private int count;

        Changes(LocalDate day, SplittableRandom rng) {
            this.day = day;
            this.rng = rng;
            this.workingDay = calendar.isWorkingDay(day);
        }

        /** A time during office hours of the day, after {@code after}; null when the day has no room left. */
        private LocalDateTime time(LocalDateTime after) {
            LocalDateTime lo = day.atTime(8, 0);
            if (after != null && after.plusMinutes(5).isAfter(lo)) {
                lo = after.plusMinutes(5);
            }
            LocalDateTime hi = day.atTime(16, 45);
            if (!lo.isBefore(hi)) {
                return null;
            }
            long span = java.time.Duration.between(lo, hi).getSeconds();
            return lo.plusSeconds(rng.nextLong(span));
        }

        void progress(Pending p) throws SQLException {
            boolean citizenMove = p.status() == VendorCodes.SUPPLEMENT_REQUESTED;
            if (!workingDay && !citizenMove) {
                return;
            }
            boolean dormant = p.lastAt() != null && p.lastAt().isBefore(day.minusDays(DORMANT_AFTER_DAYS).atStartOfDay());
            if (dormant && rng.nextDouble() >= DORMANT_DAILY_CHANCE) {
                return;
            }
            LocalDateTime at = time(p.lastAt());
            if (at == null) {
                return;
            }
            double u = rng.nextDouble();
            switch (p.status()) {
                case VendorCodes.SUBMITTED_ONLINE -> {
                    if (u < 0.05) {
                        change(p, at, VendorCodes.REFUSED, "Từ chối tiếp nhận hồ sơ", "ngay_tu_choi");
                    } else if (u < 0.75) {
                        receive(p, at);
                    }
                }
                case VendorCodes.RECEIVED -> {
                    if (u < 0.8) {
                        change(p, at, VendorCodes.IN_PROGRESS, "Chuyển hồ sơ đến bộ phận giải quyết", null);
                    }
                }
                case VendorCodes.IN_PROGRESS -> inProgress(p, at, u);
                case VendorCodes.TO_LEADER -> {
                    if (u < 0.6) {
                        change(p, at, VendorCodes.AWAITING_SIGNATURE, "Lãnh đạo duyệt, chờ ký số kết quả", null);
                    }
                }
                case VendorCodes.AWAITING_SIGNATURE -> {
                    if (u < 0.7) {
                        change(p, at, VendorCodes.RESULT_READY, "Hoàn thành giải quyết hồ sơ", "ngay_ket_thuc_xu_ly");
                    }
                }
                case VendorCodes.SUPPLEMENT_REQUESTED -> {
                    if (u < 0.35) {
                        change(p, at, VendorCodes.SUPPLEMENTED_AWAITING_RECEPTION,
                                "Công dân đã bổ sung hồ sơ trực tuyến", null);
                    }
                }
                case VendorCodes.SUPPLEMENTED_AWAITING_RECEPTION -> {
                    if (u < 0.8) {
                        acceptSupplement(p, at);
                    }
                }
                case VendorCodes.FEES_REQUESTED -> {
                    if (u < 0.5) {
                        change(p, at, VendorCodes.IN_PROGRESS, "Hoàn thành nghĩa vụ tài chính", null);
                    }
                }
                case VendorCodes.RESULT_READY -> {
                    if (u < 0.6) {
                        change(p, at, VendorCodes.RETURNED, "Trả kết quả cho tổ chức, cá nhân", "ngay_tra_kq");
                        if (rng.nextDouble() < 0.2) {
                            rate(p, at.plusMinutes(10 + rng.nextInt(300)));
                        }
                    }
                }
                default -> {
                }
            }
        }

        private void inProgress(Pending p, LocalDateTime at, double u) throws SQLException {
            if (p.due() != null && at.isAfter(p.due()) && !p.apologised() && rng.nextDouble() < 0.5) {
                LocalDateTime newDue = calendar.addWorkingDays(day, 3).atTime(17, 0);
                step(p, at, null, "Phiếu xin lỗi và hẹn lại ngày trả kết quả", null, null);
                update("UPDATE motcua.hs_quatrinhxuly SET loai_buoc = 'XIN_LOI', ly_do = ?, han_cu = ?, han_moi = ? "
                        + "WHERE hoso_id = ? AND thu_tu = ?", "Hồ sơ phải xác minh, lấy ý kiến của cơ quan liên quan",
                        p.due(), newDue, p.id(), p.lastSeq() + 1);
                update("UPDATE motcua.hs_hoso SET ngay_cap_nhat = ? WHERE id = ?", at, p.id());
                count++;
                return;
            }
            if (u < 0.08 && p.openSupplement() == null) {
                step(p, at, VendorCodes.SUPPLEMENT_REQUESTED, "Yêu cầu bổ sung, hoàn thiện hồ sơ", "Bộ phận chuyên môn", null);
                update("UPDATE motcua.hs_quatrinhxuly SET loai_buoc = 'YC_BO_SUNG', han_cu = ? "
                        + "WHERE hoso_id = ? AND thu_tu = ?", p.due(), p.id(), p.lastSeq() + 1);
                update("UPDATE motcua.hs_hoso SET trang_thai = ?, ngay_cap_nhat = ?, "
                        + "ngay_dong_bo_dvcqg = coalesce(?, ngay_dong_bo_dvcqg) WHERE id = ?",
                        VendorCodes.SUPPLEMENT_REQUESTED, at, synced(at), p.id());
                count++;
            } else if (u < 0.45) {
                change(p, at, rng.nextBoolean() ? VendorCodes.TO_LEADER : VendorCodes.AWAITING_SIGNATURE,
                        "Trình lãnh đạo phê duyệt", null);
            }
        }

        private void receive(Pending p, LocalDateTime at) throws SQLException {
            LocalDateTime due = dueAt(p.procedureId(), at);
            step(p, at, VendorCodes.RECEIVED, "Tiếp nhận hồ sơ", "Bộ phận Một cửa", null);
            update("UPDATE motcua.hs_hoso SET trang_thai = ?, ngay_tiep_nhan = ?, ngay_hen_tra = ?, ngay_cap_nhat = ?, "
                    + "ngay_dong_bo_dvcqg = coalesce(?, ngay_dong_bo_dvcqg) WHERE id = ?",
                    VendorCodes.RECEIVED, at, due, at, synced(at), p.id());
            count++;
        }

        /** The citizen's supplement is accepted: the pause ends and the due time moves by its length. */
        private void acceptSupplement(Pending p, LocalDateTime at) throws SQLException {
            step(p, at, VendorCodes.IN_PROGRESS, "Tiếp nhận hồ sơ bổ sung", "Bộ phận Một cửa", null);
            if (p.openSupplement() != null) {
                update("UPDATE motcua.hs_quatrinhxuly SET ngay_nhan_bo_sung = ?, "
                        + "han_moi = han_cu + (? - thoi_diem), ngay_cap_nhat = ? WHERE id = ?",
                        at, at, at, p.openSupplement());
            }
            update("UPDATE motcua.hs_hoso SET trang_thai = ?, ngay_cap_nhat = ?, "
                    + "ngay_dong_bo_dvcqg = coalesce(?, ngay_dong_bo_dvcqg) WHERE id = ?",
                    VendorCodes.IN_PROGRESS, at, synced(at), p.id());
            count++;
        }

        private void change(Pending p, LocalDateTime at, int status, String what, String dateColumn)
                throws SQLException {
            step(p, at, status, what, status == VendorCodes.RETURNED ? "Bộ phận Một cửa" : "Bộ phận chuyên môn", null);
            String date = dateColumn == null ? "" : dateColumn + " = ?, ";
            String sql = "UPDATE motcua.hs_hoso SET " + date + "trang_thai = ?, ngay_cap_nhat = ?, "
                    + "ngay_dong_bo_dvcqg = coalesce(?, ngay_dong_bo_dvcqg) WHERE id = ?";
            if (dateColumn == null) {
                update(sql, status, at, synced(at), p.id());
            } else {
                update(sql, at, status, at, synced(at), p.id());
            }
            count++;
        }

        private void rate(Pending p, LocalDateTime at) throws SQLException {
            int score = rng.nextDouble() < 0.85 ? 4 + rng.nextInt(2) : 1 + rng.nextInt(3);
            update("INSERT INTO motcua.hs_danhgia (hoso_id, thoi_diem, muc_hai_long, hai_long, ngay_cap_nhat) "
                    + "VALUES (?, ?, ?, ?, ?)", p.id(), at, score, score >= 3, at);
        }

        /** Pushed to the national portal minutes later, most of the time (else the previous push time stays). */
        private LocalDateTime synced(LocalDateTime at) {
            return rng.nextDouble() < 0.97 ? at.plusMinutes(3 + rng.nextInt(60)) : null;
        }

        int newDossiers() throws SQLException {
            List<int[]> templates = templates();
            int n = workingDay ? newPerDay : newPerDay / 3;
            int made = 0;
            for (int i = 0; i < n && !templates.isEmpty(); i++) {
                int[] t = templates.get(rng.nextInt(templates.size()));
                boolean online = !workingDay || rng.nextDouble() < 0.6;
                LocalDateTime at = online ? day.atTime(LocalTime.of(6 + rng.nextInt(16), rng.nextInt(60), rng.nextInt(60)))
                        : time(null);
                if (at == null) {
                    continue;
                }
                insertDossier(t[0], t[1], online, at, i + 1);
                made++;
            }
            return made;
        }

        private void insertDossier(int agencyId, int procedureId, boolean online, LocalDateTime at, int n)
                throws SQLException {
            String agencyCode = agencyCode(agencyId);
            String code = agencyCode + "-" + day.format(YYMMDD) + "-9" + String.format("%04d", n);
            String name = NAMES[rng.nextInt(NAMES.length)];
            LocalDateTime due = online ? null : dueAt(procedureId, at);
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO motcua.hs_hoso (ma_hoso, nguon, donvi_id, "
                    + "thutuc_id, hinh_thuc_nop, trang_thai, loai_doi_tuong, chu_hoso_ten, chu_hoso_giay_to, "
                    + "chu_hoso_dien_thoai, ngay_nop, ngay_tiep_nhan, ngay_hen_tra, ngay_tao, co_tep_dinh_kem, "
                    + "xac_thuc_vneid, thanh_toan_truc_tuyen, ngay_dong_bo_dvcqg, ngay_cap_nhat) "
                    + "VALUES (?, 'motcua-h37', ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) RETURNING id")) {
                ps.setString(1, code);
                ps.setInt(2, agencyId);
                ps.setInt(3, procedureId);
                ps.setString(4, online ? "TRUC_TUYEN" : "TRUC_TIEP");
                ps.setInt(5, online ? VendorCodes.SUBMITTED_ONLINE : VendorCodes.RECEIVED);
                ps.setString(6, name);
                ps.setString(7, String.format("0%011d", rng.nextLong(100_000_000_000L)));
                ps.setString(8, "09" + String.format("%08d", rng.nextInt(100_000_000)));
                ps.setObject(9, at);
                ps.setObject(10, online ? null : at);
                ps.setObject(11, due);
                ps.setObject(12, online ? at : at.plusMinutes(2));
                ps.setBoolean(13, online);
                ps.setBoolean(14, online && rng.nextBoolean());
                ps.setObject(15, synced(at));
                ps.setObject(16, online ? at : at.plusMinutes(2));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            Pending p = new Pending(id, code, agencyId, procedureId, null, 0, null, null, at, 0, false, null);
            step(p, at, online ? VendorCodes.SUBMITTED_ONLINE : VendorCodes.RECEIVED,
                    online ? "Nộp hồ sơ trực tuyến" : "Tiếp nhận hồ sơ",
                    online ? "Cổng Dịch vụ công tỉnh" : "Bộ phận Một cửa", null);
            count++;
        }

        private final Map<Integer, String> agencyCodes = new HashMap<>();

        private String agencyCode(int agencyId) throws SQLException {
            String code = agencyCodes.get(agencyId);
            if (code == null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT ma_donvi FROM motcua.dm_donvi WHERE id = ?")) {
                    ps.setInt(1, agencyId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        code = rs.getString(1);
                    }
                }
                agencyCodes.put(agencyId, code);
            }
            return code;
        }

        /** Agency and procedure pairs of recent dossiers: new ones look like them. */
        private List<int[]> templates() throws SQLException {
            List<int[]> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT donvi_id, thutuc_id FROM motcua.hs_hoso ORDER BY id DESC LIMIT 300")) {
                while (rs.next()) {
                    out.add(new int[] {rs.getInt(1), rs.getInt(2)});
                }
            }
            return out;
        }

        private LocalDateTime dueAt(int procedureId, LocalDateTime received) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT thoi_han, don_vi_thoi_han FROM motcua.dm_thutuc WHERE id = ?")) {
                ps.setInt(1, procedureId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    BigDecimal duration = rs.getBigDecimal(1);
                    DurationUnit unit = switch (rs.getString(2) == null ? "NGAY_LV" : rs.getString(2)) {
                        case "GIO" -> DurationUnit.HOURS;
                        case "NGAY" -> DurationUnit.DAYS;
                        case "THANG" -> DurationUnit.MONTHS;
                        default -> DurationUnit.WORKING_DAYS;
                    };
                    return duration == null ? null : calendar.dueAt(received, duration.longValue(), unit);
                }
            }
        }
    }

    /** Appends a row to the dossier's processing history. */
    private void step(Pending p, LocalDateTime at, Integer status, String what, String unit, String officer)
            throws SQLException {
        update("INSERT INTO motcua.hs_quatrinhxuly (hoso_id, thu_tu, loai_buoc, thoi_diem, trang_thai, noi_dung, "
                + "don_vi_xu_ly, can_bo, ngay_cap_nhat) VALUES (?, ?, 'XU_LY', ?, ?, ?, ?, ?, ?)",
                p.id(), p.lastSeq() + 1, at, status, what, unit, officer == null ? "CB" + (10000 + p.agencyId()) : officer, at);
    }

    private void update(String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
