package vn.onestop.dashboard.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.onestop.core.config.OneStopConfig;

class LabelsTest {
    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertEquals(Labels.all(Language.VI).keySet(), Labels.all(Language.EN).keySet());
    }

    @Test
    void placeholdersAreFilledInOrder() {
        assertEquals("3 trong 10 hồ sơ trễ hạn không có phiếu xin lỗi (30,00 %)",
                Labels.format(Language.VI, "reason.r01", "3", "10", "30,00 %"));
    }

    @Test
    void languageCodesFallBackToVietnamese() {
        assertEquals(Language.EN, Language.parse("EN"));
        assertEquals(Language.VI, Language.parse("fr"));
        assertEquals(Language.VI, Language.parse(null));
    }

    /**
     * The inspection page lists the risk score's weights by name: every input of the default weights that is not a
     * catalogue entry (R01.rate, R12.count) or a gap to a target is named in both languages ("trend" was shown raw).
     */
    @Test
    void everyDefaultRiskInputHasAName() {
        String weights = OneStopConfig.defaults().string("risk.weights");
        int named = 0;
        for (String pair : weights.split(",")) {
            String input = pair.split("=")[0].trim();
            if (input.contains(".") || input.startsWith("gap:")) {
                continue;
            }
            for (Language language : Language.values()) {
                assertTrue(Labels.all(language).containsKey("risk.input." + input), language + ": " + input);
            }
            named++;
        }
        assertEquals(3, named, "feedback_per_1000, conduct_feedback, trend");
        assertEquals("Xấu đi so với kỳ trước (phần trọng số của các tỷ lệ tăng lên)",
                Labels.get(Language.VI, "risk.input.trend"));
    }
}
