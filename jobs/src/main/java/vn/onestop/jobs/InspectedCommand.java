package vn.onestop.jobs;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.onestop.inspection.history.InspectionHistory;
import vn.onestop.inspection.history.InspectionKind;

/** Records inspections done, one by hand or a CSV file of them: the draw excludes agencies inspected recently. */
@Command(name = "inspected", mixinStandardHelpOptions = true,
        description = "Record an inspection done (--agency --date --kind) or import a CSV of them "
                + "(--csv FILE with agency_code,inspected_on,kind,reference).")
final class InspectedCommand implements Callable<Integer> {
    @ParentCommand
    OneStopCli cli;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Import this file (all or nothing; known lines skipped).")
    Path csv;

    @Option(names = "--agency", paramLabel = "CODE", description = "The agency inspected.")
    String agency;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "When it was inspected.")
    LocalDate date;

    @Option(names = "--kind", defaultValue = "direct", description = "direct, indirect or surprise.")
    String kind;

    @Option(names = "--reference", description = "The decision or conclusion, e.g. \"Kết luận số 12/KL-VP\".")
    String reference;

    @Option(names = "--by", paramLabel = "NAME", description = "Who records it (default: the operating-system user).")
    String by;

    @Override
    public Integer call() {
        if ((csv == null) == (agency == null)) {
            throw new IllegalArgumentException("Give either --csv FILE or --agency CODE --date YYYY-MM-DD.");
        }
        try (InspectionSession session = new InspectionSession(cli.config())) {
            InspectionHistory history = session.inspection().history();
            if (csv != null) {
                InspectionHistory.Import result = history.importCsv(csv, InspectionSession.actor(by));
                System.out.println("Imported " + result.added() + " inspection(s) from " + csv + "; "
                        + result.alreadyKnown() + " already recorded.");
            } else {
                history.record(agency, date, InspectionKind.parse(kind), reference, InspectionSession.actor(by));
                System.out.println("Recorded the " + InspectionKind.parse(kind).code() + " inspection of " + agency
                        + " on " + date + ".");
            }
            return 0;
        }
    }
}
