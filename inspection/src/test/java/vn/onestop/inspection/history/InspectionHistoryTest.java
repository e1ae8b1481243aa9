package vn.onestop.inspection.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.onestop.inspection.MovableClock;
import vn.onestop.inspection.TestStores;

class InspectionHistoryTest {
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
    void importsAreAllOrNothingAndIdempotent(String kind) throws Exception {
        stores = TestStores.open(kind, dir);
        MovableClock clock = new MovableClock(Instant.parse("2024-03-01T01:00:00Z"));
        InspectionHistory history = new InspectionHistory(stores.store(), clock);
        Path csv = dir.resolve("kiem-tra-2023.csv");
        Files.writeString(csv, "\uFEFFagency_code,inspected_on,kind,reference\n"
                + "S1,15/06/2023,trực tiếp,Kết luận 12/KL-VP\n"
                + "X1,2023-11-02,surprise,\n"
                + "S1,2024-02-20,Gián tiếp,\n", StandardCharsets.UTF_8);
        assertEquals(new InspectionHistory.Import(3, 0), history.importCsv(csv, "lanh.dao"));
        assertEquals(new InspectionHistory.Import(0, 3), history.importCsv(csv, "lanh.dao"), "twice adds nothing");
        List<PastInspection> s1 = history.of("S1");
        assertEquals(List.of(LocalDate.of(2024, 2, 20), LocalDate.of(2023, 6, 15)),
                s1.stream().map(PastInspection::inspectedOn).toList());
        assertEquals(InspectionKind.INDIRECT, s1.get(0).kind());
        assertEquals("Kết luận 12/KL-VP", s1.get(1).reference());
        assertEquals("kiem-tra-2023.csv", s1.get(1).source());

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "agency_code,inspected_on,kind\nX2,2024-01-05,direct\nX3,31/02/2024,direct\n");
        var e = assertThrows(IllegalArgumentException.class, () -> history.importCsv(bad, "lanh.dao"));
        assertEquals("bad.csv:3: inspected_on '31/02/2024' is not a date like 2024-03-15 or 15/03/2024", e.getMessage());
        assertEquals(List.of(), history.of("X2"), "nothing of a bad file is recorded");

        clock.advance(Duration.ofDays(1));
        history.record("X1", LocalDate.of(2024, 3, 1), InspectionKind.DIRECT, null, "kiem.tra");
        assertEquals(Map.of("S1", LocalDate.of(2024, 2, 20), "X1", LocalDate.of(2023, 11, 2)),
                history.lastInspected(LocalDateTime.of(2024, 3, 1, 12, 0)), "as recorded by then");
        assertEquals(LocalDate.of(2024, 3, 1), history.lastInspected(LocalDateTime.of(2024, 3, 2, 12, 0)).get("X1"));
    }
}
