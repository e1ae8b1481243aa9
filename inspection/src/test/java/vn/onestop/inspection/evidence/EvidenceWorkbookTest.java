package vn.onestop.inspection.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.onestop.inspection.PublishedRun.Q1_2024;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.inspection.MovableClock;
import vn.onestop.inspection.PublishedRun;
import vn.onestop.inspection.TestStores;
import vn.onestop.inspection.Workbooks;
import vn.onestop.inspection.sample.DossierSamples;
import vn.onestop.inspection.sample.Sample;

/**
 * The evidence pack and the self-inspection sheet of S1 for the first quarter of 2024, opened back with Apache POI.
 * S1's peers are S2 and S3 (same group); the run published an applicant unmasked by mistake and a procedure named
 * like a formula, which must come out masked and inert.
 */
class EvidenceWorkbookTest {
    private static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

    @TempDir
    Path dir;
    private TestStores stores;
    private EvidencePacks packs;
    private DossierSamples samples;

    @BeforeEach
    void publish() {
        stores = TestStores.open("h2", dir);
        LocalDateTime t = LocalDateTime.of(2024, 3, 1, 8, 30);
        PublishedRun.in(stores.store(), "run-1")
                .agency("S1", "Sở Tư pháp", "department").agency("S2", "Sở Y tế", "department")
                .agency("S3", "Sở Xây dựng", "department")
                .indicator("766.2.1", "progress", "Hồ sơ xử lý trước hạn, đúng hạn", "percent", 20, null, "higher", 20)
                .indicator("766.2.2", "progress", "Thời gian giải quyết trung bình", "days", null, null, "lower", 21)
                .indicator("766.4.2", "digitization", "Hồ sơ được số hóa", "percent", 4, 80, "higher", 40)
                .indicator("R01.rate", "rule", "Tỷ lệ hồ sơ trễ hạn không có phiếu xin lỗi", "percent", null, null,
                        "lower", 200)
                .indicator("06a.3", "report06", "Tổng số hồ sơ cần giải quyết", "count", null, null, "higher", 100)
                .value("S1", Q1_2024, "766.2.1", 40, 44, "90.91").value("S2", Q1_2024, "766.2.1", 30, 40, "75.00")
                .value("S3", Q1_2024, "766.2.1", 9, 10, "90.00")
                .value("S1", Q1_2024, "766.2.2", 198, 44, "4.50")
                .value("S1", Q1_2024, "766.4.2", 30, 44, "68.18").value("S2", Q1_2024, "766.4.2", 35, 40, "87.50")
                .value("S1", Q1_2024, "R01.rate", 3, 4, "75.00")
                .risk("S1", Q1_2024, "72.40", 1, 3, "R01.rate 75 % (trung vị đơn vị cùng loại 5 %)")
                .rule("R01", "Hồ sơ trễ hạn không có phiếu xin lỗi", "Nghị định 61/2018/NĐ-CP; mẫu 04",
                        "Trễ hạn và chưa có phiếu xin lỗi đến hết kỳ")
                .rule("R12", "Thủ tục không phát sinh hồ sơ trên hệ thống", "Kế hoạch kiểm tra",
                        "Không có hồ sơ trong tháng khi ≥ 50 % cơ quan cùng loại có hồ sơ")
                .procedure("1.001", "Cấp phiếu lý lịch tư pháp", "LLTP", "Lý lịch tư pháp")
                // R12 flags procedure-months, listed on a sheet of their own (decision 76).
                .agencyFlag("R12", "S1", "1.002", "Đăng ký khai sinh", Q1_2024, java.time.LocalDate.of(2024, 3, 1), 3, 2,
                        4, "31.5", "Tháng 03/2024: không có hồ sơ nào của thủ tục.")
                .agencyFlag("R12", "S1", "1.003", FORMULA, Q1_2024, java.time.LocalDate.of(2024, 2, 1), 4, 3, 6, "30",
                        "Tháng 02/2024: không có hồ sơ nào của thủ tục.")
                .flag("R01", "HS-001", "S1", Q1_2024, t, t.plusDays(7), t.plusDays(11), "Nguyễn Văn An",
                        "Hạn trả 08/03/2024 08:30; không có phiếu xin lỗi đến hết kỳ.")
                .flag("R01", "HS-002", "S1", Q1_2024, t.plusDays(1), t.plusDays(8), null, "Trần T. B.", FORMULA)
                .timeline("HS-001", 1, t, "received", null)
                .timeline("HS-001", 2, t.plusDays(7), "due", null)
                .timeline("HS-001", 3, t.plusDays(11), "finished", null)
                .dossier("HS-001", "S1", "1.001", "LLTP", t).dossier("HS-003", "S1", "1.001", "LLTP", t.plusDays(2))
                .dossier("HS-004", "S1", "1.001", "LLTP", t.plusDays(3))
                .publish();
        samples = new DossierSamples(stores.store(), new MovableClock(Instant.parse("2024-04-05T03:00:00Z")));
        packs = new EvidencePacks(stores.store(), samples);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void theEvidencePackHasTheIndicatorsTheFlaggedDossiersAndTheSample() throws Exception {
        Sample sample = samples.take("S1", "2024-Q1", 1, 3L, "kiem.tra");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        packs.writeEvidence("S1", "2024-Q1", null, out);
        try (XSSFWorkbook wb = Workbooks.open(out.toByteArray())) {
            assertEquals(List.of("Tổng hợp", "Hồ sơ có dấu hiệu", "Mẫu ngẫu nhiên", "Thủ tục không phát sinh hồ sơ"),
                    List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)));
            procedures(wb.getSheet(EvidenceWorkbook.PROCEDURES));
            summary(wb.getSheet(EvidenceWorkbook.SUMMARY));
            flags(wb.getSheet(EvidenceWorkbook.FLAGS));
            Sheet s = wb.getSheet(EvidenceWorkbook.SAMPLE);
            assertEquals(4, Workbooks.frozenRows(s));
            assertEquals(headers(EvidenceWorkbook.SAMPLE_COLUMNS), row(s, 4, EvidenceWorkbook.SAMPLE_COLUMNS.length));
            assertTrue(Workbooks.text(s, "A2").startsWith("Mẫu số " + sample.id() + ": 1 hồ sơ chọn ngẫu nhiên theo "
                    + "lĩnh vực"), Workbooks.text(s, "A2"));
            assertTrue(Workbooks.text(s, "A2").contains("Lý lịch tư pháp 1/3"), Workbooks.text(s, "A2"));
            int rows = sample.dossiers().size();
            assertEquals(rows, (int) Workbooks.number(s, "A" + (4 + rows)));
            assertNull(Workbooks.cell(s, "A" + (5 + rows)));
            assertEquals("Lý lịch tư pháp", Workbooks.text(s, "C5"));
            assertTrue(Workbooks.isDate(s, "E5"));
        }
    }

    private static void summary(Sheet s) {
        assertEquals("HỒ SƠ KIỂM TRA", Workbooks.text(s, "A1"));
        assertEquals("Sở Tư pháp", Workbooks.text(s, "A2"));
        assertEquals("Kỳ: Quý I/2024 (01/01/2024 – 31/03/2024) · Số liệu công bố: lần chạy run-1 lúc 02/04/2024 02:07",
                Workbooks.text(s, "A3"));
        assertEquals("Điểm rủi ro: 72,40 (hạng 1/3 trong nhóm đơn vị cùng loại). Lý do cần xem xét: R01.rate 75 % "
                + "(trung vị đơn vị cùng loại 5 %)", Workbooks.text(s, "A4"));
        assertEquals("Dấu hiệu cần xem xét trong kỳ (lý do để xem xét, chưa phải kết luận): R01: 2 hồ sơ; R12: 2 lượt "
                + "thủ tục–tháng không phát sinh hồ sơ.", Workbooks.text(s, "A5"));
        assertEquals(headers(EvidenceWorkbook.SUMMARY_COLUMNS), row(s, 7, EvidenceWorkbook.SUMMARY_COLUMNS.length));
        assertEquals(7, Workbooks.frozenRows(s));
        // 766.2.1: S1 90,91 %; peers 90,91 · 75 · 90 → median 90,00; no published target → 100; 9,09 short: Gần đạt.
        assertEquals("766.2.1", Workbooks.text(s, "A8"));
        assertEquals("%", Workbooks.text(s, "C8"));
        assertEquals(90.91, Workbooks.number(s, "D8"));
        assertEquals(40.0, Workbooks.number(s, "E8"));
        assertEquals(44.0, Workbooks.number(s, "F8"));
        assertEquals(90.0, Workbooks.number(s, "G8"));
        assertEquals(100.0, Workbooks.number(s, "H8"));
        assertEquals("Gần đạt", Workbooks.text(s, "I8"));
        assertNull(Workbooks.text(s, "J8"), "left for the inspector");
        // 766.2.2 is informative: no target, no assessment.
        assertEquals(4.5, Workbooks.number(s, "D9"));
        assertEquals("ngày làm việc", Workbooks.text(s, "C9"));
        assertNull(Workbooks.text(s, "H9"));
        // 766.4.2: 68,18 % against 80 %: 11,82 short, Chưa đạt; median of 68,18 and 87,50 = 77,84.
        assertEquals(77.84, Workbooks.number(s, "G10"));
        assertEquals("Chưa đạt", Workbooks.text(s, "I10"));
        assertEquals("R01.rate", Workbooks.text(s, "A11"));
        assertNull(Workbooks.cell(s, "A12"), "form 06a rows are not indicators to inspect");
    }

    /** R12's procedure-months of the quarter, month by month: numbers as numbers, names as text. */
    private static void procedures(Sheet s) {
        assertEquals(4, Workbooks.frozenRows(s));
        assertEquals(headers(EvidenceWorkbook.PROCEDURE_COLUMNS), row(s, 4, EvidenceWorkbook.PROCEDURE_COLUMNS.length));
        assertEquals(1.0, Workbooks.number(s, "A5"));
        assertEquals("R12 · Thủ tục không phát sinh hồ sơ trên hệ thống", Workbooks.text(s, "B5"));
        assertEquals("1.003", Workbooks.text(s, "C5"), "February before March");
        assertEquals("'" + FORMULA, Workbooks.text(s, "D5"), "a name that looks like a formula stays text");
        assertEquals("02/2024", Workbooks.text(s, "E5"));
        assertEquals("3/4", Workbooks.text(s, "F5"));
        assertEquals(6.0, Workbooks.number(s, "G5"));
        assertEquals(30.0, Workbooks.number(s, "H5"));
        assertEquals("Đăng ký khai sinh", Workbooks.text(s, "D6"));
        assertEquals(31.5, Workbooks.number(s, "H6"));
        assertEquals("Tháng 03/2024: không có hồ sơ nào của thủ tục.", Workbooks.text(s, "I6"));
        assertEquals("Không có hồ sơ trong tháng khi ≥ 50 % cơ quan cùng loại có hồ sơ", Workbooks.text(s, "J6"));
        assertEquals("Kế hoạch kiểm tra", Workbooks.text(s, "K6"));
        assertNull(Workbooks.text(s, "L6"), "left for the inspector");
        assertNull(Workbooks.cell(s, "A7"));
    }

    private static void flags(Sheet s) {
        assertEquals(4, Workbooks.frozenRows(s));
        assertEquals(headers(EvidenceWorkbook.FLAG_COLUMNS), row(s, 4, EvidenceWorkbook.FLAG_COLUMNS.length));
        assertEquals(1.0, Workbooks.number(s, "A5"));
        assertEquals("R01 · Hồ sơ trễ hạn không có phiếu xin lỗi", Workbooks.text(s, "B5"));
        assertEquals("HS-001", Workbooks.text(s, "C5"));
        assertTrue(Workbooks.isDate(s, "E5"));
        assertEquals("01/03/2024 08:30", Workbooks.shown(s, "E5").replace(",", ""));
        assertEquals("Nguyễn V. A.", Workbooks.text(s, "H5"), "an applicant's name is masked, whatever was published");
        assertEquals("Trễ hạn và chưa có phiếu xin lỗi đến hết kỳ", Workbooks.text(s, "J5"));
        assertEquals("Nghị định 61/2018/NĐ-CP; mẫu 04", Workbooks.text(s, "K5"));
        assertEquals("01/03/2024 08:30  Tiếp nhận\n08/03/2024 08:30  Hạn trả kết quả\n12/03/2024 08:30  Kết thúc xử lý",
                Workbooks.text(s, "L5"));
        assertNull(Workbooks.text(s, "M5"));
        assertEquals("'" + FORMULA, Workbooks.text(s, "I6"), "text that looks like a formula stays text");
        assertNull(Workbooks.text(s, "G6"), "not finished: no date");
    }

    @Test
    void withoutASampleThePackSaysHowToTakeOne() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        packs.writeEvidence("S1", "2024-Q1", null, out);
        try (XSSFWorkbook wb = Workbooks.open(out.toByteArray())) {
            Sheet s = wb.getSheet(EvidenceWorkbook.SAMPLE);
            assertEquals("Chưa lấy mẫu hồ sơ cho kỳ này: lấy mẫu trên trang Kiểm tra của đơn vị hoặc bằng lệnh 'sample'.",
                    Workbooks.text(s, "A2"));
            assertNull(Workbooks.cell(s, "A5"));
        }
    }

    @Test
    void theSelfInspectionSheetIsPrefilledInVietnamese() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        packs.writeSelfInspection("S1", "2024-Q1", out);
        try (XSSFWorkbook wb = Workbooks.open(out.toByteArray())) {
            Sheet s = wb.getSheet(SelfInspectionWorkbook.FORM);
            assertEquals("SỞ TƯ PHÁP", Workbooks.text(s, "A1"));
            assertEquals("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Workbooks.text(s, "E1"));
            assertEquals("PHIẾU TỰ KIỂM TRA", Workbooks.text(s, "A4"));
            assertEquals("Kỳ: Quý I/2024 (từ ngày 01/01/2024 đến ngày 31/03/2024)", Workbooks.text(s, "A6"));
            assertEquals(headers(SelfInspectionWorkbook.INDICATOR_COLUMNS),
                    row(s, 9, SelfInspectionWorkbook.INDICATOR_COLUMNS.length));
            assertEquals("766.2.1 · Hồ sơ xử lý trước hạn, đúng hạn", Workbooks.text(s, "B10"));
            assertEquals(90.91, Workbooks.number(s, "D10"));
            assertEquals("Gần đạt", Workbooks.text(s, "G10"));
            assertNull(Workbooks.text(s, "H10"), "for the agency to fill in");
            // I. has 4 indicators (rows 10–13); II. starts after a blank row.
            assertEquals("II. DẤU HIỆU CẦN XEM XÉT TRONG KỲ", Workbooks.text(s, "A15"));
            assertEquals("R01 · Hồ sơ trễ hạn không có phiếu xin lỗi", Workbooks.text(s, "B17"));
            assertEquals(2.0, Workbooks.number(s, "D17"));
            // R12 counts procedure-months, said so on its line, and lists them on a sheet of their own.
            assertEquals("R12 · Thủ tục không phát sinh hồ sơ trên hệ thống (số thủ tục × tháng, không phải số hồ sơ)",
                    Workbooks.text(s, "B18"));
            assertEquals(2.0, Workbooks.number(s, "D18"));
            assertEquals("Kế hoạch kiểm tra", Workbooks.text(s, "C18"));
            assertEquals("Danh sách hồ sơ cụ thể tại trang tính «Hồ sơ cần xem xét»; các thủ tục không phát sinh hồ "
                    + "sơ tại trang tính «Thủ tục không phát sinh hồ sơ».", Workbooks.text(s, "A20"));
            assertEquals("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", Workbooks.text(s, "F22"));
            procedures(wb.getSheet(EvidenceWorkbook.PROCEDURES));
            Sheet d = wb.getSheet(SelfInspectionWorkbook.DOSSIERS);
            assertEquals(1, Workbooks.frozenRows(d));
            assertEquals("HS-001", Workbooks.text(d, "C2"));
            assertEquals("Nguyễn V. A.", Workbooks.text(d, "H2"));
            assertEquals("'" + FORMULA, Workbooks.text(d, "I3"));
        }
    }

    private static List<String> headers(String[] columns) {
        return List.of(columns);
    }

    /** Row {@code excelRow} (1-based), columns A… as text. */
    private static List<String> row(Sheet s, int excelRow, int columns) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            String text = Workbooks.text(s, new org.apache.poi.ss.util.CellReference(excelRow - 1, c).formatAsString());
            out.add(text == null ? "" : text);
        }
        return out;
    }
}
