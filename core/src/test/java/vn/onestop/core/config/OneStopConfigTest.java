package vn.onestop.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OneStopConfigTest {
    @Test
    void defaultsAreTheEmbeddedSetup() {
        OneStopConfig c = OneStopConfig.defaults();
        assertTrue(c.storeUrl().startsWith("jdbc:h2:file:./data/store/"), c.storeUrl());
        assertEquals("./data/lake", c.lakeUri());
        assertEquals(7070, c.integer("server.port"));
    }

    @Test
    void anUnknownKeyIsAnErrorThatNamesIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("onestop.properties");
        Files.writeString(file, "store.ulr=jdbc:postgresql://x/y\n");
        var e = assertThrows(ConfigException.class, () -> OneStopConfig.load(file, Map.of()));
        assertTrue(e.getMessage().startsWith("Unknown configuration key 'store.ulr' in " + file), e.getMessage());
        assertTrue(e.getMessage().contains("store.url"), "lists the known keys");
    }

    @Test
    void aBadValueNamesTheKeyAndTheFix() {
        var e = assertThrows(ConfigException.class, () -> OneStopConfig.load(null, Map.of("server.port", "http")));
        assertTrue(e.getMessage().startsWith("server.port = 'http' is not a whole number."), e.getMessage());
        var p = assertThrows(ConfigException.class,
                () -> OneStopConfig.load(null, Map.of("indicators.profile", "766")));
        assertTrue(p.getMessage().contains("Use dvcqg-2025 (default) or qd766-2022"), p.getMessage());
    }

    @Test
    void dataDirIsExpandedInDependentKeys() {
        OneStopConfig c = OneStopConfig.load(null, Map.of("data.dir", "/srv/onestop"));
        assertEquals("/srv/onestop/lake", c.lakeUri());
        assertEquals(Path.of("/srv/onestop/inbox"), c.inboxDir());
    }
}
