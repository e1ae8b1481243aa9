package vn.onestop.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.core.store.Store;

/**
 * The inspection commands end to end on the embedded store of a temporary data folder, over a published run of three
 * departments for the first quarter of 2024 (no Spark involved).
 */
class InspectionCommandsTest {
    @TempDir
    Path tmp;

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 2];
            all[0] = "--set";
            all[1] = "data.dir=" + tmp;
            System.arraycopy(args, 0, all, 2, args.length);
            int exit = OneStopCli.run(all);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private void publish() throws SQLException {
        try (Store store = Store.open(OneStopConfig.load(null, Map.of("data.dir", tmp.toString())));
             Connection c = store.connection()) {
            exec(c, "INSERT INTO run (run_id, trigger_kind, status, started_at, finished_at) VALUES ('run-1', 'manual', "
                    + "'succeeded', ?, ?)", LocalDateTime.of(2024, 4, 2, 2, 0), LocalDateTime.of(2024, 4, 2, 2, 7));
            exec(c, "INSERT INTO current_run (id, run_id, published_at) VALUES (1, 'run-1', ?)",
                    LocalDateTime.of(2024, 4, 2, 2, 8));
            exec(c, "INSERT INTO pub_period (run_id, period_kind, period_start, period_end, is_report, is_clipped) "
                    + "VALUES ('run-1', 'quarter', ?, ?, FALSE, FALSE)", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));
            String[][] agencies = {{"S1", "Sở Tư pháp", "72.40"}, {"S2", "Sở Y tế", "35.00"}, {"S3", "Sở Xây dựng", "10.00"}};
            for (String[] a : agencies) {
                exec(c, "INSERT INTO pub_agency (run_id, agency_code, name, kind, group_code) VALUES ('run-1', ?, ?, "
                        + "'department', 'GROUP_DEPARTMENT')", a[0], a[1]);
                exec(c, "INSERT INTO pub_risk (run_id, agency_code, period_kind, period_start, peer_group, dossiers, "
                        + "scored, score, peer_rank, peer_size, outliers, reasons_vi, reasons_en) VALUES ('run-1', ?, "
                        + "'quarter', ?, 'GROUP_DEPARTMENT', 100, TRUE, ?, 1, 3, 0, 'R01', 'R01')", a[0],
                        LocalDate.of(2024, 1, 1), new BigDecimal(a[2]));
            }
            exec(c, "INSERT INTO pub_case_flag (run_id, rule_id, case_id, period_kind, agency_code, procedure_code, "
                    + "received_at, due_at, period_start, applicant_masked, detail_vi) VALUES ('run-1', 'R01', 'HS-1', "
                    + "'quarter', 'S1', '1.001', ?, ?, ?, 'Nguyễn V. A.', 'Trễ hạn')", LocalDateTime.of(2024, 3, 1, 8, 0),
                    LocalDateTime.of(2024, 3, 8, 17, 0), LocalDate.of(2024, 1, 1));
            for (int i = 1; i <= 5; i++) {
                exec(c, "INSERT INTO pub_case_register (run_id, case_id, agency_code, procedure_code, field_code, "
                        + "received_at) VALUES ('run-1', ?, 'S1', '1.001', 'LLTP', ?)", "HS-" + i,
                        LocalDateTime.of(2024, 3, i, 8, 0));
            }
        }
    }

    /** A command that must succeed: its output and error in the message when it does not (CI keeps only those). */
    private static void assertOk(Result r) {
        assertEquals(0, r.exit(), () -> "exit " + r.exit() + "\nout: " + r.out() + "\nerr: " + r.err());
    }

    private static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    @Test
    void drawVerifyAndATamperedRecordFails() throws Exception {
        publish();
        Result draw = run("draw", "--period", "2024-Q1", "--quota", "department=2", "--random-share", "50",
                "--seed", "5", "--by", "kiem.tra");
        assertEquals(0, draw.exit(), draw.err());
        assertTrue(draw.out().startsWith("Draw 1 · run run-1 · Quý I/2024 · seed 5 · by kiem.tra at "), draw.out());
        assertEquals(2, draw.out().lines().filter(l -> l.matches("\\s+\\d\\. (risk|random) .*")).count(), draw.out());
        Matcher seal = Pattern.compile("Seal \\(SHA-256\\): ([0-9a-f]{64})").matcher(draw.out());
        assertTrue(seal.find(), draw.out());

        Result verify = run("verify", "--draw", "1");
        assertEquals(0, verify.exit(), verify.out() + verify.err());
        assertTrue(verify.out().contains("PASSED  seal"), verify.out());
        assertTrue(verify.out().endsWith("Draw 1 holds.\n"), verify.out());

        try (Store store = Store.open(OneStopConfig.load(null, Map.of("data.dir", tmp.toString())));
             Connection c = store.connection()) {
            exec(c, "UPDATE inspection_draw SET record_json = REPLACE(record_json, 'kiem.tra', 'kiem.trb')");
        }
        Result tampered = run("verify", "--draw", "1");
        assertEquals(1, tampered.exit());
        assertTrue(tampered.out().contains("FAILED  seal"), tampered.out());
        assertTrue(tampered.out().endsWith("Draw 1 does NOT hold.\n"), tampered.out());

        Result noReason = run("draw", "--quota", "department=1", "--override", "S1= ");
        assertEquals(2, noReason.exit());
        assertTrue(noReason.err().contains("Cannot override S1: it is not excluded")
                || noReason.err().contains("needs a reason"), noReason.err());
    }

    @Test
    void planSampleEvidenceSelfInspectionOutcomesAndHistory() throws Exception {
        publish();
        assertOk(run("plan", "add", "--year", "2024", "--agency", "S2", "--quarter", "2", "--start",
                "2024-05-06", "--by", "lanh.dao"));
        Result list = run("plan", "list", "--year", "2024");
        assertTrue(list.out().contains("Q2  direct    S2           Sở Y tế  start 2024-05-06, notice 2024-04-26"),
                list.out());
        Path plan = tmp.resolve("ke-hoach-2024.xlsx");
        assertOk(run("plan", "export", "--year", "2024", "--out", plan.toString()));
        try (ZipFile zip = new ZipFile(plan.toFile())) {
            assertTrue(zip.getEntry("xl/worksheets/sheet1.xml") != null);
        }

        Result sample = run("sample", "--agency", "S1", "--n", "2", "--seed", "3", "--period", "2024-Q1", "--by", "kt");
        assertEquals(0, sample.exit(), sample.err());
        assertTrue(sample.out().contains("field LLTP: 2 of 5"), sample.out());

        Path evidence = tmp.resolve("S1.xlsx");
        Result pack = run("evidence", "--agency", "S1", "--out", evidence.toString());
        assertEquals(0, pack.exit(), pack.err());
        assertTrue(pack.out().startsWith("Wrote the evidence pack of Sở Tư pháp (Quý I/2024, 1 flags)"), pack.out());
        Path self = tmp.resolve("S2-tu-kiem-tra.xlsx");
        assertOk(run("self-inspection", "--agency", "S2", "--out", self.toString()));
        assertTrue(Files.size(self) > 0);

        Result outcome = run("outcome", "record", "--case", "HS-1", "--rule", "R01", "--result", "confirmed",
                "--note", "Không có phiếu xin lỗi trong hồ sơ giấy", "--by", "kiem.tra");
        assertEquals(0, outcome.exit(), outcome.err());
        Result rates = run("outcome", "rates");
        assertEquals(0, rates.exit(), rates.out() + rates.err());
        assertTrue(rates.out().contains("R01            1             0       0   100.00 %"), rates.out());

        // The draw judges exclusions on the day it runs: history and plan relative to today.
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        Path csv = tmp.resolve("lich-su.csv");
        Files.writeString(csv, "agency_code,inspected_on,kind,reference\nS3," + today.minusMonths(2) + ",trực tiếp,KL 1\n");
        Result imported = run("inspected", "--csv", csv.toString(), "--by", "lanh.dao");
        assertEquals("Imported 1 inspection(s) from " + csv + "; 0 already recorded.\n", imported.out());
        assertOk(run("inspected", "--agency", "S1", "--date", today.minusMonths(1).toString(), "--kind",
                "surprise"));
        assertOk(run("plan", "add", "--year", String.valueOf(today.getYear()), "--agency", "S2", "--quarter", "4",
                "--kind", "indirect"));
        // S1 and S3 were inspected recently, S2 is in this year's plan: nothing is left to draw.
        Result draw = run("draw", "--quota", "department=1", "--seed", "1", "--by", "kt");
        assertTrue(draw.out().contains("shortfall: 1 place(s) of department left empty"), draw.out());
    }
}
