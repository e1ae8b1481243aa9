package vn.onestop.inspection.published;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The unit column of the inspection workbooks says what a count counts. */
class IndicatorInfoTest {
    private static IndicatorInfo indicator(String id, String unit) {
        return new IndicatorInfo(id, "rule", id, unit, null, null, null, true, 1);
    }

    @Test
    void aCountSaysWhatItCounts() {
        assertEquals("hồ sơ", indicator("06a.3", "count").unitWords());
        assertEquals("lượt thủ tục–tháng", indicator("R12.count", "count").unitWords());
        assertEquals("phản ánh, kiến nghị", indicator("PAKN.conduct", "count").unitWords());
        assertEquals("%", indicator("R12.rate", "percent").unitWords());
        assertEquals("ngày làm việc", indicator("766.2.2", "days").unitWords());
    }
}
