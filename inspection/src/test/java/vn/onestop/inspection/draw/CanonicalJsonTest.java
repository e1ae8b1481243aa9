package vn.onestop.inspection.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    @Test
    void keysAreSortedNumbersPlainStringsMinimallyEscaped() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1L);
        m.put("a", new BigDecimal("45.50"));
        m.put("name", "UBND xã \"Đăk Hà\"\\\n");
        m.put("list", Arrays.asList(true, null, 7));
        assertEquals("{\"a\":45.50,\"list\":[true,null,7],\"name\":\"UBND xã \\\"Đăk Hà\\\"\\\\\\u000a\",\"z\":1}",
                CanonicalJson.write(m));
    }

    @Test
    void readingAndWritingAgainGivesTheSameBytes() {
        String text = "{\"a\":45.50,\"b\":[\"Sở Tư pháp\",0.10,-3],\"c\":{\"x\":null,\"y\":false}}";
        assertEquals(text, CanonicalJson.write(CanonicalJson.parse(text)));
        assertEquals(List.of("Sở Tư pháp", new BigDecimal("0.10"), -3L),
                ((Map<?, ?>) CanonicalJson.parse(text)).get("b"));
    }

    @Test
    void theSealIsTheSha256OfTheUtf8Bytes() {
        // printf '%s' '{"a":1,"b":"Đ"}' | sha256sum
        assertEquals("8317b45eeeda995e68a60b08c99a1c710c8fce10decc38b4067f5be51a24b601",
                CanonicalJson.sha256("{\"a\":1,\"b\":\"Đ\"}"));
    }
}
