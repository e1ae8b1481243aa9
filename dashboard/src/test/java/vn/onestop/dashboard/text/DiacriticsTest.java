package vn.onestop.dashboard.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiacriticsTest {
    @Test
    void searchWithoutDiacriticsFindsVietnameseNames() {
        assertEquals("dak ha", Diacritics.fold("Đăk Hà"));
        assertTrue(Diacritics.fold("UBND xã Đăk Hà").contains(Diacritics.fold("dak ha")));
        assertEquals("so tu phap", Diacritics.fold("  Sở   Tư pháp "));
        assertEquals("quang ngai", Diacritics.fold("QUẢNG NGÃI"));
        assertEquals("ia grai", Diacritics.fold("Ia Grai"));
        assertEquals("", Diacritics.fold(null));
    }
}
