package vn.onestop.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {
    @Test
    void textThatWouldRunAsAFormulaGetsAnApostrophe() {
        assertEquals("'=SUM(1+1)", SpreadsheetText.neutralise("=SUM(1+1)"));
        assertEquals("'+84 912", SpreadsheetText.neutralise("+84 912"));
        assertEquals("'-1", SpreadsheetText.neutralise("-1"));
        assertEquals("'@cmd", SpreadsheetText.neutralise("@cmd"));
        assertEquals("'\t=1", SpreadsheetText.neutralise("\t=1"));
        assertEquals("Sở Tư pháp", SpreadsheetText.neutralise("Sở Tư pháp"));
        assertEquals("a=b", SpreadsheetText.neutralise("a=b"));
        assertEquals("", SpreadsheetText.neutralise(""));
        assertNull(SpreadsheetText.neutralise(null));
    }
}
