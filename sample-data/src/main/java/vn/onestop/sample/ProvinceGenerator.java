package vn.onestop.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import vn.onestop.core.calendar.WorkingCalendar;

/**
 * Generates one realistic province into a folder of canonical CSV files (spec/data-contract.md), with planted
 * violation patterns and their ground truth. Deterministic: the same options give byte-identical files. Streams
 * day by day, so memory stays flat whatever the number of dossiers.
 */
public final class ProvinceGenerator {
    private ProvinceGenerator() {
    }

    public static GenerationSummary generate(GeneratorOptions options, Path outDir) {
        WorkingCalendar calendar = WorkingCalendar.bundled();
        OfficeClock clock = new OfficeClock(calendar);
        Province province = Province.konTum(calendar);
        Map<PlantedPattern, Agency> planted = PlantedPattern.choose(province, options.seed());
        AgencyBehaviour[] behaviours = AgencyBehaviour.draw(province, planted, options.seed());
        AgencyDraw draw = new AgencyDraw(province, planted);
        DailyVolume volume = new DailyVolume(clock, options.from(), options.to(), options.cases());
        ClosingBurst bursts = closingBurst(options, clock, draw, planted.get(PlantedPattern.R10_CLOSING_BURST));
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir, e);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        ReferenceFiles.write(outDir, province, planted, counts);
        try (DossierFiles files = new DossierFiles(outDir)) {
            DossierFactory factory = new DossierFactory(province, clock, draw, behaviours, bursts, options.dataEnd());
            ComplianceTruth truth = new ComplianceTruth(calendar, options);
            FeedbackFactory feedback = new FeedbackFactory(clock, province, options.dataEnd());
            BadRows badRows = new BadRows(options.badRows(), options.cases(), Seeds.stream(options.seed(), Seeds.BAD_ROWS));
            int[] perAgencyToday = new int[province.agencies().size()];
            long written = 0;
            for (LocalDate day = options.from(); !day.isAfter(options.to()); day = day.plusDays(1)) {
                long n = volume.count(day);
                if (n == 0) {
                    continue;
                }
                SplittableRandom rng = Seeds.forDay(options.seed(), day.toEpochDay());
                List<Dossier> batch = new ArrayList<>((int) n);
                for (long i = 0; i < n; i++) {
                    batch.add(factory.create(day, rng));
                }
                batch.sort(Comparator.comparing(d -> d.submittedAt)); // stable: ties keep creation order
                Arrays.fill(perAgencyToday, 0);
                String yymmdd = day.toString().substring(2).replace("-", "");
                for (Dossier d : batch) {
                    d.caseId = d.agency.code() + "-" + yymmdd + "-" + String.format("%05d", ++perAgencyToday[d.agency.index()]);
                    List<String> row = files.write(d);
                    List<String> rules = truth.rulesBroken(d);
                    AgencyBehaviour b = behaviours[d.agency.index()];
                    for (String rule : rules) {
                        boolean isPlanted = b.pattern() != null && b.pattern().ruleId.equals(rule);
                        files.truth.row(rule, d.caseId, d.agency.code(), isPlanted);
                    }
                    feedback.maybeFor(d, truth.late(d), files.feedback, rng);
                    badRows.afterValid(d, row, ++written, files);
                }
            }
            badRows.finish(files);
            counts.putAll(files.rowCounts());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> plantedCodes = new LinkedHashMap<>();
        planted.forEach((p, a) -> plantedCodes.put(p.name(), a.code()));
        return new GenerationSummary(outDir, counts, plantedCodes);
    }

    /** Bursts sized so that one officer closes about 40 dossiers a minute, whatever the total volume. */
    private static ClosingBurst closingBurst(GeneratorOptions options, OfficeClock clock, AgencyDraw draw, Agency agency) {
        double months = Math.max(1, ChronoUnit.DAYS.between(options.from(), options.to()) / 30.44);
        double perMonth = options.cases() * draw.share(agency, false) / months;
        return new ClosingBurst(clock, options.from(), options.to(), perMonth * 1.2);
    }
}
