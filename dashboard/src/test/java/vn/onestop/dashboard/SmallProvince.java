package vn.onestop.dashboard;

import static vn.onestop.dashboard.PublishedRunFixture.FEBRUARY_2024;
import static vn.onestop.dashboard.PublishedRunFixture.MARCH_2024;
import static vn.onestop.dashboard.PublishedRunFixture.Q1_2024;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import vn.onestop.core.store.Store;

/**
 * The tests' province: a department with a branch, three communes (one named like an attack, one like a
 * spreadsheet formula) and a district dissolved before 2024, a published run for March 2024 with a no-data value and R01/R02 flags, and an older
 * failed run. The numbers are small enough to check by hand.
 */
final class SmallProvince {
    static final String PASSWORD = "mat-khau-dai-1";
    static final String XSS_NAME = "<script>alert(1)</script>";
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
                .percentIndicator("766.1.4", "transparency", "Hồ sơ đồng bộ lên Cổng DVCQG", 6, null, 10)
                .percentIndicator("766.2.1", "progress", "Hồ sơ xử lý trước hạn, đúng hạn", 20, null, 20)
                .percentIndicator("766.3.3", "online", "Hồ sơ trực tuyến", 6, 50, 30)
                .percentIndicator("766.4.2", "digitization", "Hồ sơ được số hóa", 4, 80, 40)
                .indicator("766.total", "total", "Điểm Chỉ số 766", "score", null, null, 90)
                .indicator("06a.3", "report06", "Tổng số hồ sơ cần giải quyết", "count", null, null, 100)
                .indicator("06a.10", "report06", "Giải quyết trễ hạn", "count", null, null, 107)
                .percentIndicator("R01.rate", "rule", "Tỷ lệ hồ sơ trễ hạn không có phiếu xin lỗi", null, null, 200)
                .percentIndicator("R02.rate", "rule", "Tỷ lệ phiếu xin lỗi muộn", null, null, 210)
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
                .value("S_TP", "agency", MARCH_2024, "766.2.1", 40, 44, "90.91", "18.18", "20")
                .value("S_TP", "agency", MARCH_2024, "766.3.3", 10, 44, "22.73", "2.73", "6")
                .value("S_TP", "agency", MARCH_2024, "766.total", null, null, "88.50", "31.86", "36")
                .value("S_TP", "agency", MARCH_2024, "R01.rate", 3, 10, "30.00", null, null)
                .value("S_TP", "agency", MARCH_2024, "06a.3", 44, null, null, null, null)
                .value("S_TP", "agency", MARCH_2024, "06a.10", 4, null, null, null, null)
                .value("S_TP_TG", "agency", MARCH_2024, "766.2.1", 9, 10, "90.00", "18.00", "20")
                .value("S_TP_TG", "agency", MARCH_2024, "766.total", null, null, "95.00", "34.20", "36")
                .value("X_DH", "agency", MARCH_2024, "766.2.1", 0, 0, null, null, null)
                .value("X_DH", "agency", MARCH_2024, "R01.rate", 2, 2, "100.00", null, null)
                .value("X_XSS", "agency", MARCH_2024, "766.2.1", 30, 40, "75.00", "15.00", "20")
                .value("X_XSS", "agency", MARCH_2024, "766.total", null, null, "70.00", "25.20", "36")
                .value("X_XSS", "agency", MARCH_2024, "R01.rate", 0, 5, "0.00", null, null)
                .value("X_EQ", "agency", MARCH_2024, "766.2.1", 41, 56, "73.21", "14.64", "20")
                .value("X_EQ", "agency", MARCH_2024, "766.total", null, null, "70.00", "25.20", "36")
                // February and the first quarter, for the trend and the period picker.
                .value("TINH", "province", FEBRUARY_2024, "766.2.1", 100, 140, "71.43", "14.29", "20")
                .value("S_TP", "agency", FEBRUARY_2024, "766.2.1", 30, 40, "75.00", "15.00", "20")
                .value("TINH", "province", Q1_2024, "766.2.1", 330, 400, "82.50", "16.50", "20")
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
                .flag("R01", "HS-101", "X_DH", MARCH_2024, at(3, 2, 8, 0), at(3, 9, 17, 0), at(3, 10, 8, 0), null,
                        "Đỗ V. G.")
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
