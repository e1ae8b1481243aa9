package vn.onestop.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
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
        SilentSpell silence = SilentSpell.draw(planted.get(PlantedPattern.R12_SILENT_PROCEDURE), options, options.seed());
        if (silence == null) {
            planted.remove(PlantedPattern.R12_SILENT_PROCEDURE); // no year of history and a spell fit the window
        }
        AgencyBehaviour[] behaviours = AgencyBehaviour.draw(province, planted, options.seed());
        AgencyDraw draw = new AgencyDraw(province, planted, silence);
        DailyVolume volume = new DailyVolume(clock, options.from(), options.to(), options.cases());
        ClosingBurst bursts = closingBurst(options, clock, draw, planted.get(PlantedPattern.R10_CLOSING_BURST));
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir, e);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        ReferenceFiles.write(outDir, province, planted, silence, counts);
        try (DossierFiles files = new DossierFiles(outDir)) {
            DossierFactory factory = new DossierFactory(province, clock, draw, behaviours, bursts, options.dataEnd());
            new DossierStream(options, volume, factory, new ComplianceTruth(calendar, options),
                    new FeedbackFactory(clock, province, options.dataEnd()), behaviours).writeAll(files);
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
