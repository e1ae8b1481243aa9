package vn.onestop.inspection.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.onestop.inspection.MovableClock;
import vn.onestop.inspection.PublishedRun;
import vn.onestop.inspection.TestStores;
import vn.onestop.inspection.Workbooks;
import vn.onestop.inspection.history.InspectionKind;
import vn.onestop.inspection.published.PublishedInputs;

class InspectionPlansTest {
    @TempDir
    Path dir;
    private TestStores stores;

    @AfterEach
    void close() {
        if (stores != null) {
            stores.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDirectInspectionIsAnnouncedNoticeDaysBeforeItsStartAndItemsAreWithdrawnNotDeleted(String kind) {
        stores = TestStores.open(kind, dir);
        MovableClock clock = new MovableClock(Instant.parse("2024-01-15T02:00:00Z"));
        InspectionPlans plans = new InspectionPlans(stores.store(), clock, 10);
        long s1 = plans.add(2024, "S1", 2, InspectionKind.DIRECT, LocalDate.of(2024, 5, 6), "Kèm 02 xã", "lanh.dao");
        long x1 = plans.add(2024, "X1", 3, InspectionKind.INDIRECT, null, null, "lanh.dao");
        PlanItem item = plans.item(s1).orElseThrow();
        assertEquals(LocalDate.of(2024, 4, 26), item.noticeDate(), "06/05/2024 − 10 days");
        assertEquals("Kèm 02 xã", item.notes());
        assertNull(plans.item(x1).orElseThrow().noticeDate(), "an indirect inspection is not announced");
        assertEquals("Kế hoạch kiểm tra hoạt động kiểm soát thủ tục hành chính năm 2024", plans.title(2024));

        assertEquals("The planned start 2024-07-01 is not in quarter 2 of 2024", assertThrows(
                IllegalArgumentException.class, () -> plans.add(2024, "S2", 2, InspectionKind.DIRECT,
                        LocalDate.of(2024, 7, 1), null, "lanh.dao")).getMessage());
        assertEquals("A surprise inspection is not planned: use the draw", assertThrows(IllegalArgumentException.class,
                () -> plans.add(2024, "S2", 2, InspectionKind.SURPRISE, null, null, "lanh.dao")).getMessage());
        assertEquals("S1 is already in the 2024 plan for quarter 2", assertThrows(IllegalArgumentException.class,
                () -> plans.add(2024, "S1", 2, InspectionKind.INDIRECT, null, null, "lanh.dao")).getMessage());

        LocalDateTime beforeRemoval = LocalDateTime.of(2024, 1, 15, 9, 0);
        clock.advance(Duration.ofHours(2));
        plans.remove(x1, "lanh.dao");
        assertEquals(List.of(s1), plans.items(2024).stream().map(PlanItem::id).toList());
        assertEquals(Map.of("S1", 2, "X1", 3), plans.plannedAt(2024, beforeRemoval), "the plan as it stood then");
        assertEquals(Map.of("S1", 2), plans.plannedAt(2024, LocalDateTime.of(2024, 1, 15, 12, 0)));
        assertThrows(IllegalArgumentException.class, () -> plans.remove(x1, "lanh.dao"));
        long again = plans.add(2024, "X1", 3, InspectionKind.DIRECT, null, null, "lanh.dao");
        assertTrue(again > x1, "added again as a new item");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void thePlanExportsInTheAppendixLayoutWithTheAgenciesNames(String kind) throws Exception {
        stores = TestStores.open(kind, dir);
        PublishedRun.in(stores.store(), "run-1").agency("S1", "Sở Tư pháp", "department")
                .agency("X1", "UBND xã Đăk Hà", "commune_ppc").agency("X2", "=HYPERLINK(\"http://x\")", "commune_ppc")
                .publish();
        InspectionPlans plans = new InspectionPlans(stores.store(), new MovableClock(Instant.parse("2024-01-15T02:00:00Z")),
                10);
        plans.add(2024, "X1", 2, InspectionKind.DIRECT, LocalDate.of(2024, 5, 6), null, "lanh.dao");
        plans.add(2024, "X1", 3, InspectionKind.DIRECT, null, "Kiểm tra tại UBND xã và 02 thôn", "lanh.dao");
        plans.add(2024, "S1", 2, InspectionKind.INDIRECT, null, null, "lanh.dao");
        plans.add(2024, "X2", 4, InspectionKind.DIRECT, null, null, "lanh.dao");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanWorkbook.write(2024, plans, new PublishedInputs(stores.store()).agencies("run-1"), out);
        try (XSSFWorkbook wb = Workbooks.open(out.toByteArray())) {
            assertAppendix(wb.getSheet(PlanWorkbook.SHEET));
        }
    }

    private static void assertAppendix(Sheet s) {
        assertEquals("PHỤ LỤC", Workbooks.text(s, "A1"));
        assertEquals("DANH SÁCH CƠ QUAN, ĐƠN VỊ ĐƯỢC KIỂM TRA NĂM 2024", Workbooks.text(s, "A2"));
        assertEquals("(Kèm theo Kế hoạch kiểm tra hoạt động kiểm soát thủ tục hành chính năm 2024)",
                Workbooks.text(s, "A3"));
        assertEquals("Kiểm tra tại 01 sở, ban, ngành; 02 UBND cấp xã.", Workbooks.text(s, "A4"));
        assertEquals(List.of("STT", "Tên cơ quan, đơn vị", "Thời gian kiểm tra", "Ghi chú"),
                List.of(Workbooks.text(s, "A6"), Workbooks.text(s, "B6"), Workbooks.text(s, "C6"), Workbooks.text(s, "D6")));
        assertEquals(6, Workbooks.frozenRows(s), "rows 1–6 stay on screen");
        assertEquals(1.0, Workbooks.number(s, "A7"));
        assertEquals("Sở Tư pháp", Workbooks.text(s, "B7"), "quarter II: the department before the commune");
        assertEquals("Quý II", Workbooks.text(s, "C7"));
        assertEquals("Kiểm tra gián tiếp qua hệ thống thông tin giải quyết TTHC", Workbooks.text(s, "D7"));
        assertEquals(2.0, Workbooks.number(s, "A8"));
        assertEquals("UBND xã Đăk Hà", Workbooks.text(s, "B8"));
        assertEquals("Quý II, III", Workbooks.text(s, "C8"));
        assertEquals("Kiểm tra trực tiếp tại đơn vị; Quý II: bắt đầu 06/05/2024, thông báo chậm nhất ngày 26/04/2024; "
                + "Kiểm tra tại UBND xã và 02 thôn", Workbooks.text(s, "D8"));
        assertEquals("'=HYPERLINK(\"http://x\")", Workbooks.text(s, "B9"), "a name never runs as a formula");
        assertEquals("Quý IV", Workbooks.text(s, "C9"));
        assertNull(Workbooks.cell(s, "A10"));
    }

    @Test
    void anEmptyPlanSaysSo() {
        assertEquals("Chưa có cơ quan, đơn vị nào trong kế hoạch.", PlanWorkbook.summary(List.of()));
    }
}
