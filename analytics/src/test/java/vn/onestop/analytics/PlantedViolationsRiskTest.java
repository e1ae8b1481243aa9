package vn.onestop.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.analytics.ComputeJob.Computation;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.model.AgencyFlag;
import vn.onestop.analytics.model.Models;
import vn.onestop.analytics.model.RiskScoring.AgencyRisk;
import vn.onestop.analytics.model.SilentProcedures;
import vn.onestop.analytics.period.PeriodKind;
import vn.onestop.core.calendar.WorkingCalendar;
import vn.onestop.ingest.FolderIngest;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.SparkSessions;
import vn.onestop.sample.GeneratorOptions;
import vn.onestop.sample.ProvinceGenerator;

/**
 * Issue 5's acceptance property, over several seeds: on generated provinces, every planted agency is in the top decile
 * of risk in its peer group — rank ≤ ⌈10 % × the scored peers⌉ — and no agency without a planted violation is an
 * outlier on a planted rule (R01, R02, R06, R10, R12), over the run's range (decisions.md). The window is the 18 months
 * before the 2025 reorganisation, when every planted agency exists; R12 needs months busy enough at half the communes.
 * The answer comes from the generator's ground-truth files; one Spark session for every seed; no store.
 */
class PlantedViolationsRiskTest {
    private static final long[] SEEDS = {1, 2, 3};
    private static final long CASES = 20_000;
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 6, 30);
    private static final Map<String, String> RULE_OF_PATTERN = Map.of("R01_LATE_NO_APOLOGY", "R01.rate",
            "R02_APOLOGY_TOO_LATE", "R02.rate", "R06_RECORDED_AFTER_THE_FACT", "R06.rate",
            "R10_CLOSING_BURST", "R10.rate", "R12_SILENT_PROCEDURE", "R12.count");

    /** What one seed gave: the ground truth and the range's risk scores and R12 flags. */
    private record Province(long seed, Map<String, String> plantedPattern, Set<YearMonth> silentMonths,
                            List<AgencyRisk> risks, List<AgencyFlag> silentFlags) {
    }

    private static final List<Province> provinces = new ArrayList<>();

    @BeforeAll
    static void generateAndCompute(@TempDir Path tmp) throws IOException {
        SparkSession spark = SparkSessions.local();
        for (long seed : SEEDS) {
            Path sample = tmp.resolve("sample-" + seed);
            ProvinceGenerator.generate(new GeneratorOptions(seed, CASES, FROM, TO, 0), sample);
            Lake lake = new Lake(tmp.resolve("lake-" + seed).toString());
            new FolderIngest(spark, lake, TO.plusDays(1).atStartOfDay()).run(sample, tmp, "seed" + seed);
            Computation c = new ComputeJob(spark, lake, WorkingCalendar.bundled(), Catalogue.bundled(),
                    IndicatorSettings.defaults()).compute(FROM, TO, EnumSet.of(PeriodKind.MONTH, PeriodKind.RANGE));
            List<AgencyFlag> flags = new ArrayList<>();
            SilentProcedures.stream(spark, f -> {
                if (f.periodKind().equals("month")) {
                    flags.add(f);
                }
            });
            Models.release();
            Map<String, String> planted = new LinkedHashMap<>();
            csv(sample, "ground_truth_agencies.csv").forEach(r -> planted.put(r.get("agency_code"), r.get("pattern")));
            Set<YearMonth> silent = csv(sample, "ground_truth_silent_months.csv").stream()
                    .map(r -> YearMonth.parse(r.get("month"))).collect(Collectors.toCollection(TreeSet::new));
            provinces.add(new Province(seed, planted, silent,
                    c.risks().stream().filter(r -> r.periodKind().equals("range")).toList(), flags));
        }
    }

    private static List<CSVRecord> csv(Path dir, String file) throws IOException {
        try (Reader r = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void everyPatternIsPlantedInEveryProvince() {
        for (Province p : provinces) {
            assertEquals(RULE_OF_PATTERN.keySet(), Set.copyOf(p.plantedPattern().values()), "seed " + p.seed());
        }
    }

    @Test
    void everyPlantedAgencyIsInTheTopDecileOfRiskInItsPeerGroup() {
        for (Province p : provinces) {
            for (String agency : p.plantedPattern().keySet()) {
                AgencyRisk r = p.risks().stream().filter(x -> x.agencyCode().equals(agency)).findFirst().orElseThrow();
                int topDecile = (int) Math.ceil(0.1 * r.peerSize());
                assertTrue(r.scored() && r.peerRank() <= topDecile, "seed " + p.seed() + ": " + agency + " ("
                        + p.plantedPattern().get(agency) + ") ranks " + r.peerRank() + " of " + r.peerSize()
                        + ", top decile " + topDecile + "; " + r.reasonsEn());
            }
        }
    }

    @Test
    void noAgencyWithoutAPlantedViolationIsAnOutlierOnAPlantedRule() {
        for (Province p : provinces) {
            for (AgencyRisk r : p.risks()) {
                if (p.plantedPattern().containsKey(r.agencyCode())) {
                    continue;
                }
                List<String> outliers = r.inputs().stream()
                        .filter(i -> i.outlier() && RULE_OF_PATTERN.containsValue(i.id()))
                        .map(i -> i.id() + " " + i.observed().events() + "/" + i.observed().of()).toList();
                assertEquals(List.of(), outliers, "seed " + p.seed() + ": " + r.agencyCode());
            }
        }
    }

    @Test
    void eachPlantedAgencyIsAnOutlierOnItsOwnRule() {
        for (Province p : provinces) {
            p.plantedPattern().forEach((agency, pattern) -> {
                AgencyRisk r = p.risks().stream().filter(x -> x.agencyCode().equals(agency)).findFirst().orElseThrow();
                assertTrue(r.inputs().stream().anyMatch(i -> i.outlier() && i.id().equals(RULE_OF_PATTERN.get(pattern))),
                        "seed " + p.seed() + ": " + agency + " " + pattern);
            });
        }
    }

    @Test
    void theSilentCommuneIsFlaggedInEverySilentMonthAndNothingElseIs() {
        for (Province p : provinces) {
            String commune = p.plantedPattern().entrySet().stream()
                    .filter(e -> e.getValue().equals("R12_SILENT_PROCEDURE")).findFirst().orElseThrow().getKey();
            Set<String> flaggedMonths = p.silentFlags().stream()
                    .map(f -> f.agencyCode() + " " + YearMonth.from(f.monthStart()))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = p.silentMonths().stream().map(m -> commune + " " + m)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, flaggedMonths, "seed " + p.seed());
        }
    }
}
