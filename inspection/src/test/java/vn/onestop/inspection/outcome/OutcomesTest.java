package vn.onestop.inspection.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.onestop.inspection.PublishedRun.Q1_2024;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
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

class OutcomesTest {
    @TempDir
    Path dir;
    private TestStores stores;

    @AfterEach
    void close() {
        if (stores != null) {
            stores.close();
        }
    }

    /**
     * R01: HS-1…HS-6 → confirmed 3 (HS-1 first marked not a violation, then confirmed), not a violation 1, unclear 2:
     * 3 ÷ (3 + 1) = 75,00 %. R02: HS-7, HS-8 not violations: 0 ÷ 2 = 0,00 %. R04: HS-9 unclear only: no data.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void confirmationRatesCountTheLatestOutcomeAndKeepUnclearApart(String kind) {
        stores = TestStores.open(kind, dir);
        PublishedRun run = PublishedRun.in(stores.store(), "run-1").agency("S1", "Sở Tư pháp", "department")
                .agency("X1", "UBND xã Đăk Hà", "commune_ppc");
        LocalDateTime t = LocalDateTime.of(2024, 3, 1, 8, 0);
        for (int i = 1; i <= 6; i++) {
            run.flag("R01", "HS-" + i, i <= 3 ? "S1" : "X1", Q1_2024, t, t.plusDays(5), null, "A", "x");
        }
        run.flag("R02", "HS-7", "S1", Q1_2024, t, t, null, "A", "x").flag("R02", "HS-8", "S1", Q1_2024, t, t, null, "A", "x")
                .flag("R04", "HS-9", "X1", Q1_2024, t, t, null, "A", "x").publish();
        MovableClock clock = new MovableClock(Instant.parse("2024-04-10T02:00:00Z"));
        Outcomes outcomes = new Outcomes(stores.store(), clock);
        outcomes.record("HS-1", "R01", Finding.NOT_VIOLATION, "Có phiếu giấy", "kiem.tra");
        clock.advance(Duration.ofHours(1));
        Outcome latest = outcomes.record("HS-1", "R01", Finding.CONFIRMED, "Phiếu giấy lập sau hạn", "truong.doan");
        outcomes.record("HS-2", "R01", Finding.CONFIRMED, null, "kiem.tra");
        outcomes.record("HS-3", "R01", Finding.CONFIRMED, null, "kiem.tra");
        outcomes.record("HS-4", "R01", Finding.NOT_VIOLATION, null, "kiem.tra");
        outcomes.record("HS-5", "R01", Finding.UNCLEAR, null, "kiem.tra");
        outcomes.record("HS-6", "R01", Finding.UNCLEAR, null, "kiem.tra");
        outcomes.record("HS-7", "R02", Finding.NOT_VIOLATION, null, "kiem.tra");
        outcomes.record("HS-8", "R02", Finding.NOT_VIOLATION, null, "kiem.tra");
        outcomes.record("HS-9", "R04", Finding.UNCLEAR, null, "kiem.tra");

        assertEquals(List.of(new ConfirmationRate("R01", 3, 1, 2, new BigDecimal("75.00")),
                new ConfirmationRate("R02", 0, 2, 0, new BigDecimal("0.00")),
                new ConfirmationRate("R04", 0, 0, 1, null)), outcomes.rates());

        assertEquals(List.of(Finding.CONFIRMED, Finding.NOT_VIOLATION),
                outcomes.historyOf("HS-1", "R01").stream().map(Outcome::finding).toList(), "history kept, latest first");
        assertEquals(latest, outcomes.latestOf("S1").get(Outcomes.key("HS-1", "R01")));
        assertEquals("S1", latest.agencyCode());
        assertEquals(List.of("HS-1|R01", "HS-2|R01", "HS-3|R01", "HS-7|R02", "HS-8|R02"),
                List.copyOf(outcomes.latestOf("S1").keySet()));

        var e = assertThrows(IllegalArgumentException.class,
                () -> outcomes.record("HS-1", "R02", Finding.CONFIRMED, null, "kiem.tra"));
        assertEquals("Dossier HS-1 is not flagged by R02 in run run-1", e.getMessage());
    }
}
