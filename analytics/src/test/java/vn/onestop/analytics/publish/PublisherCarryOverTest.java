package vn.onestop.analytics.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.onestop.analytics.incremental.ChangePlan;
import vn.onestop.analytics.model.CaseFlag;
import vn.onestop.analytics.period.Period;
import vn.onestop.analytics.period.PeriodKind;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.Store;

/**
 * A nightly run's copying inside the store (decisions 74 and 78), on the embedded H2 and on PostgreSQL: rows of
 * periods not recomputed are copied, those of periods recomputed whole are not; of a period recomputed for some
 * agencies only, the other agencies' values and flags are copied, its groups' values are not; copied flags of a
 * changed dossier get its current status, end and apology; timelines follow the new run's flags; the register loses
 * the changed dossiers.
 */
class PublisherCarryOverTest {
    private static final LocalDate SEPTEMBER = LocalDate.of(2026, 9, 1);
    private static final LocalDate OCTOBER = LocalDate.of(2026, 10, 1);
    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 1);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void copiesWhatTheNightlyRunDidNotRecompute(String kind) throws SQLException {
        try (TestStores stores = new TestStores(kind, tmp)) {
            Store store = stores.store;
            String base = "base-run";
            RunLog.start(store, base, "test");
            try (Connection c = store.connection()) {
                for (LocalDate month : List.of(AUGUST, SEPTEMBER, OCTOBER)) {
                    exec(c, "INSERT INTO pub_value (run_id, scope_code, scope_kind, period_kind, period_start, "
                            + "period_end, indicator_id, numerator, denominator) VALUES (?, 'A1', 'agency', 'month', ?, ?, "
                            + "'766.2.1', 3, 4)", base, month, month.plusMonths(1).minusDays(1));
                    exec(c, "INSERT INTO pub_case_flag (run_id, rule_id, case_id, period_kind, period_start, agency_code, "
                            + "status, detail_vi) VALUES (?, 'R01', 'C1', 'month', ?, 'A1', 4, 'trễ')", base, month);
                }
                exec(c, "INSERT INTO pub_case_flag (run_id, rule_id, case_id, period_kind, period_start, agency_code, "
                        + "status) VALUES (?, 'R07', 'C2', 'month', ?, 'A1', 10)", base, SEPTEMBER);
                // Another agency and the group in September, which the nightly run recomputes for A1 only.
                exec(c, "INSERT INTO pub_value (run_id, scope_code, scope_kind, period_kind, period_start, "
                        + "period_end, indicator_id, numerator, denominator) VALUES (?, 'A2', 'agency', 'month', ?, ?, "
                        + "'766.2.1', 1, 2)", base, SEPTEMBER, SEPTEMBER.plusMonths(1).minusDays(1));
                exec(c, "INSERT INTO pub_value (run_id, scope_code, scope_kind, period_kind, period_start, "
                        + "period_end, indicator_id, numerator, denominator) VALUES (?, 'G1', 'group', 'month', ?, ?, "
                        + "'766.2.1', 4, 6)", base, SEPTEMBER, SEPTEMBER.plusMonths(1).minusDays(1));
                exec(c, "INSERT INTO pub_case_flag (run_id, rule_id, case_id, period_kind, period_start, agency_code, "
                        + "status) VALUES (?, 'R01', 'C5', 'month', ?, 'A2', 4)", base, SEPTEMBER);
                for (String id : List.of("C1", "C2", "C3", "C5")) {
                    exec(c, "INSERT INTO pub_case_timeline (run_id, case_id, seq, event_kind) VALUES (?, ?, 1, 'received')",
                            base, id);
                    exec(c, "INSERT INTO pub_case_register (run_id, case_id, agency_code, received_at) "
                            + "VALUES (?, ?, 'A1', TIMESTAMP '2026-09-02 08:00:00')", base, id);
                }
            }

            String nightly = "nightly-run";
            RunLog.start(store, nightly, "test");
            try (Publisher publisher = new Publisher(store, nightly)) {
                // October is recomputed: C4 is newly flagged there, C1 still is. September is recomputed for A1: C1
                // is flagged there, C2 no longer is.
                var sink = publisher.flagSink();
                sink.accept(flag("C1", OCTOBER, 9));
                sink.accept(flag("C4", OCTOBER, 4));
                sink.accept(flag("C1", SEPTEMBER, 9));
                Period september = new Period(PeriodKind.MONTH, 0, SEPTEMBER, SEPTEMBER.plusMonths(1).minusDays(1));
                Period october = new Period(PeriodKind.MONTH, 0, OCTOBER, OCTOBER.plusMonths(1).minusDays(1));
                ChangePlan plan = new ChangePlan(base, null, List.of(september, october), List.of(september, october),
                        Map.of(ChangePlan.key(september), Set.of("A1")), 2, 0, OCTOBER, 1);
                // August's value and flag, September's value and flag of A2; nothing of October, nothing of A1 or
                // the group in September.
                assertEquals(4, publisher.carryOver(base, plan));
                publisher.refreshFlags(List.of(RowFactory.create("C1", 9, Instant.parse("2026-10-20T03:00:00Z"),
                        Instant.parse("2026-10-15T03:00:00Z"))));
                assertEquals(List.of("C4"), publisher.flaggedWithoutTimeline(base));
                try (Connection c = store.connection()) {
                    exec(c, "INSERT INTO pub_case_timeline (run_id, case_id, seq, event_kind) VALUES (?, 'C4', 1, "
                            + "'received')", nightly);
                }
                publisher.carryOverTimelines(base);
                publisher.carryOverRegister(base, List.of("C2"));
            }
            assertEquals(List.of("A1|month|2026-08-01|766.2.1", "A2|month|2026-09-01|766.2.1"), rows(store, "SELECT scope_code || '|' || period_kind "
                    + "|| '|' || CAST(period_start AS VARCHAR(10)) || '|' || indicator_id FROM pub_value WHERE run_id = ?",
                    nightly));
            assertEquals(List.of("C1|month|2026-08-01|9|2026-10-20 10:00|2026-10-15 10:00|trễ",
                    "C1|month|2026-09-01|9|2026-10-20 10:00|2026-10-15 10:00|null",
                    "C1|month|2026-10-01|9|2026-10-20 10:00|2026-10-15 10:00|null", "C4|month|2026-10-01|4|null|null|null",
                    "C5|month|2026-09-01|4|null|null|null"), rows(store, "SELECT case_id || '|' || period_kind || '|' "
                    + "|| CAST(period_start AS VARCHAR(10)) || '|' || status || '|' || coalesce(CAST(finished_at AS "
                    + "VARCHAR(16)), 'null') || '|' || coalesce(CAST(apology_issued_at AS VARCHAR(16)), 'null') || '|' "
                    + "|| coalesce(detail_vi, 'null') FROM pub_case_flag WHERE run_id = ?", nightly));
            assertEquals(List.of("C1", "C4", "C5"), rows(store, "SELECT case_id FROM pub_case_timeline WHERE run_id = ?",
                    nightly));
            assertEquals(List.of("C1", "C3", "C5"), rows(store, "SELECT case_id FROM pub_case_register WHERE run_id = ?",
                    nightly));
        }
    }

    private static CaseFlag flag(String caseId, LocalDate month, int status) {
        return new CaseFlag("R01", caseId, "month", month, "A1", null, null, null, status, null, null, null, null,
                null, null, null, null, null);
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private static List<String> rows(Store store, String sql, String runId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        out.sort(null);
        return out;
    }
}
