package vn.onestop.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The evidence pack of an agency as XLSX. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Write an agency's evidence pack (XLSX: Tổng hợp, Hồ sơ có dấu hiệu, Mẫu ngẫu nhiên).")
final class EvidenceCommand implements Callable<Integer> {
    @ParentCommand
    OneStopCli cli;

    @Option(names = "--agency", required = true, paramLabel = "CODE", description = "The agency's code.")
    String agency;

    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "Where to write it.")
    Path out;

    @Option(names = "--period", paramLabel = "PERIOD", description = "2024-Q1, 2024-03, 2024 (default: the run's latest "
            + "quarter).")
    String period;

    @Option(names = "--sample", paramLabel = "ID", description = "The sample to include (default: the agency's latest "
            + "of the period).")
    Long sample;

    @Override
    public Integer call() throws IOException {
        try (InspectionSession session = new InspectionSession(cli.config());
             OutputStream o = Files.newOutputStream(out)) {
            var e = session.inspection().evidence().writeEvidence(agency, period, sample, o);
            System.out.println("Wrote the evidence pack of " + e.agency().name() + " (" + e.period().label() + ", "
                    + e.flags().size() + " flags) to " + out);
            return 0;
        }
    }
}
