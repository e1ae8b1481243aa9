package vn.onestop.jobs;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Read every configured source (and optionally a snapshot folder), compute and publish: one run of the chain. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read the configured sources (one-stop database, national portal feed, inbox) into the lake, "
                + "quarantining bad rows, then compute and publish.")
final class IngestCommand implements Callable<Integer> {
    @ParentCommand
    OneStopCli cli;

    @Option(names = "--input", paramLabel = "DIR",
            description = "Also read a folder of canonical CSV/XLSX files as a snapshot: it replaces the lake tables "
                    + "of the record types it holds.")
    Path input;

    @Option(names = "--no-compute", description = "Only fill the lake; do not compute or publish.")
    boolean noCompute;

    @Option(names = "--full", description = "Read the one-stop database from the start again (its watermarks are "
            + "cleared), e.g. after a damaged lake file was moved out.")
    boolean full;

    @Override
    public Integer call() throws Exception {
        try (Environment env = new Environment(cli.config())) {
            Pipeline pipeline = new Pipeline(env, TerminalProgress.standardError());
            if (noCompute) {
                var read = pipeline.ingestOnly(input, full);
                System.out.print(Pipeline.describe(read.ingest()));
                read.reconciliation().ifPresent(r -> System.out.print(Pipeline.describe(r)));
                System.out.println("Run " + read.runId() + " filled the lake; nothing was published.");
                return 0;
            }
            var outcome = full ? pipeline.fullRun(input) : pipeline.run("manual", input, true, null, null);
            System.out.print(Pipeline.describe(outcome.ingest()));
            outcome.reconciliation().ifPresent(r -> System.out.print(Pipeline.describe(r)));
            System.out.println("Published run " + outcome.runId() + " (" + outcome.computation().from() + " – "
                    + outcome.computation().to() + ").");
            return 0;
        }
    }
}
