package vn.onestop.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroundTruthTest {
    private static Path dir;
    private static RulesFromFiles rules;
    private static CsvTable truth;

    @BeforeAll
    static void generate() {
        dir = Sample.defaults();
        rules = new RulesFromFiles(dir, GeneratorOptions.defaults());
        truth = Sample.table(dir, "ground_truth_cases.csv");
    }

    private static Set<String> truthFor(String rule) {
        return truth.rows().stream().filter(r -> r.get("rule_id").equals(rule)).map(r -> r.get("case_id"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void lateWithoutApologyRecomputedFromTheFilesEqualsTheGroundTruth() {
        Set<String> expected = rules.r01();
        assertTrue(expected.size() > 100, "enough R01 dossiers to be a real check: " + expected.size());
        assertEquals(expected, truthFor("R01"));
    }

    @Test
    void apologyTooLateRecomputedFromTheFilesEqualsTheGroundTruth() {
        assertEquals(rules.r02(), truthFor("R02"));
    }

    @Test
    void recordedAfterTheFactRecomputedFromTheFilesEqualsTheGroundTruth() {
        assertEquals(rules.r06(), truthFor("R06"));
    }

    @Test
    void groundTruthCoversPendingOverdueAndMissingDueDates() {
        Map<String, CsvTable.Row> cases = rules.cases.byKey("case_id");
        long pendingOverdue = truthFor("R01").stream().filter(id -> !cases.get(id).has("finished_at")).count();
        long withoutDueAt = rules.cases.rows().stream().filter(c -> rules.accepted(c) && !c.has("due_at")).count();
        assertTrue(pendingOverdue > 0, "some R01 dossiers are still pending at the data end");
        assertTrue(withoutDueAt > 50 && withoutDueAt < 200, "about 1 % of accepted dossiers lack due_at: " + withoutDueAt);
    }

    @Test
    void plantedIsTrueExactlyForRowsOfTheAgencyPlantedWithThatRule() {
        Map<String, String> patternOf = Sample.table(dir, "ground_truth_agencies.csv").rows().stream()
                .collect(Collectors.toMap(r -> r.get("agency_code"), r -> r.get("pattern").substring(0, 3)));
        for (CsvTable.Row r : truth.rows()) {
            boolean expected = r.get("rule_id").equals(patternOf.get(r.get("agency_code")));
            assertEquals(String.valueOf(expected), r.get("planted"), r.values().toString());
        }
    }
}
