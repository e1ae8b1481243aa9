package vn.onestop.inspection.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.onestop.inspection.PublishedRun.Q1_2024;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.onestop.inspection.MovableClock;
import vn.onestop.inspection.PublishedRun;
import vn.onestop.inspection.TestStores;

class DossierSamplesTest {
    @TempDir
    Path dir;
    private TestStores stores;

    @AfterEach
    void close() {
        if (stores != null) {
            stores.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aSampleIsRecordedWithItsSeedAndEveryFlaggedDossierJoinsIt(String kind) {
        stores = TestStores.open(kind, dir);
        PublishedRun run = PublishedRun.in(stores.store(), "run-1").agency("S1", "Sở Tư pháp", "department")
                .agency("S2", "Sở Y tế", "department")
                .procedure("1.001", "Cấp phiếu lý lịch tư pháp", "LLTP", "Lý lịch tư pháp")
                .procedure("2.001", "Đăng ký khai sinh", "HT", "Hộ tịch");
        LocalDateTime march = LocalDateTime.of(2024, 3, 1, 8, 0);
        for (int i = 0; i < 12; i++) {
            run.dossier(String.format("HS-%02d", i), "S1", i < 8 ? "1.001" : "2.001", i < 8 ? "LLTP" : "HT",
                    march.plusDays(i));
        }
        run.dossier("HS-OTHER", "S2", "1.001", "LLTP", march)
                .dossier("HS-APRIL", "S1", "1.001", "LLTP", LocalDateTime.of(2024, 4, 1, 8, 0))
                .flag("R01", "HS-03", "S1", Q1_2024, march.plusDays(3), march.plusDays(10), null, "Nguyễn V. A.", "x")
                .flag("R04", "HS-03", "S1", Q1_2024, march.plusDays(3), march.plusDays(10), null, "Nguyễn V. A.", "x")
                .flag("R01", "HS-OLD", "S1", Q1_2024, LocalDateTime.of(2023, 12, 20, 8, 0), march, null, "Lê V. C.", "x")
                .publish();
        DossierSamples samples = new DossierSamples(stores.store(), new MovableClock(Instant.parse("2024-04-05T03:00:00Z")));
        Sample s = samples.take("S1", "2024-Q1", 3, 7L, "kiem.tra");
        // 3 of 12: LLTP 8 → 2 (2,0), HT 4 → 1 (1,0).
        assertEquals(List.of(new StratifiedSample.Stratum("HT", 4, 1), new StratifiedSample.Stratum("LLTP", 8, 2)),
                s.strata());
        List<SampledDossier> random = s.dossiers().stream().filter(SampledDossier::randomPick).toList();
        assertEquals(3, random.size());
        assertTrue(random.stream().allMatch(d -> d.caseId().startsWith("HS-") && !d.caseId().equals("HS-OTHER")
                && !d.caseId().equals("HS-APRIL")));
        SampledDossier old = s.dossiers().stream().filter(d -> d.caseId().equals("HS-OLD")).findFirst().orElseThrow();
        assertEquals("R01", old.flagRules());
        assertEquals("LLTP", old.fieldCode(), "received before the period, its field from the procedure catalogue");
        SampledDossier hs03 = s.dossiers().stream().filter(d -> d.caseId().equals("HS-03")).findFirst().orElseThrow();
        assertEquals("R01,R04", hs03.flagRules());
        assertEquals(hs03.randomPick() ? 4 : 5, s.dossiers().size(), "a dossier drawn and flagged is listed once");

        Sample again = samples.take("S1", "2024-Q1", 3, 7L, "kiem.tra");
        assertEquals(s.dossiers(), again.dossiers(), "same seed, same sample");
        assertEquals(again, samples.latest("S1", Q1_2024).orElseThrow());
        assertEquals(s, samples.find(s.id()).orElseThrow());
        assertEquals(List.of(again.id(), s.id()), samples.of("S1").stream().map(Sample::id).toList());
    }
}
