package vn.onestop.analytics.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A catalogue held to a few entries (the benchmark's like-for-like run): the catalogue's order, no unknown ids. */
class CatalogueOnlyTest {
    private final Catalogue bundled = Catalogue.bundled();

    @Test
    void keepsTheGivenEntriesInTheCataloguesOrder() {
        int entries = bundled.definitions().size();
        Catalogue core = bundled.only(List.of("R01.rate", "766.4.2", "766.2.1", "766.3.3"));

        assertEquals(List.of("766.2.1", "766.3.3", "766.4.2", "R01.rate"),
                core.definitions().stream().map(IndicatorDefinition::id).toList());
        assertEquals(bundled.find("766.2.1").orElseThrow(), core.find("766.2.1").orElseThrow());
        assertEquals(entries, bundled.definitions().size(), "the bundled catalogue itself is untouched");
    }

    @Test
    void anUnknownIdIsAnErrorThatNamesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bundled.only(List.of("766.2.1", "766.9.9")));
        assertTrue(e.getMessage().contains("766.9.9"), e.getMessage());
    }
}
