package vn.onestop.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.core.config.OneStopConfig;

/**
 * The embedded store is opened without H2's compaction on close, which can fail half-way in H2 2.3.232 and lose the
 * latest commits (decision 82): a CLI test lost Flyway's history rows that way in one run out of three or four.
 */
class StoreCompactionTest {
    @TempDir
    Path tmp;

    @Test
    void theEmbeddedStoreIsOpenedWithoutCompactionOnClose() throws Exception {
        try (Store store = Store.open(OneStopConfig.load(null, Map.of("data.dir", tmp.toString())));
             Connection c = store.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT setting_value FROM information_schema.settings "
                     + "WHERE setting_name = 'MAX_COMPACT_TIME'")) {
            rs.next();
            assertEquals("0", rs.getString(1));
        }
    }

    @Test
    void aUrlThatSetsTheCompactionTimeKeepsIt() {
        assertEquals("jdbc:h2:file:/x/onestop;MODE=PostgreSQL;MAX_COMPACT_TIME=0",
                Store.withoutCompactionOnClose("jdbc:h2:file:/x/onestop;MODE=PostgreSQL"));
        assertEquals("jdbc:h2:file:/x/onestop;max_compact_time=500",
                Store.withoutCompactionOnClose("jdbc:h2:file:/x/onestop;max_compact_time=500"));
    }
}
