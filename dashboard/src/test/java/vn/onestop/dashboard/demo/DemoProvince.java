package vn.onestop.dashboard.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.sql.Sql;

/**
 * A plausible province for looking at the pages (screenshots, demos): 30 agencies, twelve months of 2024 with
 * quarters and the year, roll-ups from counts, 766 scores, 06a columns and R01/R02 dossiers. Deterministic (seeded);
 * test-only — real data comes from the publisher.
 */
final class DemoProvince {
    private static final String RUN = "run-2025-01-02";
    private static final String[] GIVEN = {"Nguyễn V. A.", "Trần T. B.", "Lê V. C.", "Phạm T. D.", "Hoàng V. E.",
        "Võ T. G.", "Đặng V. H.", "Bùi T. K.", "Đỗ V. L.", "Y Nhi"};
    private static final String[][] PROCEDURES = {{"1.004227", "Cấp phiếu lý lịch tư pháp"},
        {"1.001612", "Đăng ký khai sinh"}, {"1.003608", "Cấp giấy phép xây dựng"},
        {"1.004873", "Đăng ký biến động quyền sử dụng đất"}, {"2.000794", "Chứng thực bản sao từ bản chính"}};

    private record Agency(String code, String name, String kind, String parent, String group, double quality,
                          int volume) {
    }

    /** Counts of one agency in one month, from which every rate is computed. */
    private record Counts(int received, int online, int carried, int early, int onTime, int late, int pendingDue,
                          int pendingOverdue, int synced, int digitized, int lateNoApology, int apologies,
                          int apologiesLate) {
        int toHandle() {
            return received + carried;
        }

        Counts plus(Counts o) {
            return new Counts(received + o.received, online + o.online, carried + o.carried, early + o.early,
                    onTime + o.onTime, late + o.late, pendingDue + o.pendingDue, pendingOverdue + o.pendingOverdue,
                    synced + o.synced, digitized + o.digitized, lateNoApology + o.lateNoApology,
                    apologies + o.apologies, apologiesLate + o.apologiesLate);
        }
    }

    private static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private final Store store;
    private final Random random = new Random(766);
    private final List<Agency> agencies = new ArrayList<>();
    private int caseNumber = 1;

    private DemoProvince(Store store) {
        this.store = store;
    }

    static void publish(Store store) {
        new DemoProvince(store).write();
    }

    private void write() {
        runs();
        agencies();
        indicators();
        Map<String, Map<LocalDate, Counts>> monthly = new LinkedHashMap<>();
        for (Agency a : agencies) {
            Map<LocalDate, Counts> months = new LinkedHashMap<>();
            for (int m = 1; m <= 12; m++) {
                months.put(LocalDate.of(2024, m, 1), counts(a, m));
            }
            monthly.put(a.code(), months);
        }
        for (int m = 1; m <= 12; m++) {
            LocalDate start = LocalDate.of(2024, m, 1);
            period("month", start, start.plusMonths(1).minusDays(1), monthly, List.of(start));
        }
        for (int q = 0; q < 4; q++) {
            LocalDate start = LocalDate.of(2024, q * 3 + 1, 1);
            period("quarter", start, start.plusMonths(3).minusDays(1), monthly, months(start, 3));
        }
        for (int h = 0; h < 2; h++) {
            LocalDate start = LocalDate.of(2024, h * 6 + 1, 1);
            period("half", start, start.plusMonths(6).minusDays(1), monthly, months(start, 6));
        }
        period("year", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), monthly,
                months(LocalDate.of(2024, 1, 1), 12));
        // Report periods of Decree 09/2019 (15th of the month before to the 14th); the demo lets each report month
        // carry the counts of the calendar month it is named after.
        for (int m = 1; m <= 12; m++) {
            LocalDate named = LocalDate.of(2024, m, 1);
            period("report_month", named.minusMonths(1).withDayOfMonth(15), named.withDayOfMonth(14), monthly,
                    List.of(named));
        }
        for (int q = 0; q < 4; q++) {
            LocalDate named = LocalDate.of(2024, q * 3 + 1, 1);
            period("report_quarter", named.minusMonths(1).withDayOfMonth(15), named.plusMonths(2).withDayOfMonth(14),
                    monthly, months(named, 3));
        }
        period("report_half", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 6, 14), monthly,
                months(LocalDate.of(2024, 1, 1), 6));
        period("report_nine_months", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 9, 14), monthly,
                months(LocalDate.of(2024, 1, 1), 9));
        period("report_year", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 12, 14), monthly,
                months(LocalDate.of(2024, 1, 1), 12));
        groupsAndRules();
        Sql.update(store, "INSERT INTO current_run (id, run_id, published_at) VALUES (1, ?, ?)", RUN,
                LocalDateTime.of(2025, 1, 2, 2, 14));
    }

    private static List<LocalDate> months(LocalDate first, int n) {
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(first.plusMonths(i));
        }
        return out;
    }

    private void groupsAndRules() {
        String[][] groups = {{"GROUP_DEPARTMENT", "department", "Khối sở, ban, ngành", "Provincial departments"},
            {"GROUP_COMMUNE_PPC", "commune_ppc", "Khối UBND cấp xã", "Commune People's Committees"},
            {"GROUP_VERTICAL", "vertical", "Cơ quan ngành dọc", "Vertical agencies"}};
        for (String[] g : groups) {
            Sql.update(store, "INSERT INTO pub_group (run_id, group_code, kind, name_vi, name_en) VALUES (?, ?, ?, ?, ?)",
                    RUN, g[0], g[1], g[2], g[3]);
        }
        Sql.update(store, "INSERT INTO pub_rule (run_id, rule_id, name_vi, name_en, basis, threshold_vi, threshold_en) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", RUN, "R01", "Hồ sơ trễ hạn không có phiếu xin lỗi",
                "Late, no apology slip", "Nghị định 61/2018/NĐ-CP (đến 30/6/2025), Nghị định 118/2025/NĐ-CP; mẫu 04",
                "Trễ hạn (giải quyết sau hạn trả đã tính thời gian tạm dừng, hoặc còn tồn quá hạn cuối kỳ) và chưa có "
                        + "phiếu xin lỗi đến hết kỳ",
                "Late (finished after the effective due time, or pending and overdue at the end of the period) and "
                        + "no apology slip by the end of the period");
        Sql.update(store, "INSERT INTO pub_rule (run_id, rule_id, name_vi, name_en, basis, threshold_vi, threshold_en) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", RUN, "R02", "Phiếu xin lỗi gửi muộn", "Apology slip too late",
                "Nghị định 61/2018/NĐ-CP, Nghị định 118/2025/NĐ-CP: chậm nhất 01 ngày làm việc trước hạn trả",
                "Phiếu xin lỗi gửi sau 17:00 của ngày làm việc liền trước ngày hẹn trả (đã tính thời gian tạm dừng)",
                "Apology issued after 17:00 of the working day before the due day (pauses included)");
    }

    private void runs() {
        run("run-2024-12-30", "succeeded", null, LocalDateTime.of(2024, 12, 30, 2, 0));
        run("run-2025-01-01", "failed", "Nguồn JDBC một cửa điện tử không phản hồi sau 3 lần thử (timeout 60 s).",
                LocalDateTime.of(2025, 1, 1, 2, 0));
        run(RUN, "succeeded", null, LocalDateTime.of(2025, 1, 2, 2, 0));
        count("dvcqg-feed", "case", 48_210, 47_002, 312, 896);
        count("onestop-jdbc", "case_event", 301_554, 301_554, 0, 0);
        count("csv:case_apology_2024.csv", "case_apology", 1_284, 1_270, 14, 0);
        count("xlsx:feedback_2024.xlsx", "feedback", 610, 598, 12, 0);
        String[][] reasons = {{"case", "MISSING_CASE_ID"}, {"case", "RECEIVED_AFTER_FINISHED"},
            {"case_apology", "UNKNOWN_CASE"}, {"feedback", "BAD_DATE"}};
        for (int i = 0; i < 40; i++) {
            String[] r = reasons[i % reasons.length];
            Sql.update(store, "INSERT INTO run_quarantine (run_id, record_type, location, reason, detail, raw_value) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", RUN, r[0], r[0] + "_2024.csv:" + (100 + i * 17), r[1],
                    "Dòng không hợp lệ: " + r[1], "HS-" + (9000 + i) + ";" + GIVEN[i % GIVEN.length]);
        }
    }

    private void run(String id, String status, String message, LocalDateTime started) {
        Sql.update(store, "INSERT INTO run (run_id, trigger_kind, status, started_at, finished_at, period_from, "
                        + "period_to, points_profile, formula_version, message) VALUES (?, 'scheduled', ?, ?, ?, ?, ?, "
                        + "'dvcqg-2025', '2025.1', ?)",
                id, status, started, started.plusMinutes(status.equals("failed") ? 3 : 14), LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), message);
    }

    private void count(String source, String type, long read, long accepted, long quarantined, long superseded) {
        Sql.update(store, "INSERT INTO run_input_count VALUES (?, ?, ?, ?, ?, ?, ?)", RUN, source, type, read,
                accepted, quarantined, superseded);
    }

    private void agencies() {
        String[] departments = {"Sở Tư pháp", "Sở Xây dựng", "Sở Tài chính", "Sở Nông nghiệp và Môi trường", "Sở Y tế",
            "Sở Giáo dục và Đào tạo", "Sở Công Thương", "Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Khoa học và Công nghệ", "Sở Dân tộc và Tôn giáo", "Ban Quản lý Khu kinh tế"};
        for (int i = 0; i < departments.length; i++) {
            agency(new Agency(String.format("000.00.%02d.H34", 10 + i), departments[i], "department", null,
                    "GROUP_DEPARTMENT", 0.80 + random.nextDouble() * 0.19, 120 + random.nextInt(380)));
        }
        agency(new Agency("000.13.13.H34", "Văn phòng Đăng ký đất đai", "branch", "000.00.13.H34",
                "GROUP_DEPARTMENT", 0.70, 520));
        String[] communes = {"Phường Kon Tum", "Phường Đăk Cấm", "Xã Đăk Hà", "Xã Đăk Tô", "Xã Ngọc Hồi", "Xã Sa Thầy",
            "Xã Ia H'Drai", "Xã Đăk Glei", "Xã Kon Plông", "Xã Măng Đen", "Xã Tu Mơ Rông", "Xã Đăk Mar", "Xã Bờ Y",
            "Xã Ya Ly", "Xã Đăk Rơ Wa"};
        for (int i = 0; i < communes.length; i++) {
            agency(new Agency(String.format("000.%02d.40.H34", 20 + i), "UBND " + communes[i],
                    "commune_ppc", null, "GROUP_COMMUNE_PPC", 0.62 + random.nextDouble() * 0.36,
                    40 + random.nextInt(160)));
        }
        agency(new Agency("000.99.01.H34", "Chi cục Thuế khu vực XV", "vertical", null, "GROUP_VERTICAL", 0.9, 300));
    }

    private void agency(Agency a) {
        agencies.add(a);
        Sql.update(store, "INSERT INTO pub_agency (run_id, agency_code, name, kind, parent_code, valid_from, valid_to, "
                + "successor_code, group_code) VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?)", RUN, a.code(), a.name(),
                a.kind(), a.parent(), a.group());
    }

    private void indicators() {
        indicator("766.1.4", "transparency", "Hồ sơ đồng bộ lên Cổng DVCQG", "Dossiers synced to the national portal",
                "percent", 6, null, "Hồ sơ tiếp nhận trong kỳ đã đồng bộ ÷ hồ sơ tiếp nhận trong kỳ", 10);
        indicator("766.2.1", "progress", "Hồ sơ xử lý trước hạn, đúng hạn", "Dossiers handled early or on time",
                "percent", 20, null, "(Giải quyết trước hạn + đúng hạn) + đang giải quyết chưa đến hạn ÷ hồ sơ phải "
                        + "giải quyết trong kỳ", 20);
        indicator("766.3.3", "online", "Hồ sơ trực tuyến", "Online dossiers", "percent", 6, 50,
                "Hồ sơ trực tuyến tiếp nhận trong kỳ ÷ hồ sơ tiếp nhận trong kỳ, × tỷ lệ đồng bộ (766.1.4)", 30);
        indicator("766.4.2", "digitization", "Hồ sơ được số hóa", "Digitized dossiers", "percent", 4, 80,
                "Hồ sơ tiếp nhận trong kỳ có thành phần được số hóa ÷ hồ sơ tiếp nhận trong kỳ", 40);
        indicator("766.total", "total", "Điểm Chỉ số 766 (chuẩn hóa)", "766 index (normalised)", "score", null, null,
                "Tổng điểm × 100 ÷ điểm tối đa có dữ liệu", 90);
        String[][] columns = {{"3", "Tổng số hồ sơ cần giải quyết"}, {"4", "Tiếp nhận trực tuyến"},
            {"5", "Tiếp nhận trực tiếp, bưu chính"}, {"6", "Kỳ trước chuyển sang"}, {"7", "Đã giải quyết"},
            {"8", "Trước hạn"}, {"9", "Đúng hạn"}, {"10", "Trễ hạn"}, {"11", "Đang giải quyết"},
            {"12", "Trong hạn"}, {"13", "Quá hạn"}};
        for (String[] c : columns) {
            indicator("06a." + c[0], "report06", c[1], "Column " + c[0], "count", null, null,
                    "Cột (" + c[0] + ") mẫu II.06a/VPCP/KSTT", 100 + Integer.parseInt(c[0]));
        }
        indicator("R01.rate", "rule", "Trễ hạn không có phiếu xin lỗi", "Late without apology slip", "percent", null,
                null, "Hồ sơ trễ hạn không có phiếu xin lỗi và hẹn lại ngày trả ÷ hồ sơ trễ hạn", 200);
        indicator("R02.rate", "rule", "Phiếu xin lỗi gửi muộn", "Apology slip too late", "percent", null, null,
                "Phiếu xin lỗi gửi sau 1 ngày làm việc trước hạn ÷ phiếu xin lỗi", 210);
    }

    private void indicator(String id, String category, String vi, String en, String unit, Integer points,
                           Integer target, String formula, int order) {
        Sql.update(store, "INSERT INTO pub_indicator (run_id, indicator_id, category, name_vi, name_en, unit, points, "
                + "target_pct, basis, formula_vi, formula_en, sort_order, direction) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", RUN, id, category,
                vi, en, unit, points == null ? null : BigDecimal.valueOf(points),
                target == null ? null : BigDecimal.valueOf(target),
                id.startsWith("R") ? "Nghị định 61/2018/NĐ-CP; Nghị định 118/2025/NĐ-CP; mẫu 04"
                        : id.startsWith("06a") ? "Thông tư 01/2020/TT-VPCP, mẫu II.06a" : "Quyết định 766/QĐ-TTg (2022)",
                formula, formula, order, id.startsWith("R") ? "lower" : "higher");
    }

    private Counts counts(Agency a, int month) {
        if (a.kind().equals("commune_ppc") && a.volume() < 60 && month == 2) {
            return ZERO;
        }
        double seasonal = month == 2 ? 0.7 : 1.0 + 0.04 * Math.sin(month);
        int received = (int) Math.round(a.volume() * seasonal * (0.85 + random.nextDouble() * 0.3));
        int carried = (int) Math.round(received * 0.15);
        int toHandle = received + carried;
        double q = Math.min(0.995, a.quality() + (month - 6) * 0.004 + (random.nextDouble() - 0.5) * 0.06);
        int pending = (int) Math.round(toHandle * 0.12);
        int pendingOverdue = (int) Math.round(pending * (1 - q) * 1.5);
        int resolved = toHandle - pending;
        int late = (int) Math.round(resolved * (1 - q));
        int early = (int) Math.round((resolved - late) * 0.4);
        int lateAll = late + pendingOverdue;
        int noApology = (int) Math.round(lateAll * Math.min(1, (1 - a.quality()) * 3 * random.nextDouble()));
        int apologies = lateAll - noApology;
        return new Counts(received, (int) Math.round(received * (0.25 + a.quality() * 0.35)), carried, early,
                resolved - late - early, late, pending - pendingOverdue, pendingOverdue,
                (int) Math.round(received * Math.min(1, q + 0.05)), (int) Math.round(received * (q - 0.1)),
                noApology, apologies, (int) Math.round(apologies * (1 - q)));
    }

    private void period(String kind, LocalDate start, LocalDate end, Map<String, Map<LocalDate, Counts>> monthly,
                        List<LocalDate> months) {
        Sql.update(store, "INSERT INTO pub_period (run_id, period_kind, period_start, period_end, is_report, is_clipped) "
                + "VALUES (?, ?, ?, ?, ?, FALSE)", RUN, kind, start, end, kind.startsWith("report_"));
        Map<String, Counts> groups = new LinkedHashMap<>();
        Counts province = ZERO;
        for (Agency a : agencies) {
            Counts c = ZERO;
            for (LocalDate m : months) {
                c = c.plus(monthly.get(a.code()).get(m));
            }
            values(a.code(), "agency", kind, start, end, c);
            flags(a, kind, start, c);
            groups.merge(a.group(), c, Counts::plus);
            province = province.plus(c);
        }
        groups.forEach((group, c) -> values(group, "group", kind, start, end, c));
        values("TINH", "province", kind, start, end, province);
    }

    private void values(String scope, String scopeKind, String kind, LocalDate start, LocalDate end, Counts c) {
        BigDecimal score = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        Object[][] rates = {
            {"766.1.4", c.synced(), c.received(), 6, 100},
            {"766.2.1", c.early() + c.onTime() + c.pendingDue(), c.toHandle(), 20, 100},
            {"766.3.3", c.online(), c.received(), 6, 50},
            {"766.4.2", c.digitized(), c.received(), 4, 80}};
        for (Object[] r : rates) {
            BigDecimal pct = pct((int) r[1], (int) r[2]);
            BigDecimal points = null;
            BigDecimal available = BigDecimal.valueOf((int) r[3]);
            if (pct != null) {
                BigDecimal share = pct.divide(BigDecimal.valueOf((int) r[4]), 6, RoundingMode.HALF_UP).min(BigDecimal.ONE);
                points = available.multiply(share).setScale(2, RoundingMode.HALF_UP);
                score = score.add(points);
                max = max.add(available);
            }
            value(scope, scopeKind, kind, start, end, (String) r[0], (int) r[1], (int) r[2], pct, points,
                    pct == null ? null : available);
        }
        BigDecimal normalised = max.signum() == 0 ? null
                : score.multiply(BigDecimal.valueOf(100)).divide(max, 2, RoundingMode.HALF_UP);
        value(scope, scopeKind, kind, start, end, "766.total", null, null, normalised,
                max.signum() == 0 ? null : score, max.signum() == 0 ? null : max);
        int resolved = c.early() + c.onTime() + c.late();
        int[] columns = {c.toHandle(), c.online(), c.received() - c.online(), c.carried(), resolved, c.early(),
            c.onTime(), c.late(), c.pendingDue() + c.pendingOverdue(), c.pendingDue(), c.pendingOverdue()};
        for (int i = 0; i < columns.length; i++) {
            value(scope, scopeKind, kind, start, end, "06a." + (i + 3), columns[i], null, null, null, null);
        }
        value(scope, scopeKind, kind, start, end, "R01.rate", c.lateNoApology(), c.late() + c.pendingOverdue(),
                pct(c.lateNoApology(), c.late() + c.pendingOverdue()), null, null);
        value(scope, scopeKind, kind, start, end, "R02.rate", c.apologiesLate(), c.apologies(),
                pct(c.apologiesLate(), c.apologies()), null, null);
    }

    private static BigDecimal pct(int numerator, int denominator) {
        return denominator == 0 ? null : BigDecimal.valueOf(numerator * 100L)
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    private void value(String scope, String scopeKind, String kind, LocalDate start, LocalDate end, String id,
                       Integer numerator, Integer denominator, BigDecimal pct, BigDecimal points, BigDecimal max) {
        Sql.update(store, "INSERT INTO pub_value VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", RUN, scope, scopeKind,
                kind, start, end, id, numerator == null ? null : BigDecimal.valueOf(numerator),
                denominator == null ? null : BigDecimal.valueOf(denominator), pct, points, max);
    }

    /**
     * The R01 and R02 dossiers of a period, as many as the counts say (a sample for long periods; none for the
     * half-years and the longer report periods), each with its timeline.
     */
    private void flags(Agency a, String kind, LocalDate start, Counts c) {
        if (!List.of("month", "quarter", "year", "report_month").contains(kind)) {
            return;
        }
        int r01 = kind.equals("month") ? c.lateNoApology() : Math.min(c.lateNoApology(), 60);
        int r02 = kind.equals("month") ? c.apologiesLate() : Math.min(c.apologiesLate(), 30);
        for (int i = 0; i < r01 + r02; i++) {
            String rule = i < r01 ? "R01" : "R02";
            String[] procedure = PROCEDURES[random.nextInt(PROCEDURES.length)];
            LocalDateTime received = start.atTime(7, 30).plusDays(random.nextInt(25)).plusMinutes(random.nextInt(540));
            LocalDateTime due = received.toLocalDate().plusDays(5 + random.nextInt(10)).atTime(17, 0);
            LocalDateTime finished = random.nextInt(5) == 0 ? null : due.plusDays(1 + random.nextInt(9)).minusHours(6);
            LocalDateTime apology = rule.equals("R02") ? due.minusHours(3) : null;
            String caseId = String.format("H34.%s-%06d", a.code().substring(4, 6), caseNumber++);
            timeline(caseId, received, due, finished, apology);
            Sql.update(store, "INSERT INTO pub_case_flag (run_id, rule_id, case_id, period_kind, agency_code, "
                            + "procedure_code, procedure_name, channel, status, received_at, due_at, effective_due_at, "
                            + "finished_at, apology_issued_at, apology_deadline, applicant_masked, period_start, detail_vi, "
                            + "detail_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    RUN, rule, caseId, kind, a.code(),
                    procedure[0], procedure[1], random.nextBoolean() ? "ONLINE" : "DIRECT", finished == null ? 4 : 10,
                    received, due, due, finished, apology, due.minusDays(1),
                    GIVEN[random.nextInt(GIVEN.length)],
                    start, rule.equals("R01") ? "Trễ hạn, không có phiếu xin lỗi và hẹn lại ngày trả"
                            : "Phiếu xin lỗi gửi sau hạn (1 ngày làm việc trước ngày hẹn trả)",
                    rule.equals("R01") ? "Late, no apology slip" : "Apology slip after its deadline");
        }
    }

    private static final String[] STEPS = {"Chuyển phòng chuyên môn thẩm định", "Trình lãnh đạo phê duyệt",
        "Chuyển bộ phận một cửa trả kết quả"};

    /** What happened to a flagged dossier, as the publisher's pub_case_timeline lists it. */
    private void timeline(String caseId, LocalDateTime received, LocalDateTime due, LocalDateTime finished,
                          LocalDateTime apology) {
        List<Object[]> events = new ArrayList<>();
        events.add(new Object[] {received, "received", 2, null, null, null});
        events.add(new Object[] {received.plusHours(2), "event", 4, STEPS[0], "Phòng chuyên môn",
            String.format("CB-%04x", random.nextInt(0xffff))});
        if (random.nextInt(3) == 0) {
            events.add(new Object[] {received.plusDays(1), "supplement_requested", 5, null, null, null});
            events.add(new Object[] {received.plusDays(2), "supplement_answered", null, null, null, null});
        }
        events.add(new Object[] {due.minusDays(1), "event", 4, STEPS[1], "Lãnh đạo đơn vị",
            String.format("CB-%04x", random.nextInt(0xffff))});
        if (apology != null) {
            events.add(new Object[] {apology, "apology", null, "Hồ sơ cần xác minh thêm tại địa phương", null, null});
        }
        events.add(new Object[] {due, "due", null, null, null, null});
        if (finished != null) {
            events.add(new Object[] {finished.minusHours(1), "event", 9, STEPS[2], "Bộ phận Một cửa", null});
            events.add(new Object[] {finished, "finished", 10, null, null, null});
            events.add(new Object[] {finished.plusHours(1), "synced", null, null, null, null});
        }
        events.sort((x, y) -> ((LocalDateTime) x[0]).compareTo((LocalDateTime) y[0]));
        for (int i = 0; i < events.size(); i++) {
            Object[] e = events.get(i);
            Sql.update(store, "INSERT INTO pub_case_timeline (run_id, case_id, seq, at, event_kind, status, label, unit, "
                    + "officer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", RUN, caseId, i + 1, e[0], e[1], e[2], e[3], e[4], e[5]);
        }
    }
}
