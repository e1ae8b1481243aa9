package vn.onestop.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BadRowsTest {
    private static final GeneratorOptions OPTIONS = GeneratorOptions.defaults().withCases(4_000).withBadRows(27);
    private static Path dir;
    private static List<String> lines;
    private static CsvTable quarantine;

    @BeforeAll
    static void generate() throws IOException {
        dir = Sample.generate(OPTIONS);
        lines = Files.readAllLines(dir.resolve("case.csv"), StandardCharsets.UTF_8);
        quarantine = Sample.table(dir, "ground_truth_quarantine.csv");
    }

    private static Map<String, String> rowAt(int line) throws IOException {
        CSVRecord rec = CSVFormat.RFC4180.parse(new StringReader(lines.get(line - 1))).getRecords().get(0);
        String[] header = lines.get(0).split(",");
        Map<String, String> row = new java.util.HashMap<>();
        for (int i = 0; i < header.length; i++) {
            row.put(header[i], rec.get(i));
        }
        return row;
    }

    @Test
    void everyBadRowIsListedWithItsPhysicalLineAndSpreadThroughTheFile() {
        assertEquals(4_000 + 27 + 1, lines.size());
        assertEquals(27, quarantine.rows().size());
        int first = Integer.parseInt(quarantine.rows().get(0).get("line"));
        int last = Integer.parseInt(quarantine.rows().get(26).get("line"));
        assertTrue(first < 400 && last > 3_600, "spread from line " + first + " to " + last);
        Set<String> reasons = new HashSet<>();
        quarantine.rows().forEach(r -> reasons.add(r.get("expected_reason")));
        assertEquals(Set.of("MISSING_REQUIRED", "BAD_TIMESTAMP", "FINISHED_BEFORE_RECEIVED", "UNKNOWN_AGENCY",
                "BAD_CODE", "SUPERSEDED", "FUTURE_TIMESTAMP", "DUE_BEFORE_RECEIVED", "UNKNOWN_PROCEDURE"), reasons);
    }

    @Test
    void eachListedRowHasExactlyTheDefectItsReasonNames() throws IOException {
        Set<String> agencies = Sample.table(dir, "agency.csv").byKey("agency_code").keySet();
        Set<String> procedures = Sample.table(dir, "procedure.csv").byKey("procedure_code").keySet();
        for (CsvTable.Row q : quarantine.rows()) {
            Map<String, String> row = rowAt(Integer.parseInt(q.get("line")));
            String reason = q.get("expected_reason");
            switch (reason) {
                case "MISSING_REQUIRED" -> assertTrue(row.get("case_id").isEmpty() || row.get("agency_code").isEmpty()
                        || row.get("received_at").isEmpty(), row.toString());
                case "BAD_TIMESTAMP" -> assertFalse(parses(row.get("received_at")), row.get("received_at"));
                case "FINISHED_BEFORE_RECEIVED" -> assertTrue(LocalDateTime.parse(row.get("finished_at"))
                        .isBefore(LocalDateTime.parse(row.get("received_at"))));
                case "DUE_BEFORE_RECEIVED" -> assertTrue(LocalDateTime.parse(row.get("due_at"))
                        .isBefore(LocalDateTime.parse(row.get("received_at"))));
                case "UNKNOWN_AGENCY" -> assertFalse(agencies.contains(row.get("agency_code")));
                case "UNKNOWN_PROCEDURE" -> assertFalse(procedures.contains(row.get("procedure_code")));
                case "BAD_CODE" -> assertTrue(row.get("status").equals("42") || row.get("channel").equals("FAX")
                        || row.get("applicant_kind").equals("9"), row.toString());
                case "FUTURE_TIMESTAMP" -> assertTrue(row.get("received_at").startsWith("2096-"), row.get("received_at"));
                case "SUPERSEDED" -> assertOlderDuplicate(row);
                default -> throw new AssertionError(reason);
            }
        }
    }

    @Test
    void validRowsAreTheSameAsWithoutBadRows() throws IOException {
        Path clean = Sample.generate(OPTIONS.withBadRows(0));
        Set<Integer> bad = new HashSet<>();
        quarantine.rows().forEach(r -> bad.add(Integer.parseInt(r.get("line"))));
        List<String> kept = new ArrayList<>();
        for (int i = 1; i <= lines.size(); i++) {
            if (!bad.contains(i)) {
                kept.add(lines.get(i - 1));
            }
        }
        assertEquals(Files.readAllLines(clean.resolve("case.csv"), StandardCharsets.UTF_8), kept);
    }

    private static void assertOlderDuplicate(Map<String, String> older) throws IOException {
        int found = 0;
        for (int i = 2; i <= lines.size(); i++) {
            Map<String, String> row = rowAt(i);
            if (row.get("case_id").equals(older.get("case_id")) && !row.equals(older)) {
                assertTrue(LocalDateTime.parse(row.get("updated_at")).isAfter(LocalDateTime.parse(older.get("updated_at"))));
                found++;
            }
        }
        assertEquals(1, found, "the newer version of " + older.get("case_id"));
    }

    private static boolean parses(String value) {
        try {
            LocalDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
