package vn.onestop.analytics.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.Store;

/**
 * Rows reach the store as they were given, through COPY on PostgreSQL and batched INSERTs on H2: quotes, commas,
 * line breaks and Vietnamese text; null apart from the empty string; times to the microsecond; more rows than one
 * batch.
 */
class RowWriterTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void writesEveryValueAsGiven(String kind) throws SQLException {
        try (TestStores stores = new TestStores(kind, tmp)) {
            Store store = stores.store;
            RunLog.start(store, "r1", "test");
            LocalDateTime at = LocalDateTime.of(2026, 10, 20, 10, 0, 5, 123_456_000);
            try (Connection c = store.connection();
                 RowWriter w = new RowWriter(c, "pub_case_timeline", List.of("run_id", "case_id", "seq", "at",
                         "event_kind", "status", "label", "unit", "officer"))) {
                assertEquals(kind.equals("postgresql"), w.copies());
                w.row("r1", "HS-1", 1, at, "step", 9, "Trả kết quả, \"đúng hạn\"\ndòng hai", "", null);
                w.row("r1", "HS-1", 2, null, "step", null, "a,b;c\\d", "Một cửa", "CB-01");
                for (int i = 3; i < 120_003; i++) {
                    w.row("r1", "HS-2", i, at, "step", 4, null, null, null);
                }
            }
            assertEquals(List.of(
                    "HS-1|1|2026-10-20T10:00:05.123456|step|9|Trả kết quả, \"đúng hạn\"\ndòng hai||null",
                    "HS-1|2|null|step|null|a,b;c\\d|Một cửa|CB-01"), timeline(store, "HS-1"));
            assertEquals(List.of("120000"), rows(store, "SELECT CAST(count(*) AS VARCHAR(10)) FROM pub_case_timeline "
                    + "WHERE case_id = 'HS-2' AND label IS NULL"));
        }
    }

    /** A dossier's rows, every column but the run id, as text ("null" for null). */
    private static List<String> timeline(Store store, String caseId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement("SELECT case_id, seq, at, "
                + "event_kind, status, label, unit, officer FROM pub_case_timeline WHERE case_id = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getObject(3, LocalDateTime.class) + "|"
                            + rs.getString(4) + "|" + rs.getObject(5) + "|" + rs.getString(6) + "|" + rs.getString(7)
                            + "|" + rs.getString(8));
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> rows(Store store, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        out.sort(null);
        return out;
    }
}
