package vn.onestop.dashboard.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class VietnameseOrderTest {
    @Test
    void namesFollowTheVietnameseAlphabet() {
        List<String> names = List.of("Ea Súp", "Đăk Hà", "Dân Chủ", "Ân Thi", "Ă Nam", "An Khê", "Ơn", "Ô Môn", "O Lac");
        List<String> sorted = names.stream().sorted(VietnameseOrder.by(Function.identity())).toList();
        assertEquals(List.of("An Khê", "Ă Nam", "Ân Thi", "Dân Chủ", "Đăk Hà", "Ea Súp", "O Lac", "Ô Môn", "Ơn"), sorted);
    }
}
