package vn.onestop.jobs;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Ingest a folder of canonical CSV files, compute and publish: one run of the chain. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read a folder of canonical CSV files into the lake (quarantining bad rows), then compute and publish.")
final class IngestCommand implements Callable<Integer> {
    @ParentCommand
    OneStopCli cli;

    @Option(names = "--input", paramLabel = "DIR", description = "Folder of CSV files (default: inbox.dir).")
    Path input;

    @Option(names = "--no-compute", description = "Only fill the lake; do not compute or publish.")
    boolean noCompute;

    @Override
    public Integer call() {
        try (Environment env = new Environment(cli.config())) {
            Path dir = input != null ? input : env.config().inboxDir();
            if (noCompute) {
                var report = new vn.onestop.ingest.FolderIngest(env.spark(), env.lake(),
                        java.time.LocalDateTime.now(vn.onestop.core.store.RunLog.ZONE))
                        .run(dir, env.config().dataDir().resolve("work"), vn.onestop.core.store.RunLog.newRunId());
                System.out.print(Pipeline.describe(report));
                return 0;
            }
            var outcome = new Pipeline(env).run("manual", dir, null, null);
            System.out.print(Pipeline.describe(outcome.ingest()));
            System.out.println("Published run " + outcome.runId() + " (" + outcome.computation().from() + " – "
                    + outcome.computation().to() + ").");
            return 0;
        }
    }
}
