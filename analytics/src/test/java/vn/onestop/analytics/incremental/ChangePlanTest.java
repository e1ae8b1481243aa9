package vn.onestop.analytics.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.onestop.analytics.period.Period;
import vn.onestop.analytics.period.PeriodKind;
import vn.onestop.core.store.RunMessage;

/** What a run's record says about its plan, in English and in Vietnamese (numbers and dates in vi-VN). */
class ChangePlanTest {
    private static Period month(int m) {
        LocalDate start = LocalDate.of(2026, m, 1);
        return new Period(PeriodKind.MONTH, 0, start, start.plusMonths(1).minusDays(1));
    }

    @Test
    void aNightlyPlanInBothLanguages() {
        Period september = month(9);
        Period october = month(10);
        ChangePlan plan = new ChangePlan("r1", null, List.of(september, october), List.of(month(8), september,
                october), Map.of(ChangePlan.key(september), Set.of("A1", "A2")), 5824, 3, LocalDate.of(2026, 10, 30),
                219);
        assertEquals("nightly run on top of r1: 5,824 changed dossiers, 3 changed feedback; 2 of the periods "
                + "recomputed (1 whole: those ending on or after 2026-10-30 and the range; 1 for the 2 agencies × "
                + "periods holding 219 reception days), 3 scored", plan.describe());
        assertEquals("Lần chạy hằng đêm trên nền lần chạy r1: 5.824 hồ sơ và 3 phản ánh, kiến nghị thay đổi; tính "
                + "lại 2 kỳ (1 kỳ toàn bộ: các kỳ kết thúc từ ngày 30/10/2026 trở đi và cả khoảng thời gian; 1 kỳ chỉ "
                + "cho 2 lượt cơ quan × kỳ có hồ sơ của 219 ngày tiếp nhận), chấm điểm 3 kỳ", plan.describeVi());
        assertEquals(new RunMessage(plan.describe(), plan.describeVi()), plan.message());
    }

    @Test
    void aFullPlanSaysWhyInBothLanguages() {
        ChangePlan plan = ChangePlan.full(RunMessage.of("no published run to build on",
                "chưa có lần chạy đã công bố để dựa vào"), List.of(month(10)));
        assertEquals("full run (no published run to build on)", plan.describe());
        assertEquals("Lần chạy đầy đủ (chưa có lần chạy đã công bố để dựa vào)", plan.describeVi());
    }
}
