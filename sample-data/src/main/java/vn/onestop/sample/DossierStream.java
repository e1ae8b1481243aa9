package vn.onestop.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the dossiers day by day: a day's dossiers are created, ordered by submission, given their ids
 * ({@code <agency>-<yyMMdd>-<n>}) and written with their ground truth, feedback and any bad rows whose turn has
 * come. Only one day is ever held in memory.
 */
final class DossierStream {
    private final GeneratorOptions options;
    private final DailyVolume volume;
    private final DossierFactory factory;
    private final ComplianceTruth truth;
    private final FeedbackFactory feedback;
    private final BadRows badRows;
    private final AgencyBehaviour[] behaviours;
    private final int[] perAgencyToday;
    private long written;

    DossierStream(GeneratorOptions options, DailyVolume volume, DossierFactory factory, ComplianceTruth truth,
                  FeedbackFactory feedback, AgencyBehaviour[] behaviours) {
        this.options = options;
        this.volume = volume;
        this.factory = factory;
        this.truth = truth;
        this.feedback = feedback;
        this.behaviours = behaviours;
        this.badRows = new BadRows(options.badRows(), options.cases(), Seeds.stream(options.seed(), Seeds.BAD_ROWS));
        this.perAgencyToday = new int[behaviours.length];
    }

    void writeAll(DossierFiles files) {
        for (LocalDate day = options.from(); !day.isAfter(options.to()); day = day.plusDays(1)) {
            writeDay(day, files);
        }
        badRows.finish(files);
    }

    private void writeDay(LocalDate day, DossierFiles files) {
        long n = volume.count(day);
        if (n == 0) {
            return;
        }
        SplittableRandom rng = Seeds.forDay(options.seed(), day.toEpochDay());
        List<Dossier> batch = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            batch.add(factory.create(day, rng));
        }
        batch.sort(Comparator.comparing(d -> d.submittedAt)); // stable: ties keep their creation order
        Arrays.fill(perAgencyToday, 0);
        String yymmdd = day.toString().substring(2).replace("-", "");
        for (Dossier d : batch) {
            d.caseId = d.agency.code() + "-" + yymmdd + "-" + String.format("%05d", ++perAgencyToday[d.agency.index()]);
            List<String> row = files.write(d);
            PlantedPattern pattern = behaviours[d.agency.index()].pattern();
            for (String rule : truth.rulesBroken(d)) {
                files.truth.row(rule, d.caseId, d.agency.code(), pattern != null && pattern.ruleId.equals(rule));
            }
            feedback.maybeFor(d, truth.late(d), files.feedback, rng);
            badRows.afterValid(d, row, ++written, files);
        }
    }
}
