package vn.onestop.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.incremental.ChangePlan;
import vn.onestop.analytics.period.PeriodKind;
import vn.onestop.core.calendar.WorkingCalendar;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.RunProgress;
import vn.onestop.core.store.Store;
import vn.onestop.ingest.FolderIngest;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.RecordType;
import vn.onestop.ingest.SparkSessions;
import vn.onestop.sample.GeneratorOptions;
import vn.onestop.sample.ProvinceGenerator;

/**
 * A nightly run on top of yesterday's published run publishes exactly what a full run over today's lake does — every
 * value, flag, risk score, silent-procedure flag, timeline and register row — while recomputing only the periods
 * the changes touch (decisions.md, "Incremental nightly runs").
 *
 * <p>Yesterday is today's generated province without what happened from {@link #CUT} on (new dossiers, steps,
 * supplement answers, apologies, ratings, feedback), plus three older differences that reach back: a dossier received
 * in September 2025 was not yet synced (judged in its month of reception), an apology of March 2026 was entered only
 * today (every period ending after it), an officer of a June 2026 closing step was corrected (the evidence, R10),
 * and a dossier finished in August 2025 was handed over (a status 10 step) only today.
 */
class IncrementalComputeTest {
    private static final LocalDate FROM = LocalDate.of(2025, 7, 1);
    private static final LocalDate TO = LocalDate.of(2026, 10, 31);
    private static final String CUT = "2026-10-27";
    private static final String UNSYNCED_MONTH = "2025-09";
    private static final String APOLOGY_MONTH = "2026-03";
    private static final String OFFICER_MONTH = "2026-06";
    private static final String HANDOVER_MONTH = "2025-08";
    private static final List<String> TABLES = List.of("pub_period", "pub_value", "pub_value_dim", "pub_case_flag",
            "pub_agency_flag", "pub_risk", "pub_risk_input", "pub_case_timeline", "pub_case_register");

    @TempDir
    static Path tmp;

    private static Store store;
    private static ChangePlan nightlyPlan;
    private static ChangePlan firstPlan;
    private static String nightlyRun;
    private static String fullRun;
    private static Changes changes;

    /** What yesterday lacked, picked from the generated data. */
    private record Changes(String unsyncedCase, LocalDate unsyncedReceived, String unsyncedAgency,
                           Set<String> agenciesOfItsMonth, LocalDate apologyIssued, String correctedOfficerCase) {
    }

    @BeforeAll
    static void yesterdayThenTodayNightlyAndFull() throws IOException {
        Path today = tmp.resolve("today");
        ProvinceGenerator.generate(new GeneratorOptions(766, 3_000, FROM, TO, 0), today);
        Path yesterday = tmp.resolve("yesterday");
        changes = yesterday(today, yesterday);

        SparkSession spark = SparkSessions.local();
        Lake lake = new Lake(tmp.resolve("lake").toString());
        store = Store.open("jdbc:h2:file:" + tmp.resolve("store") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH", "onestop", "", 4);
        ComputeJob job = new ComputeJob(spark, lake, WorkingCalendar.bundled(), Catalogue.bundled(),
                // Silent procedures (R12) judged for this small province's agencies too, so that some are carried over.
                IndicatorSettings.from(vn.onestop.core.config.OneStopConfig.defaults()
                        .with(Map.of("rules.silent_min_monthly_median", "2"))));

        new FolderIngest(spark, lake, LocalDateTime.of(2026, 10, 27, 1, 0)).run(yesterday, tmp, "yesterday");
        firstPlan = publish(job, ComputeJob.Baseline.current(store));

        for (RecordType type : RecordType.values()) {
            lake.delete(spark, type.table());
        }
        new FolderIngest(spark, lake, LocalDateTime.of(2026, 11, 1, 1, 0)).run(today, tmp, "today");
        nightlyPlan = publish(job, ComputeJob.Baseline.current(store));
        nightlyRun = currentRun();
        assertTrue(nightlyPlan.incremental(), nightlyPlan.describe());
        assertFalse(publish(job, null).incremental());
        fullRun = currentRun();
    }

    private static ChangePlan publish(ComputeJob job, ComputeJob.Baseline baseline) {
        String runId = RunLog.newRunId();
        RunLog.start(store, runId, "test");
        ComputeJob.Computation computation = job.compute(null, null, RunProgress.NONE, baseline);
        job.publish(store, runId, computation, null);
        return computation.plan();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void theFirstRunIsFullAndSaysWhy() {
        assertNull(firstPlan.baseRunId());
        assertEquals("full run (no published run to build on)", firstPlan.describe());
    }

    @Test
    void theNightlyRunPublishesWhatAFullRunDoes() throws SQLException {
        for (String table : TABLES) {
            List<String> nightly = rows(table, nightlyRun);
            List<String> full = rows(table, fullRun);
            if (!nightly.equals(full)) {
                Set<String> onlyNightly = new TreeSet<>(nightly);
                full.forEach(onlyNightly::remove);
                Set<String> onlyFull = new TreeSet<>(full);
                nightly.forEach(onlyFull::remove);
                throw new AssertionError(table + ": " + nightly.size() + " rows nightly, " + full.size() + " full;\n"
                        + "only nightly: " + onlyNightly.stream().limit(5).toList() + "\nonly full: "
                        + onlyFull.stream().limit(5).toList());
            }
        }
        // Not vacuous: the province has flags, timelines and silent procedures in periods carried over.
        assertTrue(rows("pub_case_flag", nightlyRun).size() > 1_000);
        assertTrue(rows("pub_case_timeline", nightlyRun).size() > 1_000);
        assertTrue(rows("pub_agency_flag", nightlyRun).size() > 0);
    }

    @Test
    void theNightlyRunRecomputesOnlyThePeriodsTheChangesTouch() {
        Set<String> touched = nightlyPlan.touched().stream().filter(p -> p.kind() == PeriodKind.MONTH)
                .map(p -> p.start().toString().substring(0, 7)).collect(Collectors.toCollection(TreeSet::new));
        String unsynced = changes.unsyncedReceived().toString().substring(0, 7);
        String apology = changes.apologyIssued().toString().substring(0, 7);
        assertTrue(touched.contains(unsynced), "the month the unsynced dossier was received: " + touched);
        for (LocalDate m = changes.apologyIssued().withDayOfMonth(1); !m.isAfter(TO); m = m.plusMonths(1)) {
            assertTrue(touched.contains(m.toString().substring(0, 7)), m + " is after the late-entered apology");
        }
        // Every period from the late-entered apology on, none before: the day's supplement answers, second
        // apologies and ratings count from their own moment, not from the request or apology before them, and
        // the August 2025 dossier handed over today (a new history step) from none.
        assertEquals(changes.apologyIssued(), nightlyPlan.reopenedFrom(), nightlyPlan.describe());
        long months = 16;
        assertTrue(touched.size() < months, "some months carried over: " + touched + " of " + months);
        assertTrue(nightlyPlan.touched().stream().anyMatch(p -> p.kind() == PeriodKind.RANGE));
        assertTrue(nightlyPlan.changedDossiers() > 3, nightlyPlan.describe());
        assertTrue(nightlyPlan.changedFeedback() > 0, nightlyPlan.describe());
        assertTrue(apology.compareTo(unsynced) > 0);
    }

    @Test
    void aMonthOnlyAVerdictAtReceptionChangedIsRecomputedForItsAgenciesOnly() {
        // September 2025 ends before the late-entered apology: only verdicts judged at reception changed in it (the
        // dossier synced only today among them), so only their agencies are recomputed (decision 78).
        Set<String> agencies = nightlyPlan.partial().get("month|" + UNSYNCED_MONTH + "-01");
        assertTrue(agencies != null && agencies.contains(changes.unsyncedAgency()), nightlyPlan.partial().toString());
        assertTrue(agencies.size() < changes.agenciesOfItsMonth().size(),
                agencies + " of " + changes.agenciesOfItsMonth());
        assertTrue(nightlyPlan.partial().keySet().stream().noneMatch(k -> k.startsWith("range|")));
        assertTrue(nightlyPlan.describe().contains("for the"), nightlyPlan.describe());
    }

    @Test
    void theCorrectedOfficerShowsInTheNightlyEvidence() throws SQLException {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pub_case_timeline WHERE run_id = ? "
                     + "AND officer = 'CB-CU'")) {
            ps.setString(1, nightlyRun);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "yesterday's officer of " + changes.correctedOfficerCase());
            }
        }
    }

    private static String currentRun() {
        try (Connection c = store.connection();
             ResultSet rs = c.createStatement().executeQuery("SELECT run_id FROM current_run")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of a table for one run, every column but the run id, as sorted text. */
    private static List<String> rows(String table, String runId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder s = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        if (!rs.getMetaData().getColumnName(i).equalsIgnoreCase("run_id")) {
                            s.append(rs.getString(i)).append('|');
                        }
                    }
                    out.add(s.toString());
                }
            }
        }
        out.sort(null);
        return out;
    }

    // ---- yesterday's province --------------------------------------------------------------------------------

    private static Changes yesterday(Path today, Path yesterday) throws IOException {
        Files.createDirectories(yesterday);
        for (String file : List.of("agency.csv", "procedure.csv", "agency_procedure.csv")) {
            Files.copy(today.resolve(file), yesterday.resolve(file));
        }
        Set<String> newCases = new java.util.HashSet<>();
        String[] unsynced = {null, null, null};
        Map<String, Set<String>> agenciesByMonth = new java.util.HashMap<>();
        rewrite(today, yesterday, "case.csv", r -> {
            if (r.get("received_at").startsWith(UNSYNCED_MONTH)) {
                agenciesByMonth.computeIfAbsent(UNSYNCED_MONTH, k -> new TreeSet<>()).add(r.get("agency_code"));
            }
            if (r.get("received_at").compareTo(CUT) >= 0) {
                newCases.add(r.get("case_id"));
                return null;
            }
            Map<String, String> m = before(r, "finished_at", "returned_at", "rejected_at", "synced_at", "updated_at");
            if (unsynced[0] == null && r.get("received_at").startsWith(UNSYNCED_MONTH) && !r.get("synced_at").isEmpty()
                    && r.get("synced_at").compareTo(CUT) < 0) {
                unsynced[0] = r.get("case_id");
                unsynced[1] = r.get("received_at");
                unsynced[2] = r.get("agency_code");
                m.put("synced_at", "");
            }
            return m;
        });
        String[] officer = {null};
        String[] handedOver = {null};
        Set<String> finished = new java.util.HashSet<>();
        rewrite(today, yesterday, "case_event.csv", r -> {
            if (newCases.contains(r.get("case_id")) || r.get("at").compareTo(CUT) >= 0) {
                return null;
            }
            if ("9".equals(r.get("status"))) {
                finished.add(r.get("case_id"));
            }
            // Handed over only today: a new step long after the dossier ended, which changes no period's values.
            if (handedOver[0] == null && "10".equals(r.get("status")) && r.get("at").startsWith(HANDOVER_MONTH)
                    && finished.contains(r.get("case_id"))) {
                handedOver[0] = r.get("case_id");
                return null;
            }
            Map<String, String> m = r.toMap();
            if (officer[0] == null && r.get("at").startsWith(OFFICER_MONTH) && "9".equals(r.get("status"))
                    && !r.get("officer").isEmpty()) {
                officer[0] = r.get("case_id");
                m.put("officer", "CB-CU");
            }
            return m;
        });
        rewrite(today, yesterday, "case_supplement.csv", r -> newCases.contains(r.get("case_id"))
                || r.get("requested_at").compareTo(CUT) >= 0 ? null : before(r, "received_at"));
        String[] apology = {null};
        rewrite(today, yesterday, "case_apology.csv", r -> {
            if (newCases.contains(r.get("case_id")) || r.get("issued_at").compareTo(CUT) >= 0) {
                return null;
            }
            if (apology[0] == null && r.get("issued_at").startsWith(APOLOGY_MONTH)) {
                apology[0] = r.get("issued_at");
                return null;
            }
            return r.toMap();
        });
        rewrite(today, yesterday, "case_rating.csv", r -> newCases.contains(r.get("case_id"))
                || r.get("rated_at").compareTo(CUT) >= 0 ? null : r.toMap());
        rewrite(today, yesterday, "feedback.csv", r -> r.get("submitted_at").compareTo(CUT) >= 0 ? null
                : before(r, "received_at", "rejected_at", "supplement_requested_at", "handled_at", "published_at"));
        assertTrue(unsynced[0] != null && apology[0] != null && officer[0] != null && handedOver[0] != null,
                "the generated data lack a pick");
        return new Changes(unsynced[0], LocalDate.parse(unsynced[1].substring(0, 10)), unsynced[2],
                agenciesByMonth.get(UNSYNCED_MONTH), LocalDate.parse(apology[0].substring(0, 10)), officer[0]);
    }

    /** The row with the given times blanked where they fall on or after the cut. */
    private static Map<String, String> before(CSVRecord r, String... times) {
        Map<String, String> m = r.toMap();
        for (String t : times) {
            if (m.get(t) != null && m.get(t).compareTo(CUT) >= 0) {
                m.put(t, "");
            }
        }
        return m;
    }

    /** Copies a CSV file row by row through {@code change} (null drops the row). */
    private static void rewrite(Path from, Path to, String file, Function<CSVRecord, Map<String, String>> change) {
        try (Reader in = Files.newBufferedReader(from.resolve(file), StandardCharsets.UTF_8);
             Writer out = Files.newBufferedWriter(to.resolve(file), StandardCharsets.UTF_8)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            List<String> header = parser.getHeaderNames();
            try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                    .setHeader(header.toArray(String[]::new)).get())) {
                for (CSVRecord r : parser) {
                    Map<String, String> m = change.apply(r);
                    if (m != null) {
                        List<String> values = new ArrayList<>();
                        header.forEach(h -> values.add(m.get(h)));
                        printer.printRecord(values);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
