package vn.onestop.jobs;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Compute every indicator over the lake and publish the results. */
@Command(name = "compute", mixinStandardHelpOptions = true,
        description = "Compute indicators and rules over the lake and publish them to the store.")
final class ComputeCommand implements Callable<Integer> {
    @ParentCommand
    OneStopCli cli;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (default: the data's first month).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (default: the data's last day).")
    LocalDate to;

    @Option(names = "--full", description = "Recompute every period, even when only some changed since the "
            + "published run.")
    boolean full;

    @Override
    public Integer call() {
        try (Environment env = new Environment(cli.config())) {
            var outcome = new Pipeline(env, TerminalProgress.standardError()).run("manual", null, false, from, to, full);
            System.out.println("Published run " + outcome.runId() + " (" + outcome.computation().from() + " – "
                    + outcome.computation().to() + "; " + outcome.computation().plan().describe() + ").");
            return 0;
        }
    }
}
