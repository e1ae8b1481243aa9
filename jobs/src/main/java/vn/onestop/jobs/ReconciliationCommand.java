package vn.onestop.jobs;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.onestop.core.store.RunLog;
import vn.onestop.ingest.portal.ReconciliationExport;

/** Exports the published reconciliation of the province with the national portal as CSV (for Excel). */
@Command(name = "reconciliation", mixinStandardHelpOptions = true,
        description = "Export the dossiers missing on the national portal or differing from it (status, dates, "
                + "channel, payment), per agency, of the published run as CSV.")
final class ReconciliationCommand implements Callable<Integer> {
    @ParentCommand
    OneStopCli cli;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "CSV file to write.")
    Path out;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "A run id (default: the published run).")
    String runId;

    @Override
    public Integer call() {
        try (Environment env = new Environment(cli.config())) {
            String run = runId != null ? runId : RunLog.currentRunId(env.store()).orElseThrow(() ->
                    new IllegalArgumentException("No run is published yet: run 'ingest' first."));
            long rows = ReconciliationExport.write(env.store(), run, out);
            System.out.println("Wrote " + rows + " differences of run " + run + " to " + out);
            return 0;
        }
    }
}
