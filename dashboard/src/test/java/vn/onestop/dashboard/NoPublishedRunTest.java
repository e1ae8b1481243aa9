package vn.onestop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.auth.UserAccounts;

class NoPublishedRunTest {
    @TempDir
    Path dir;

    @Test
    void beforeTheFirstPublishPagesSaySoInsteadOfFailing() {
        try (Store store = SmallProvince.openStore(dir)) {
            UserAccounts.create(store, "admin", SmallProvince.PASSWORD, "admin", null, null);
            DashboardServer server = DashboardServer.start(
                    OneStopConfig.defaults().with(Map.of("server.port", "0", "data.dir", dir.toString())), store);
            try {
                Browser b = new Browser(server.url()).login("admin");
                JsonNode shell = b.json("/api/shell");
                assertTrue(shell.get("run").isNull());
                assertEquals(0, shell.get("periods").size());
                assertEquals(404, b.getJson("/api/overview").statusCode());
                assertEquals("no_published_run", Browser.parse(b.getJson("/api/ranking").body()).get("title").asText());
                assertEquals(200, b.get("/overview").statusCode());
                assertEquals(0, b.json("/api/data").get("runs").size());
            } finally {
                server.stop();
            }
        }
    }
}
