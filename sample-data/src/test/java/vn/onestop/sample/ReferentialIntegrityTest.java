package vn.onestop.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReferentialIntegrityTest {
    private static final LocalDate MERGER = LocalDate.of(2025, 7, 1);
    private static final LocalDateTime DATA_END = LocalDateTime.of(2026, 10, 31, 23, 59, 59);
    private static Path dir;
    private static CsvTable cases;
    private static Map<String, CsvTable.Row> agencies;

    @BeforeAll
    static void generate() {
        dir = Sample.defaults();
        cases = Sample.table(dir, "case.csv");
        agencies = Sample.table(dir, "agency.csv").byKey("agency_code");
    }

    @Test
    void everyDossierGoesToAnAgencyValidOnItsReceptionDay() {
        for (CsvTable.Row c : cases.rows()) {
            CsvTable.Row a = agencies.get(c.get("agency_code"));
            assertNotNull(a, c.get("case_id"));
            LocalDateTime when = c.time("received_at") != null ? c.time("received_at")
                    : c.time("rejected_at") != null ? c.time("rejected_at") : c.time("submitted_at");
            LocalDate day = when.toLocalDate();
            assertTrue((!a.has("valid_from") || !day.isBefore(LocalDate.parse(a.get("valid_from"))))
                    && (!a.has("valid_to") || !day.isAfter(LocalDate.parse(a.get("valid_to")))), c.values().toString());
            if (c.has("receiving_agency_code")) {
                assertTrue(agencies.containsKey(c.get("receiving_agency_code")), c.get("case_id"));
            }
        }
    }

    @Test
    void fromJuly2025CommuneDossiersGoToTheMergedCommunes() {
        long afterMerger = cases.rows().stream().filter(c -> c.has("received_at"))
                .filter(c -> !c.time("received_at").toLocalDate().isBefore(MERGER))
                .filter(c -> agencies.get(c.get("agency_code")).get("kind").equals("commune_ppc")).count();
        assertTrue(afterMerger > 500, "merged communes receive dossiers: " + afterMerger);
        for (CsvTable.Row a : agencies.values()) {
            if (a.get("kind").equals("district_ppc") || (a.get("kind").equals("commune_ppc") && !a.has("valid_from"))) {
                assertEquals("2025-06-30", a.get("valid_to"), a.get("agency_code"));
            }
            if (a.get("kind").equals("commune_ppc") && a.has("valid_to")) {
                CsvTable.Row successor = agencies.get(a.get("successor_code"));
                assertEquals("2025-07-01", successor.get("valid_from"), a.get("agency_code"));
                assertEquals("H37", successor.get("parent_code"));
            }
        }
    }

    @Test
    void everyProcedureExistsAndIsHandledByTheDossiersAgency() {
        Set<String> handled = new HashSet<>();
        for (CsvTable.Row r : Sample.table(dir, "agency_procedure.csv").rows()) {
            handled.add(r.get("agency_code") + "|" + r.get("procedure_code"));
        }
        Map<String, CsvTable.Row> procedures = Sample.table(dir, "procedure.csv").byKey("procedure_code");
        assertTrue(procedures.size() >= 60, "procedures: " + procedures.size());
        for (String code : procedures.keySet()) {
            assertTrue(code.matches("[12]\\.\\d{6}"), code);
        }
        for (CsvTable.Row c : cases.rows()) {
            assertTrue(procedures.containsKey(c.get("procedure_code")), c.get("case_id"));
            assertTrue(handled.contains(c.get("agency_code") + "|" + c.get("procedure_code")), c.get("case_id"));
        }
    }

    @Test
    void codesAndIdsAreUnique() {
        assertEquals(cases.rows().size(), cases.byKey("case_id").size());
        assertEquals(Sample.table(dir, "agency.csv").rows().size(), agencies.size());
        assertEquals(Sample.table(dir, "procedure.csv").rows().size(),
                Sample.table(dir, "procedure.csv").byKey("procedure_code").size());
        CsvTable feedback = Sample.table(dir, "feedback.csv");
        assertEquals(feedback.rows().size(), feedback.byKey("feedback_id").size());
    }

    @Test
    void finishedAndDueAreNeverBeforeReception() {
        for (CsvTable.Row c : cases.rows()) {
            LocalDateTime received = c.time("received_at");
            if (received == null) {
                continue;
            }
            for (String col : List.of("due_at", "finished_at", "returned_at")) {
                LocalDateTime t = c.time(col);
                assertTrue(t == null || !t.isBefore(received), col + " of " + c.get("case_id"));
            }
            assertTrue(c.time("finished_at") == null || c.time("returned_at") == null
                    || !c.time("returned_at").isBefore(c.time("finished_at")), c.get("case_id"));
        }
    }

    @Test
    void noRecordedFactInAnyFileLiesAfterTheDataEnd() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                CsvTable t = CsvTable.read(f);
                for (CsvTable.Row r : t.rows()) {
                    for (String col : t.header()) {
                        if (col.endsWith("due_at")) {
                            continue; // a promised date, not a fact: pending dossiers are due after the data end
                        }
                        String v = r.get(col);
                        if (v.length() == 19 && v.charAt(10) == 'T') {
                            assertFalse(LocalDateTime.parse(v).isAfter(DATA_END), f.getFileName() + " " + col + " " + v);
                        }
                    }
                }
            }
        }
    }

    @Test
    void statusesAgreeWithTimestamps() {
        for (CsvTable.Row c : cases.rows()) {
            int status = Integer.parseInt(c.get("status"));
            String id = c.get("case_id");
            boolean received = c.has("received_at");
            boolean finished = c.has("finished_at");
            switch (status) {
                case 1 -> assertTrue(!received && !c.has("rejected_at"), id);
                case 3 -> assertTrue(!received && c.has("rejected_at") && !finished, id);
                case 2, 4, 5, 6 -> assertTrue(received && !finished && !c.has("returned_at"), id);
                case 7, 8, 9 -> assertTrue(received && finished && !c.has("returned_at"), id);
                case 10 -> assertTrue(received && finished && c.has("returned_at"), id);
                default -> throw new AssertionError("status " + status + " of " + id);
            }
        }
    }

    @Test
    void historyIsOrderedEndsInTheDossiersStatusAndNamesNoOfficer() {
        Map<String, List<CsvTable.Row>> events = Sample.table(dir, "case_event.csv").groupBy("case_id");
        Map<String, List<CsvTable.Row>> supplements = Sample.table(dir, "case_supplement.csv").groupBy("case_id");
        for (CsvTable.Row c : cases.rows()) {
            List<CsvTable.Row> ev = events.get(c.get("case_id"));
            assertNotNull(ev, c.get("case_id"));
            for (int i = 0; i < ev.size(); i++) {
                assertEquals(String.valueOf(i + 1), ev.get(i).get("seq"));
                assertTrue(i == 0 || ev.get(i).time("at").isAfter(ev.get(i - 1).time("at")), c.get("case_id"));
                String officer = ev.get(i).get("officer");
                assertTrue(officer.isEmpty() || officer.matches("CB\\d{5}"), officer);
            }
            assertEquals(c.get("status"), ev.get(ev.size() - 1).get("status"), c.get("case_id"));
            if (c.get("status").equals("5")) {
                assertTrue(supplements.get(c.get("case_id")).stream().anyMatch(s -> !s.has("received_at")), c.get("case_id"));
            }
        }
    }

    @Test
    void feesOnlyForFeeBearingProceduresAndPaidOnlineOnlyWhenThereIsAFee() {
        Map<String, CsvTable.Row> procedures = Sample.table(dir, "procedure.csv").byKey("procedure_code");
        for (CsvTable.Row c : cases.rows()) {
            boolean hasFee = procedures.get(c.get("procedure_code")).get("has_fee").equals("true");
            assertTrue(!c.has("fee_amount") || hasFee, c.get("case_id"));
            assertTrue(List.of("0", "1", "2").contains(c.get("paid_online")), c.get("case_id"));
            assertTrue(c.get("paid_online").equals("0") || Long.parseLong(c.get("fee_amount")) > 0, c.get("case_id"));
        }
        assertTrue(cases.rows().stream().anyMatch(c -> c.get("paid_online").equals("1")));
    }

    @Test
    void applicantsLookVietnamese() {
        for (CsvTable.Row c : cases.rows()) {
            assertTrue(c.get("applicant_phone").matches("09\\d{8}"), c.get("applicant_phone"));
            if (c.get("applicant_kind").equals("1")) {
                assertTrue(c.get("applicant_id").matches("\\d{12}"), c.get("applicant_id"));
            }
        }
        assertTrue(cases.rows().stream().anyMatch(c -> c.get("applicant_name").startsWith("Nguyễn ")));
        assertTrue(cases.rows().stream().anyMatch(c -> c.get("applicant_name").matches("(A|Y) \\S+")),
                "ethnic-minority names such as 'A Blong' or 'Y Hyêm'");
    }

    @Test
    void channelsAreMostlyOnlineThenDirectThenPostal() {
        Map<String, List<CsvTable.Row>> byChannel = cases.groupBy("channel");
        double n = cases.rows().size();
        double online = byChannel.get("ONLINE").size() / n;
        double postal = byChannel.get("POSTAL").size() / n;
        assertTrue(online > 0.45 && online < 0.65, "online share " + online);
        assertTrue(postal > 0.02 && postal < 0.08, "postal share " + postal);
        assertEquals(3, byChannel.size());
    }
}
