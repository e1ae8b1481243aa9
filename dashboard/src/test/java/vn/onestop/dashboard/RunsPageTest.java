package vn.onestop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.RunMessage;

/** The runs page's API: the run in progress with its stages and progress in vi-VN numbers, who may cancel it. */
class RunsPageTest extends RunningDashboard {
    @BeforeAll
    static void aRunInProgress() {
        RunLog.start(store, "run-2", "scheduled");
        RunLog.enterStage(store, "run-2", "ingest");
        RunLog.progress(store, "run-2", "ingest", "motcua hs_hoso loaded", 12_345, null);
        RunLog.enterStage(store, "run-2", "compute");
        RunLog.progress(store, "run-2", "compute", "counts", 3, 5L);
        RunLog.start(store, "run-3", "manual");
        RunLog.fail(store, "run-3", RunMessage.of("The source motcua could not be reached.",
                "Không kết nối được nguồn motcua."));
        RunLog.start(store, "run-4", "manual");
        RunLog.fail(store, "run-4", "Only in English.");
    }

    private static JsonNode run(JsonNode page, String id) {
        for (JsonNode r : page.get("runs")) {
            if (r.get("runId").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError(id + " not listed: " + page);
    }

    @Test
    void theRunInProgressShowsItsStagesAndProgressAndAdministratorsMayCancelIt() {
        JsonNode page = browser().login("admin").json("/api/runs");
        assertTrue(page.get("anyActive").asBoolean());
        JsonNode running = run(page, "run-2");
        assertEquals("Đang chạy", running.get("statusText").asText());
        assertEquals("Theo lịch", running.get("triggerText").asText());
        assertEquals("Tính toán", running.get("stageText").asText());
        assertTrue(running.get("canCancel").asBoolean());
        JsonNode ingest = running.get("stages").get(0);
        assertEquals("Thu thập", ingest.get("stageText").asText());
        assertEquals("12.345", ingest.get("progressText").asText());
        assertTrue(ingest.get("finished").asBoolean());
        JsonNode compute = running.get("stages").get(1);
        assertEquals("3 / 5 (60 %)", compute.get("progressText").asText());
        assertEquals(60, compute.get("percent").asInt());
        assertEquals("counts", compute.get("step").asText());

        JsonNode published = run(page, "run-1");
        assertTrue(published.get("published").asBoolean());
        assertFalse(published.get("canCancel").asBoolean(), "an ended run has no cancel button");
        assertEquals("Thất bại", run(page, "run-0").get("statusText").asText());
    }

    @Test
    void aRunsMessageIsShownInThePagesLanguage() {
        Browser admin = browser().login("admin");
        assertEquals("Không kết nối được nguồn motcua.", run(admin.json("/api/runs"), "run-3").get("message").asText());
        assertEquals("The source motcua could not be reached.",
                run(admin.json("/api/runs?lang=en"), "run-3").get("message").asText());
        assertEquals("Only in English.", run(admin.json("/api/runs"), "run-4").get("message").asText(),
                "a message recorded in English only is shown as it is");
    }

    @Test
    void anInspectorSeesTheRunsButMayNotCancel() {
        Browser inspector = browser().login("inspector");
        JsonNode page = inspector.json("/api/runs?lang=en");
        assertFalse(page.get("mayCancel").asBoolean());
        JsonNode running = run(page, "run-2");
        assertFalse(running.get("canCancel").asBoolean());
        assertEquals("Compute", running.get("stageText").asText());
        assertEquals("3 / 5 (60 %)", inspector.json("/api/runs/run-2").get("stages").get(1).get("progressText").asText());
    }
}
