package vn.onestop.analytics.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A count says what it counts when it is not dossiers: the catalogue's unit.vi, published with the indicator. */
class CatalogueUnitWordsTest {
    @Test
    void countsOfProcedureMonthsAndFeedbackSaySo() {
        Map<String, IndicatorDefinition> byId = Catalogue.bundled().definitions().stream()
                .collect(Collectors.toMap(IndicatorDefinition::id, Function.identity()));
        assertEquals("lượt thủ tục–tháng", byId.get("R12.count").unitVi());
        assertEquals("phản ánh, kiến nghị", byId.get("PAKN.conduct").unitVi());
        assertNull(byId.get("06a.3").unitVi(), "dossiers: no word of its own");
        assertNull(byId.get("766.2.1").unitVi());
    }
}
