package vn.onestop.jobs;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.onestop.inspection.Inspection;
import vn.onestop.inspection.sample.Sample;
import vn.onestop.inspection.sample.SampledDossier;

/** A recorded random sample of an agency's dossiers, stratified by field, plus its flagged dossiers. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draw n of an agency's dossiers received in the period (stratified by field, seed recorded) and "
                + "list them with every dossier flagged in the period.")
final class SampleCommand implements Callable<Integer> {
    @ParentCommand
    OneStopCli cli;

    @Option(names = "--agency", required = true, paramLabel = "CODE", description = "The agency's code.")
    String agency;

    @Option(names = "--n", paramLabel = "N", description = "Dossiers to draw (default: inspection.sample_size).")
    Integer n;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: a fresh one, recorded).")
    Long seed;

    @Option(names = "--period", paramLabel = "PERIOD", description = "2024-Q1, 2024-03, 2024 (default: the run's latest "
            + "quarter).")
    String period;

    @Option(names = "--by", paramLabel = "NAME", description = "Who draws (default: the operating-system user).")
    String by;

    @Override
    public Integer call() {
        try (InspectionSession session = new InspectionSession(cli.config())) {
            Inspection i = session.inspection();
            Sample s = i.samples().take(agency, period, n != null ? n : i.defaults().sampleSize(), seed,
                    InspectionSession.actor(by));
            System.out.println("Sample " + s.id() + " of " + s.agencyCode() + " · " + s.period().label() + " · n = " + s.n()
                    + " · seed " + s.seed());
            s.strata().forEach(x -> System.out.println("  field " + (x.fieldCode().isEmpty() ? "(none)" : x.fieldCode())
                    + ": " + x.allocated() + " of " + x.population()));
            for (SampledDossier d : s.dossiers()) {
                System.out.printf("%4d  %-20s %-10s %s%n", d.seq(), d.caseId(), d.fieldCode() == null ? "" : d.fieldCode(),
                        (d.randomPick() ? "random" : "") + (d.flagged() ? (d.randomPick() ? ", " : "") + "flagged "
                                + d.flagRules() : ""));
            }
            return 0;
        }
    }
}
