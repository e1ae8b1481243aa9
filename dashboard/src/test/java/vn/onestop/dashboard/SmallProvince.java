package vn.onestop.dashboard;

import static vn.onestop.dashboard.PublishedRunFixture.FEBRUARY_2024;
import static vn.onestop.dashboard.PublishedRunFixture.MARCH_2024;
import static vn.onestop.dashboard.PublishedRunFixture.Q1_2024;
import static vn.onestop.dashboard.PublishedRunFixture.REPORT_MARCH_2024;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import vn.onestop.core.store.Store;

/**
 * The tests' province: a department with a branch, three communes (one named like an attack, one like a
 * spreadsheet formula) and a district dissolved before 2024; a published run for March 2024 with a no-data value,
 * R01/R02 flags with their timelines, the official progress table of the report month 15/02–14/03/2024, and an
 * older failed run. The numbers are small enough to check by hand.
 */
final class SmallProvince {
    static final String PASSWORD = "mat-khau-dai-1";
    static final String XSS_NAME = "<script>alert(1)</script>";
    static final String XSS_PROCEDURE = "<img src=x onerror=alert(2)>";
    static final String XSS_STEP = "<script>alert(3)</script>";
    static final String FORMULA_NAME = "=SUM(1+1)";

    private SmallProvince() {
    }

    static Store openStore(Path dir) {
        return Store.open("jdbc:h2:file:" + dir.resolve("store") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH", "sa", "", 4);
    }

    static void publish(Store store) {
        PublishedRunFixture.in(store).run("run-0", "failed", "dvcqg-2025", "Không kết nối được nguồn JDBC");
        PublishedRunFixture.in(store).run("run-1")
                .agency("S_TP", "Sở Tư pháp", "department", null, "GROUP_DEPARTMENT")
                .agency("S_TP_TG", "Trung tâm Trợ giúp pháp lý", "branch", "S_TP", "GROUP_DEPARTMENT")
                .agency("X_DH", "UBND xã Đăk Hà", "commune_ppc", null, "GROUP_COMMUNE_PPC")
                .agency("X_XSS", XSS_NAME, "commune_ppc", null, "GROUP_COMMUNE_PPC")
                .agency("X_EQ", FORMULA_NAME, "commune_ppc", null, "GROUP_COMMUNE_PPC")
                .dissolvedAgency("H_OLD", "UBND huyện Đăk Hà", "district_ppc", "GROUP_DISTRICT_PPC",
                        LocalDate.of(2023, 12, 31), "X_DH")
                .period(MARCH_2024).period(FEBRUARY_2024).period(Q1_2024).period(REPORT_MARCH_2024)
                .procedure("1.001", "Cấp phiếu lý lịch tư pháp", "LLTP", "Lý lịch tư pháp")
                .fieldValue("S_TP", "LLTP", Q1_2024, "06a.3", 40, null, null)
                .fieldValue("S_TP", "LLTP", Q1_2024, "766.2.1", 36, 40, "90.00")
                .group("GROUP_DEPARTMENT", "department", "Khối sở, ban, ngành", "Provincial departments")
                .group("GROUP_COMMUNE_PPC", "commune_ppc", "Khối UBND cấp xã", "Commune People's Committees")
                .group("GROUP_DISTRICT_PPC", "district_ppc", "Khối UBND cấp huyện", "District People's Committees")
                .rule("R01", "Hồ sơ trễ hạn không có phiếu xin lỗi", "Late, no apology slip",
                        "Nghị định 61/2018/NĐ-CP; Nghị định 118/2025/NĐ-CP; mẫu 04",
                        "Trễ hạn và chưa có phiếu xin lỗi đến hết kỳ", "Late and no apology slip by the end of the period")
                .rule("R02", "Phiếu xin lỗi gửi muộn", "Apology slip too late",
                        "Nghị định 61/2018/NĐ-CP: chậm nhất 01 ngày làm việc trước hạn trả",
                        "Phiếu xin lỗi gửi sau 17:00 của ngày làm việc liền trước ngày hẹn trả",
                        "Apology issued after 17:00 of the working day before the due day")
                .procedureMonthRule("R12", "Thủ tục không phát sinh hồ sơ trên hệ thống", "Silent procedure",
                        "Kế hoạch kiểm tra: tiếp nhận, giải quyết 100 % hồ sơ TTHC trên Hệ thống",
                        "Không có hồ sơ trong tháng khi ≥ 50 % cơ quan cùng loại có hồ sơ, và tổng hồ sơ dưới 20 % trung vị",
                        "No dossier in the month while ≥ 50 % of peers had some, and volume under 20 % of the median")
                .percentIndicator("766.1.4", "transparency", "Hồ sơ đồng bộ lên Cổng DVCQG", 6, null, 10)
                .percentIndicator("766.2.1", "progress", "Hồ sơ xử lý trước hạn, đúng hạn", 20, null, 20)
                .indicator("766.2.2", "progress", "Thời gian giải quyết trung bình", "days", null, null, 21, "lower")
                .percentIndicator("766.3.3", "online", "Hồ sơ trực tuyến", 6, 50, 30)
                .percentIndicator("766.4.2", "digitization", "Hồ sơ được số hóa", 4, 80, 40)
                .indicator("766.total", "total", "Điểm Chỉ số 766", "score", null, null, 90)
                .indicator("06a.3", "report06", "Tổng số hồ sơ cần giải quyết", "count", null, null, 100)
                .indicator("06a.4", "report06", "Mới tiếp nhận trực tuyến", "count", null, null, 101)
                .indicator("06a.5", "report06", "Mới tiếp nhận trực tiếp, bưu chính", "count", null, null, 102)
                .indicator("06a.6", "report06", "Kỳ trước chuyển sang", "count", null, null, 103)
                .indicator("06a.7", "report06", "Đã giải quyết", "count", null, null, 104)
                .indicator("06a.8", "report06", "Giải quyết trước hạn", "count", null, null, 105)
                .indicator("06a.9", "report06", "Giải quyết đúng hạn", "count", null, null, 106)
                .indicator("06a.10", "report06", "Giải quyết trễ hạn", "count", null, null, 107)
                .indicator("06a.11", "report06", "Đang giải quyết", "count", null, null, 108)
                .indicator("06a.12", "report06", "Đang giải quyết trong hạn", "count", null, null, 109)
                .indicator("06a.13", "report06", "Đang giải quyết quá hạn", "count", null, null, 110)
                .indicator("R01.rate", "rule", "Tỷ lệ hồ sơ trễ hạn không có phiếu xin lỗi", "percent", null, null, 200,
                        "lower")
                .indicator("R02.rate", "rule", "Tỷ lệ phiếu xin lỗi muộn", "percent", null, null, 210, "lower")
                .indicator("R12.rate", "rule", "Thủ tục không phát sinh hồ sơ trên hệ thống", "percent", null, null,
                        220, "lower")
                // The province, March 2024.
                .value("TINH", "province", MARCH_2024, "766.1.4", 150, 150, "100.00", "6", "6")
                .value("TINH", "province", MARCH_2024, "766.2.1", 120, 150, "80.00", "16.00", "20")
                .value("TINH", "province", MARCH_2024, "766.3.3", 45, 150, "30.00", "3.60", "6")
                .value("TINH", "province", MARCH_2024, "766.4.2", 128, 150, "85.33", "4.00", "4")
                .value("TINH", "province", MARCH_2024, "766.total", null, null, "82.22", "29.60", "36")
                .value("TINH", "province", MARCH_2024, "R01.rate", 8, 30, "26.67", null, null)
                .value("TINH", "province", MARCH_2024, "06a.3", 150, null, null, null, null)
                // Groups.
                .value("GROUP_DEPARTMENT", "group", MARCH_2024, "766.2.1", 49, 54, "90.74", "18.15", "20")
                .value("GROUP_COMMUNE_PPC", "group", MARCH_2024, "766.2.1", 71, 96, "73.96", "14.79", "20")
                // Agencies.
                .value("TINH", "province", MARCH_2024, "766.2.2", 615, 150, "4.10", null, null)
                .value("S_TP", "agency", MARCH_2024, "766.2.1", 40, 44, "90.91", "18.18", "20")
                .value("S_TP", "agency", MARCH_2024, "766.2.2", 198, 44, "4.50", null, null)
                .value("X_XSS", "agency", MARCH_2024, "766.2.2", 120, 40, "3.00", null, null)
                .value("S_TP", "agency", MARCH_2024, "766.3.3", 10, 44, "22.73", "2.73", "6")
                .value("S_TP", "agency", MARCH_2024, "766.total", null, null, "88.50", "31.86", "36")
                .value("S_TP", "agency", MARCH_2024, "R01.rate", 3, 10, "30.00", null, null)
                // A rule rate's numerator counts the agency's flags of the period, as the publisher writes them.
                .value("S_TP", "agency", MARCH_2024, "R02.rate", 1, 4, "25.00", null, null)
                .value("S_TP", "agency", MARCH_2024, "06a.3", 44, null, null, null, null)
                .value("S_TP", "agency", MARCH_2024, "06a.10", 4, null, null, null, null)
                .value("S_TP_TG", "agency", MARCH_2024, "766.2.1", 9, 10, "90.00", "18.00", "20")
                .value("S_TP_TG", "agency", MARCH_2024, "766.total", null, null, "95.00", "34.20", "36")
                .value("X_DH", "agency", MARCH_2024, "766.2.1", 0, 0, null, null, null)
                .value("X_DH", "agency", MARCH_2024, "R01.rate", 1, 2, "50.00", null, null)
                // Two of X_DH's five expected procedure-months were silent in March (R12, per procedure × month).
                .value("X_DH", "agency", MARCH_2024, "R12.rate", 2, 5, "40.00", null, null)
                .value("X_XSS", "agency", MARCH_2024, "766.2.1", 30, 40, "75.00", "15.00", "20")
                .value("X_XSS", "agency", MARCH_2024, "766.total", null, null, "70.00", "25.20", "36")
                .value("X_XSS", "agency", MARCH_2024, "R01.rate", 0, 5, "0.00", null, null)
                .value("X_XSS", "agency", MARCH_2024, "R02.rate", 1, 2, "50.00", null, null)
                .value("X_EQ", "agency", MARCH_2024, "766.2.1", 41, 56, "73.21", "14.64", "20")
                .value("X_EQ", "agency", MARCH_2024, "766.total", null, null, "70.00", "25.20", "36")
                // February and the first quarter, for the trend and the period picker.
                .value("TINH", "province", FEBRUARY_2024, "766.2.1", 100, 140, "71.43", "14.29", "20")
                .value("S_TP", "agency", FEBRUARY_2024, "766.2.1", 30, 40, "75.00", "15.00", "20")
                .value("S_TP", "agency", FEBRUARY_2024, "R01.rate", 1, 2, "50.00", null, null)
                .value("S_TP", "agency", Q1_2024, "R01.rate", 1, 12, "8.33", null, null)
                .value("TINH", "province", Q1_2024, "766.2.1", 330, 400, "82.50", "16.50", "20")
                // The official progress table of the report month 15/02–14/03/2024: agencies, groups, province.
                .report06("S_TP", "agency", REPORT_MARCH_2024, 20, 18, 6, 10, 20, 4, 8, 2)
                .report06("S_TP_TG", "agency", REPORT_MARCH_2024, 5, 4, 1, 3, 5, 1, 1, 0)
                .report06("X_DH", "agency", REPORT_MARCH_2024, 10, 20, 5, 5, 20, 3, 5, 2)
                .report06("X_XSS", "agency", REPORT_MARCH_2024, 8, 30, 2, 10, 22, 5, 3, 0)
                .report06("X_EQ", "agency", REPORT_MARCH_2024, 12, 40, 4, 20, 25, 6, 4, 1)
                .report06("GROUP_DEPARTMENT", "group", REPORT_MARCH_2024, 25, 22, 7, 13, 25, 5, 9, 2)
                .report06("GROUP_COMMUNE_PPC", "group", REPORT_MARCH_2024, 30, 90, 11, 35, 67, 14, 12, 3)
                .report06("TINH", "province", REPORT_MARCH_2024, 55, 112, 18, 48, 92, 19, 21, 5)
                // Dossiers behind the flags.
                .flag("R01", "HS-001", "S_TP", MARCH_2024, at(3, 1, 8, 30), at(3, 8, 17, 0), at(3, 12, 10, 0), null,
                        "Nguyễn V. A.")
                .flag("R01", "HS-002", "S_TP", MARCH_2024, at(3, 4, 9, 0), at(3, 11, 17, 0), null, null, "Trần T. B.")
                .flag("R01", "HS-003", "S_TP", MARCH_2024, at(3, 5, 14, 15), at(3, 12, 17, 0), at(3, 20, 8, 0), null,
                        "Lê V. C.")
                .flag("R01", "HS-000", "S_TP", FEBRUARY_2024, at(2, 1, 8, 0), at(2, 20, 17, 0), at(2, 27, 8, 0), null,
                        "Phạm T. D.")
                .flag("R01", "HS-001", "S_TP", Q1_2024, at(3, 1, 8, 30), at(3, 8, 17, 0), at(3, 12, 10, 0), null,
                        "Nguyễn V. A.")
                .flag("R02", "HS-004", "S_TP", MARCH_2024, at(3, 6, 10, 0), at(3, 14, 17, 0), at(3, 18, 9, 0),
                        at(3, 14, 9, 0), "Võ T. E.")
                // Published without its rate's value: the list counts its flags itself (decision 77).
                .flag("R02", "HS-004", "S_TP", Q1_2024, at(3, 6, 10, 0), at(3, 14, 17, 0), at(3, 18, 9, 0),
                        at(3, 14, 9, 0), "Võ T. E.")
                .flag("R01", "HS-101", "X_DH", MARCH_2024, at(3, 2, 8, 0), at(3, 9, 17, 0), at(3, 10, 8, 0), null,
                        "Đỗ V. G.")
                .flag("R02", "HS-666", "X_XSS", MARCH_2024, at(3, 4, 8, 0), at(3, 11, 17, 0), at(3, 12, 8, 0),
                        at(3, 11, 9, 0), "Hà T. X.", XSS_PROCEDURE)
                // R12's procedure-months: no dossier while most peers had some (decision 63).
                .agencyFlag("R12", "X_DH", "2.002", "Đăng ký khai sinh", MARCH_2024, LocalDate.of(2024, 3, 1), 3, 2,
                        4, "31.5", 12, "Tháng 03/2024: không có hồ sơ nào của thủ tục, trong khi 2/3 cơ quan cùng loại "
                                + "có hồ sơ; cơ quan tiếp nhận 4 hồ sơ (mọi thủ tục), trung vị 12 tháng trước 31,5 hồ sơ/tháng.",
                        "03/2024: no dossier of the procedure while 2 of 3 peer agencies had some; the agency received "
                                + "4 dossier(s) (every procedure), against a median of 31.5 a month over the previous 12 months.")
                .agencyFlag("R12", "X_DH", "1.001", SmallProvince.XSS_PROCEDURE, MARCH_2024, LocalDate.of(2024, 3, 1),
                        3, 3, 4, "31.5", 12, "Tháng 03/2024: không có hồ sơ nào của thủ tục.", null)
                // Their evidence: what happened to each flagged dossier, in order.
                .timeline("HS-001", 1, at(3, 1, 8, 30), "received", 2, null, null, null)
                .timeline("HS-001", 2, at(3, 1, 9, 15), "event", 4, "Chuyển phòng chuyên môn thẩm định",
                        "Phòng Hành chính tư pháp", "CB-7f3a")
                .timeline("HS-001", 3, at(3, 4, 10, 0), "supplement_requested", 5, null, null, null)
                .timeline("HS-001", 4, at(3, 5, 15, 0), "supplement_answered", null, null, null, null)
                .timeline("HS-001", 5, at(3, 8, 17, 0), "due", null, null, null, null)
                .timeline("HS-001", 6, at(3, 12, 10, 0), "finished", 10, null, null, null)
                .timeline("HS-001", 7, at(3, 12, 11, 5), "synced", null, null, null, null)
                .timeline("HS-101", 1, at(3, 2, 8, 0), "received", 2, null, null, null)
                .timeline("HS-101", 2, at(3, 9, 17, 0), "due", null, null, null, null)
                .timeline("HS-101", 3, at(3, 10, 8, 0), "finished", 9, null, null, null)
                .timeline("HS-666", 1, at(3, 4, 8, 0), "received", 2, null, null, null)
                .timeline("HS-666", 2, at(3, 5, 9, 0), "event", 4, XSS_STEP, XSS_NAME, "CB-0001")
                .timeline("HS-666", 3, at(3, 11, 9, 0), "apology", null, "Hồ sơ cần xác minh thêm", null, null)
                .timeline("HS-666", 4, at(3, 11, 17, 0), "due", null, null, null, null)
                .timeline("HS-666", 5, at(3, 12, 8, 0), "finished", 10, null, null, null)
                // Risk of March 2024 within the peer groups: the department scored, a commune under the minimum.
                .risk("S_TP", MARCH_2024, "GROUP_DEPARTMENT", 44, "72.40", 1, 1, 1,
                        "Tỷ lệ hồ sơ trễ hạn không có phiếu xin lỗi: 30 % (trung vị đơn vị cùng loại 5 %).",
                        "Late without apology: 30 % (peers' median 5 %).")
                .risk("X_DH", MARCH_2024, "GROUP_COMMUNE_PPC", 2, null, null, null, 0,
                        "Chưa chấm điểm: 2 hồ sơ phải giải quyết, dưới mức tối thiểu 30.",
                        "Not scored: 2 dossiers to handle, under the minimum of 30.")
                .risk("X_XSS", MARCH_2024, "GROUP_COMMUNE_PPC", 40, "35.00", 2, 2, 0, XSS_NAME, XSS_NAME)
                .risk("X_EQ", MARCH_2024, "GROUP_COMMUNE_PPC", 56, "60.00", 1, 2, 1, "R01", "R01")
                .riskInput("S_TP", MARCH_2024, "R01.rate", "30", "5", true, "3", "3")
                .riskInput("S_TP", MARCH_2024, "gap:766.2.1", "9.09", "9.09", false, "2", "0")
                .registered("HS-001", "S_TP", "1.001", "LLTP", at(3, 1, 8, 30))
                .registered("HS-002", "S_TP", "1.001", "LLTP", at(3, 4, 9, 0))
                .registered("HS-003", "S_TP", "1.001", "LLTP", at(3, 5, 14, 15))
                .registered("HS-004", "S_TP", "1.001", "LLTP", at(3, 6, 10, 0))
                .registered("HS-005", "S_TP", "1.001", "LLTP", at(3, 7, 10, 0))
                .inputCount("dvcqg-feed", "case", 1000, 950, 30, 20)
                .inputCount("csv:case_apology.csv", "case_apology", 12, 10, 1, 0)
                .quarantined("case", "feed.jsonl:17", "MISSING_CASE_ID", "{\"ChuHoSo\":\"Nguyễn Văn A\"}")
                .quarantined("case_apology", "case_apology.csv:4", "UNKNOWN_CASE", "HS-999;2024-03-01")
                .publish();
    }

    private static LocalDateTime at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2024, month, day, hour, minute);
    }
}
