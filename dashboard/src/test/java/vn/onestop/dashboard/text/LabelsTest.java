package vn.onestop.dashboard.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

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
}
