package vn.onestop.inspection.published;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The unit column of the inspection workbooks says what a count counts. */
class IndicatorInfoTest {
    private static IndicatorInfo indicator(String id, String unit) {
        return indicator(id, unit, null);
    }

    private static IndicatorInfo indicator(String id, String unit, String unitVi) {
        return new IndicatorInfo(id, "rule", id, unit, null, null, null, true, 1, unitVi);
    }

    @Test
    void aCountSaysWhatItCounts() {
        assertEquals("hồ sơ", indicator("06a.3", "count").unitWords());
        // The catalogue's unit.vi, published with the indicator (R12.count.sql, PAKN.conduct.sql).
        assertEquals("lượt thủ tục–tháng", indicator("R12.count", "count", "lượt thủ tục–tháng").unitWords());
        assertEquals("phản ánh, kiến nghị", indicator("PAKN.conduct", "count", "phản ánh, kiến nghị").unitWords());
        assertEquals("%", indicator("R12.rate", "percent").unitWords());
        assertEquals("ngày làm việc", indicator("766.2.2", "days").unitWords());
    }
}
