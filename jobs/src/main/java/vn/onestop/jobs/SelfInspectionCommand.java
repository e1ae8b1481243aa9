package vn.onestop.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The self-inspection sheet (Phiếu tự kiểm tra) of an agency as XLSX. */
@Command(name = "self-inspection", mixinStandardHelpOptions = true,
        description = "Write an agency's self-inspection sheet (Phiếu tự kiểm tra), its indicators and flags pre-filled.")
final class SelfInspectionCommand implements Callable<Integer> {
    @ParentCommand
    OneStopCli cli;

    @Option(names = "--agency", required = true, paramLabel = "CODE", description = "The agency's code.")
    String agency;

    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "Where to write it.")
    Path out;

    @Option(names = "--period", paramLabel = "PERIOD", description = "2024-Q1, 2024-03, 2024 (default: the run's latest "
            + "quarter).")
    String period;

    @Override
    public Integer call() throws IOException {
        try (InspectionSession session = new InspectionSession(cli.config());
             OutputStream o = Files.newOutputStream(out)) {
            var e = session.inspection().evidence().writeSelfInspection(agency, period, o);
            System.out.println("Wrote the self-inspection sheet of " + e.agency().name() + " (" + e.period().label()
                    + ") to " + out);
            return 0;
        }
    }
}
