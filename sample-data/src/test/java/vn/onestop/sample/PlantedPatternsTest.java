package vn.onestop.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The planted patterns, measured from the files at the default 10,000 dossiers, against normal agencies. */
class PlantedPatternsTest {
    private static Path dir;
    private static RulesFromFiles rules;
    private static Map<String, String> agencyOfPattern;
    private static Map<String, List<CsvTable.Row>> casesByAgency;
    private static List<CsvTable.Row> normalCases;

    @BeforeAll
    static void generate() {
        dir = Sample.defaults();
        rules = new RulesFromFiles(dir, GeneratorOptions.defaults());
        agencyOfPattern = Sample.table(dir, "ground_truth_agencies.csv").rows().stream()
                .collect(Collectors.toMap(r -> r.get("pattern"), r -> r.get("agency_code")));
        casesByAgency = rules.cases.groupBy("agency_code");
        normalCases = rules.cases.rows().stream()
                .filter(c -> !agencyOfPattern.containsValue(c.get("agency_code"))).toList();
    }

    private static List<CsvTable.Row> accepted(String pattern) {
        return casesByAgency.get(agencyOfPattern.get(pattern)).stream().filter(rules::accepted).toList();
    }

    @Test
    void fivePatternsArePlantedInDistinctAgenciesWithEnoughDossiers() {
        assertEquals(Set.of("R01_LATE_NO_APOLOGY", "R02_APOLOGY_TOO_LATE", "R06_RECORDED_AFTER_THE_FACT",
                "R10_CLOSING_BURST", "R12_SILENT_PROCEDURE"), agencyOfPattern.keySet());
        assertEquals(5, new HashSet<>(agencyOfPattern.values()).size());
        agencyOfPattern.forEach((pattern, code) -> assertTrue(casesByAgency.get(code).size() >= 300,
                pattern + " at " + code + " has " + casesByAgency.get(code).size() + " dossiers"));
        Map<String, CsvTable.Row> agencies = Sample.table(dir, "agency.csv").byKey("agency_code");
        assertEquals("department", agencies.get(agencyOfPattern.get("R01_LATE_NO_APOLOGY")).get("kind"));
        assertEquals("commune_ppc", agencies.get(agencyOfPattern.get("R06_RECORDED_AFTER_THE_FACT")).get("kind"));
        assertEquals("commune_ppc", agencies.get(agencyOfPattern.get("R12_SILENT_PROCEDURE")).get("kind"));
    }

    @Test
    void silentCommuneRecordsAFewDossiersInFourWholeMonthsAfterAYearOfOrdinaryOnes() {
        String commune = agencyOfPattern.get("R12_SILENT_PROCEDURE");
        List<YearMonth> spell = Sample.table(dir, "ground_truth_silent_months.csv").rows().stream()
                .peek(r -> assertEquals(commune, r.get("agency_code")))
                .map(r -> YearMonth.parse(r.get("month"))).sorted().toList();
        assertEquals(4, spell.size());
        assertEquals(spell.get(0).plusMonths(3), spell.get(3), "consecutive months");
        assertTrue(!spell.get(0).isBefore(YearMonth.of(2024, 1)), "a year of history first: " + spell);
        Map<YearMonth, Long> perMonth = accepted("R12_SILENT_PROCEDURE").stream()
                .collect(Collectors.groupingBy(c -> YearMonth.from(c.time("received_at")), Collectors.counting()));
        long[] history = new long[12];
        for (int i = 0; i < 12; i++) {
            history[i] = perMonth.getOrDefault(spell.get(0).minusMonths(12 - i), 0L);
        }
        Arrays.sort(history);
        double median = (history[5] + history[6]) / 2.0;
        long during = spell.stream().mapToLong(m -> perMonth.getOrDefault(m, 0L)).sum();
        assertTrue(median >= 10, "an ordinary month: " + median);
        assertTrue(during < 0.2 * median * spell.size(), during + " dossiers in the spell against a median of " + median);
    }

    @Test
    void lateWithoutApologyAgencyLeavesMostOfItsManyLateDossiersWithoutApology() {
        List<CsvTable.Row> late = accepted("R01_LATE_NO_APOLOGY").stream().filter(rules::late).toList();
        long withoutApology = late.stream().filter(c -> !rules.hasApology(c)).count();
        assertTrue(late.size() >= 40, "late dossiers: " + late.size());
        assertTrue(withoutApology >= 0.8 * late.size(), withoutApology + " of " + late.size() + " without apology");
    }

    @Test
    void normalAgenciesAreRarelyLateAndMostlyApologiseInTime() {
        List<CsvTable.Row> accepted = normalCases.stream().filter(rules::accepted).toList();
        List<CsvTable.Row> late = accepted.stream().filter(rules::late).toList();
        long timely = late.stream().filter(c -> rules.hasApology(c) && !rules.apologisedTooLate(c)).count();
        assertTrue(late.size() < 0.08 * accepted.size(), late.size() + " late of " + accepted.size());
        assertTrue(timely >= 0.75 * late.size(), timely + " timely apologies for " + late.size() + " late dossiers");
    }

    @Test
    void afterTheFactAgencyRecordsALargeShareOfDossiersDaysAfterReception() {
        List<CsvTable.Row> accepted = accepted("R06_RECORDED_AFTER_THE_FACT");
        long afterTheFact = accepted.stream().filter(rules::recordedAfterTheFact).count();
        long normalAfterTheFact = normalCases.stream().filter(rules::recordedAfterTheFact).count();
        assertTrue(afterTheFact >= 0.3 * accepted.size(), afterTheFact + " of " + accepted.size());
        assertTrue(normalAfterTheFact < 0.01 * normalCases.size(), normalAfterTheFact + " of " + normalCases.size());
    }

    @Test
    void apologyTooLateAgencyApologisesAfterTheOneWorkingDayDeadline() {
        List<CsvTable.Row> apologised = accepted("R02_APOLOGY_TOO_LATE").stream().filter(rules::hasApology).toList();
        long tooLate = apologised.stream().filter(rules::apologisedTooLate).count();
        List<CsvTable.Row> normalApologised = normalCases.stream().filter(rules::hasApology).toList();
        long normalTooLate = normalApologised.stream().filter(rules::apologisedTooLate).count();
        assertTrue(apologised.size() >= 20, "apologies: " + apologised.size());
        assertTrue(tooLate >= 0.7 * apologised.size(), tooLate + " of " + apologised.size() + " too late");
        assertTrue(normalTooLate <= 0.2 * normalApologised.size(), normalTooLate + " of " + normalApologised.size());
    }

    @Test
    void closingBurstAgencyFinishesMostOfSomeMonthsInOneMinuteByOneOfficer() {
        String burstAgency = agencyOfPattern.get("R10_CLOSING_BURST");
        Map<String, Integer> perOfficerMinute = closingsPerOfficerMinute();
        int burstMonths = 0;
        Map<YearMonth, List<CsvTable.Row>> resolvedByMonth = casesByAgency.get(burstAgency).stream()
                .filter(c -> c.has("finished_at")).collect(Collectors.groupingBy(c -> YearMonth.from(c.time("finished_at"))));
        for (Map.Entry<YearMonth, List<CsvTable.Row>> month : resolvedByMonth.entrySet()) {
            LocalDate last = lastWorkingDay(month.getKey());
            long onLastDay = month.getValue().stream().filter(c -> c.time("finished_at").toLocalDate().equals(last)).count();
            int maxInAMinute = perOfficerMinute.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(burstAgency + "|") && e.getKey().contains("|" + last))
                    .mapToInt(Map.Entry::getValue).max().orElse(0);
            if (onLastDay >= 0.4 * month.getValue().size() && maxInAMinute >= 20) {
                burstMonths++;
            }
        }
        assertTrue(burstMonths >= 3, "months with a closing burst: " + burstMonths);
        perOfficerMinute.forEach((key, n) -> assertTrue(key.startsWith(burstAgency + "|") || n < 20, key + ": " + n));
    }

    /** agency|officer|yyyy-MM-ddTHH:mm → dossiers finished (status 9 events). */
    private static Map<String, Integer> closingsPerOfficerMinute() {
        Map<String, CsvTable.Row> cases = rules.cases.byKey("case_id");
        Map<String, Integer> out = new HashMap<>();
        for (CsvTable.Row e : Sample.table(dir, "case_event.csv").rows()) {
            if (e.get("status").equals("9")) {
                String key = cases.get(e.get("case_id")).get("agency_code") + "|" + e.get("officer") + "|"
                        + e.get("at").substring(0, 16);
                out.merge(key, 1, Integer::sum);
            }
        }
        return out;
    }

    private static LocalDate lastWorkingDay(YearMonth month) {
        LocalDate d = month.atEndOfMonth();
        while (!rules.calendar.isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }
}
