package vn.onestop.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
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
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.core.calendar.WorkingCalendar;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.Store;
import vn.onestop.ingest.FolderIngest;
import vn.onestop.ingest.IngestReport;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.SparkSessions;
import vn.onestop.sample.GeneratorOptions;
import vn.onestop.sample.ProvinceGenerator;

/**
 * From the generator through Spark to the store: every planted (and background) R01/R02 dossier of the ground
 * truth is flagged, nothing else is, and the planted agencies lead their rule's ranking.
 */
class GeneratedProvinceEndToEndTest {
    private static final LocalDate FROM = LocalDate.of(2023, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 10, 31);

    @TempDir
    static Path tmp;

    private static Store store;
    private static IngestReport report;
    private static String runId;
    private static Path sample;

    @BeforeAll
    static void generateIngestComputePublish() {
        sample = tmp.resolve("sample");
        ProvinceGenerator.generate(new GeneratorOptions(766, 10_000, FROM, TO, 20), sample);
        SparkSession spark = SparkSessions.local();
        Lake lake = new Lake(tmp.resolve("lake").toString());
        report = new FolderIngest(spark, lake, LocalDateTime.of(2026, 11, 1, 0, 0)).run(sample, tmp, "e2e");
        store = Store.open("jdbc:h2:file:" + tmp.resolve("store") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH", "onestop", "", 4);
        ComputeJob job = new ComputeJob(spark, lake, WorkingCalendar.bundled(), Catalogue.bundled(),
                IndicatorSettings.defaults());
        runId = RunLog.newRunId();
        RunLog.start(store, runId, "test");
        job.publish(store, runId, job.compute(FROM, TO), report);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static List<CSVRecord> csv(String file) throws IOException {
        try (Reader r = Files.newBufferedReader(sample.resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static Set<String> groundTruth(String rule) throws IOException {
        return csv("ground_truth_cases.csv").stream().filter(r -> r.get("rule_id").equals(rule))
                .map(r -> r.get("case_id")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> flagged(String rule) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT case_id FROM pub_case_flag "
                     + "WHERE run_id = ? AND rule_id = ? AND period_kind = 'range'")) {
            ps.setString(1, runId);
            ps.setString(2, rule);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @Test
    void everyInputRowIsAccountedFor() throws IOException {
        assertTrue(report.balances());
        Set<String> expected = csv("ground_truth_quarantine.csv").stream()
                .filter(r -> !r.get("expected_reason").equals("SUPERSEDED"))
                .map(r -> r.get("file") + ":" + r.get("line") + " " + r.get("expected_reason"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> seen = report.quarantined().stream().filter(q -> q.recordType().equals("case"))
                .map(q -> q.location() + " " + q.reason()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, seen);
    }

    @Test
    void r01FlagsExactlyTheLateDossiersWithoutApologyOfTheGroundTruth() throws Exception {
        Set<String> truth = groundTruth("R01");
        assertTrue(truth.size() > 50, "the generator plants enough R01 dossiers: " + truth.size());
        assertEquals(truth, flagged("R01"));
    }

    @Test
    void r02FlagsExactlyTheLateApologiesOfTheGroundTruth() throws Exception {
        Set<String> truth = groundTruth("R02");
        assertTrue(truth.size() > 20, "the generator plants enough R02 dossiers: " + truth.size());
        assertEquals(truth, flagged("R02"));
    }

    /** Agencies ordered by a rule's rate over the whole range, among those with at least 10 in the denominator. */
    private static List<String> ranking(String indicator) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT scope_code FROM pub_value WHERE run_id = ? "
                     + "AND scope_kind = 'agency' AND period_kind = 'range' AND indicator_id = ? "
                     + "AND denominator >= 10 ORDER BY value_pct DESC, scope_code")) {
            ps.setString(1, runId);
            ps.setString(2, indicator);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static long count(String sql, Object... params) throws SQLException {
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theRunPublishesItsPeriodsGroupsRulesEvidenceAndBreakdowns() throws Exception {
        assertEquals(12, count("SELECT count(*) FROM pub_rule WHERE run_id = ?", runId), "R01–R12");
        // What one flag is (decision 92): R12's are procedure-months, every other rule's dossiers.
        assertEquals(1, count("SELECT count(*) FROM pub_rule WHERE run_id = ? AND flags = 'procedure_months' "
                + "AND rule_id = 'R12'", runId));
        assertEquals(11, count("SELECT count(*) FROM pub_rule WHERE run_id = ? AND flags = 'dossiers'", runId));
        assertTrue(count("SELECT count(*) FROM pub_group WHERE run_id = ?", runId) >= 5);
        assertEquals(46, count("SELECT count(*) FROM pub_period WHERE run_id = ? AND period_kind = 'month'", runId));
        assertEquals(0, count("SELECT count(*) FROM pub_case_flag WHERE run_id = ? AND detail_vi IS NULL", runId));
        // A rule rate's numerator counts exactly the agency's flagged dossiers of the period, in every period: the
        // dashboard's agency page shows it as the count of the flag list (decision 71).
        String flagCounts = "(SELECT agency_code, period_kind, period_start, rule_id, count(*) AS n FROM pub_case_flag "
                + "WHERE run_id = ? GROUP BY agency_code, period_kind, period_start, rule_id) f";
        String rates = "pub_value v ON v.run_id = ? AND v.scope_code = f.agency_code AND v.period_kind = f.period_kind "
                + "AND v.period_start = f.period_start AND v.indicator_id = f.rule_id || '.rate'";
        assertEquals(0, count("SELECT count(*) FROM " + flagCounts + " LEFT JOIN " + rates
                + " WHERE v.numerator IS NULL OR v.numerator <> f.n", runId, runId), "flags without their count");
        assertEquals(0, count("SELECT count(*) FROM pub_value v WHERE v.run_id = ? AND v.scope_kind = 'agency' "
                + "AND v.indicator_id LIKE 'R%.rate' AND v.indicator_id <> 'R12.rate' AND v.numerator > 0 "
                + "AND NOT EXISTS (SELECT 1 FROM pub_case_flag f WHERE f.run_id = v.run_id "
                + "AND f.agency_code = v.scope_code AND f.period_kind = v.period_kind "
                + "AND f.period_start = v.period_start AND f.rule_id || '.rate' = v.indicator_id)", runId),
                "counts without their flags");
        assertTrue(count("SELECT count(*) FROM pub_case_flag WHERE run_id = ?", runId) > 100);
        String flaggedCase = groundTruth("R01").iterator().next();
        assertEquals(1, count("SELECT count(*) FROM pub_case_timeline WHERE run_id = ? AND case_id = ? "
                + "AND event_kind = 'received'", runId, flaggedCase), "a flagged dossier's evidence shows its reception");
        assertEquals(0, count("SELECT count(*) FROM pub_case_timeline a JOIN pub_case_timeline b ON a.run_id = b.run_id "
                + "AND a.case_id = b.case_id AND b.seq = a.seq + 1 WHERE a.run_id = ? AND b.at < a.at", runId),
                "timelines are in time order");
        assertEquals(1, count("SELECT count(*) FROM pub_case_timeline WHERE run_id = ? AND case_id = ? "
                + "AND event_kind = 'due'", runId, flaggedCase));
        assertTrue(count("SELECT count(*) FROM pub_value_dim WHERE run_id = ? AND dimension = 'field' "
                + "AND scope_kind = 'province' AND period_kind = 'range' AND indicator_id = '766.2.1'", runId) >= 10);
        // Every dossier of the range is in exactly one field: the fields' denominators add up to the province's.
        assertEquals(count("SELECT denominator FROM pub_value WHERE run_id = ? AND scope_code = 'TINH' "
                        + "AND period_kind = 'range' AND indicator_id = '766.2.1'", runId),
                count("SELECT sum(denominator) FROM pub_value_dim WHERE run_id = ? AND dimension = 'field' "
                        + "AND scope_kind = 'province' AND period_kind = 'range' AND indicator_id = '766.2.1'", runId));
    }

    /**
     * The planted agencies stand out among their peers on the rule they were planted with. Not R12 here: at 10,000
     * dossiers over four years no month has dossiers of a procedure at half the communes, so nothing can be silent
     * ({@code PlantedViolationsRiskTest} checks R12 and the top decile of the overall risk on busier provinces).
     */
    @Test
    void plantedAgenciesAreOutliersAmongTheirPeersOnTheirRule() throws Exception {
        Map<String, String> rule = Map.of("R01_LATE_NO_APOLOGY", "R01.rate", "R02_APOLOGY_TOO_LATE", "R02.rate",
                "R06_RECORDED_AFTER_THE_FACT", "R06.rate", "R10_CLOSING_BURST", "R10.rate");
        for (CSVRecord planted : csv("ground_truth_agencies.csv")) {
            if (planted.get("pattern").equals("R12_SILENT_PROCEDURE")) {
                continue;
            }
            assertEquals(1, count("SELECT count(*) FROM pub_risk_input WHERE run_id = ? AND period_kind = 'range' "
                    + "AND agency_code = ? AND input_id = ? AND outlier", runId, planted.get("agency_code"),
                    rule.get(planted.get("pattern"))), planted.get("pattern") + " " + planted.get("agency_code"));
        }
    }

    @Test
    void plantedAgenciesLeadTheirRulesRanking() throws Exception {
        Map<String, String> planted = csv("ground_truth_agencies.csv").stream()
                .collect(Collectors.toMap(r -> r.get("pattern"), r -> r.get("agency_code")));
        assertEquals(planted.get("R01_LATE_NO_APOLOGY"), ranking("R01.rate").get(0));
        assertEquals(planted.get("R02_APOLOGY_TOO_LATE"), ranking("R02.rate").get(0));
    }

    /** The register samples are drawn from holds every dossier received in the range, once, as form 06a counts them. */
    @Test
    void theRunPublishesTheRegisterOfDossiersReceived() throws Exception {
        long received = count("SELECT sum(numerator) FROM pub_value WHERE run_id = ? AND scope_code = 'TINH' "
                + "AND period_kind = 'range' AND indicator_id IN ('06a.4', '06a.5')", runId);
        assertTrue(received > 9_000, "the province received " + received);
        assertEquals(received, count("SELECT count(*) FROM pub_case_register WHERE run_id = ?", runId));
        assertEquals(0, count("SELECT count(*) FROM pub_case_register WHERE run_id = ? AND (received_at < ? "
                + "OR received_at >= ?)", runId, FROM.atStartOfDay(), TO.plusDays(1).atStartOfDay()));
    }
}
