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

    @Test
    void aCopyWithAnotherDataDirMovesTheKeysThatFollowIt() {
        OneStopConfig c = OneStopConfig.load(null, Map.of("inbox.dir", "/mnt/drops")).with(Map.of("data.dir", "/srv/x"));
        assertEquals("/srv/x/lake", c.lakeUri());
        assertTrue(c.storeUrl().startsWith("jdbc:h2:file:/srv/x/store/"), c.storeUrl());
        assertEquals(Path.of("/mnt/drops"), c.inboxDir(), "a key set on its own stays where it was set");
        assertEquals("/srv/x/inbox-archive", c.string("inbox.archive_dir"));
    }

    @Test
    void operationsKeysAreCheckedAtStart() {
        OneStopConfig c = OneStopConfig.defaults();
        assertEquals(36, c.integer("ops.max_run_age_hours"));
        assertEquals("", c.string("ops.metrics_token"));
        assertTrue(c.bool("ops.metrics_from_loopback"));
        assertEquals("text", c.string("log.format"));
        var age = assertThrows(ConfigException.class, () -> c.with(Map.of("ops.max_run_age_hours", "-1")));
        assertTrue(age.getMessage().startsWith("ops.max_run_age_hours = -1 must not be negative."), age.getMessage());
        var token = assertThrows(ConfigException.class, () -> c.with(Map.of("ops.metrics_token", "short")));
        assertTrue(token.getMessage().startsWith("ops.metrics_token is shorter than 16 characters"), token.getMessage());
        var loopback = assertThrows(ConfigException.class, () -> c.with(Map.of("ops.metrics_from_loopback", "yes")));
        assertTrue(loopback.getMessage().startsWith("ops.metrics_from_loopback = 'yes' must be true or false."));
        var log = assertThrows(ConfigException.class, () -> c.with(Map.of("log.format", "xml")));
        assertTrue(log.getMessage().startsWith("log.format = 'xml' is neither text nor json."), log.getMessage());
    }

    @Test
    void inspectionSettingsHaveDefaultsAndAreChecked() {
        OneStopConfig c = OneStopConfig.defaults();
        assertEquals(10, c.integer("inspection.notice_days"));
        assertEquals(12, c.integer("inspection.recent_months"));
        assertEquals(Map.of("department", 3, "commune_ppc", 20), c.inspectionQuotas());
        var share = assertThrows(ConfigException.class,
                () -> OneStopConfig.load(null, Map.of("inspection.random_share_pct", "120")));
        assertTrue(share.getMessage().startsWith("inspection.random_share_pct = 120 must be between 0 and 100."),
                share.getMessage());
        var quotas = assertThrows(ConfigException.class,
                () -> OneStopConfig.load(null, Map.of("inspection.quotas", "department=3,commune_ppc")));
        assertTrue(quotas.getMessage().startsWith("inspection.quotas: 'commune_ppc' should read kind=N"),
                quotas.getMessage());
        var days = assertThrows(ConfigException.class,
                () -> OneStopConfig.load(null, Map.of("inspection.notice_days", "-1")));
        assertTrue(days.getMessage().startsWith("inspection.notice_days = -1 must not be negative."), days.getMessage());
    }
}
