package vn.onestop.jobs;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.RunRecord;
import vn.onestop.core.store.RunStage;
import vn.onestop.core.store.RunState;

/** The runs in the store: list them, show one with its stages and progress, cancel one, prune old ones. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List, show, cancel and prune runs (the history of ingest → compute → publish).",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.ShowRun.class, RunsCommand.CancelRun.class,
            RunsCommand.PruneRuns.class})
final class RunsCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    @ParentCommand
    OneStopCli cli;

    static String time(LocalDateTime t) {
        return t == null ? "–" : TIME.format(t);
    }

    /** The stage and its progress, e.g. {@code compute [#####---] 60 % (3/5) counts}. */
    static String progress(RunStage s) {
        return s.stage() + " " + TerminalProgress.bar(s.rowsDone(), s.rowsTotal() == null ? -1 : s.rowsTotal())
                + (s.step() == null ? "" : " " + s.step());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The newest runs first.")
    static final class ListRuns implements Callable<Integer> {
        @ParentCommand
        RunsCommand runs;

        @Option(names = "--limit", defaultValue = "20", description = "How many runs (default 20).")
        int limit;

        @Override
        public Integer call() {
            try (Environment env = new Environment(runs.cli.config())) {
                Optional<String> current = RunLog.currentRunId(env.store());
                System.out.printf("%-26s %-10s %-10s %-20s %-20s %s%n", "run", "status", "trigger", "started",
                        "finished", "stage / message");
                for (RunRecord r : RunRecord.recent(env.store(), limit)) {
                    String last = r.active() && !r.stages().isEmpty()
                            ? progress(r.stages().get(r.stages().size() - 1))
                            : r.message() == null ? "" : r.message().length() > 90 ? r.message().substring(0, 90) + "…"
                            : r.message();
                    String status = r.state().storeName() + (current.filter(r.runId()::equals).isPresent() ? "*" : "");
                    System.out.printf("%-26s %-10s %-10s %-20s %-20s %s%n", r.runId(), status, r.trigger(),
                            time(r.startedAt()), time(r.finishedAt()), last);
                }
                System.out.println("* = the published run the dashboard serves");
                return 0;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One run: its state, stages and progress.")
    static final class ShowRun implements Callable<Integer> {
        @ParentCommand
        RunsCommand runs;

        @Parameters(paramLabel = "RUN_ID")
        String runId;

        @Option(names = "--follow", description = "Show it again every second until the run ends.")
        boolean follow;

        @Override
        public Integer call() throws InterruptedException {
            try (Environment env = new Environment(runs.cli.config())) {
                while (true) {
                    RunRecord r = RunRecord.find(env.store(), runId).orElseThrow(() -> new IllegalArgumentException(
                            "There is no run " + runId + ". 'runs list' shows the runs."));
                    System.out.print(describe(r, RunLog.currentRunId(env.store()).filter(runId::equals).isPresent()));
                    if (!follow || !r.active()) {
                        return 0;
                    }
                    Thread.sleep(1000);
                    System.out.println();
                }
            }
        }

        static String describe(RunRecord r, boolean current) {
            StringBuilder s = new StringBuilder();
            s.append("Run ").append(r.runId()).append('\n');
            s.append(String.format("  %-10s %s%s%n", "status", r.state().storeName(),
                    r.cancelRequested() && r.active() ? " (cancel requested)" : ""));
            s.append(String.format("  %-10s %s%n", "trigger", r.trigger()));
            s.append(String.format("  %-10s %s%n", "started", time(r.startedAt())));
            s.append(String.format("  %-10s %s%n", "finished", time(r.finishedAt())));
            if (r.active()) {
                s.append(String.format("  %-10s %s, last heartbeat %s%n", "owner", r.owner(), time(r.heartbeatAt())));
            }
            if (r.periodFrom() != null) {
                s.append(String.format("  %-10s %s – %s%n", "period", r.periodFrom(), r.periodTo()));
            }
            if (r.publishedAt() != null) {
                s.append(String.format("  %-10s %s%s%n", "published", time(r.publishedAt()),
                        current ? " (current: the dashboard serves it)" : ""));
            }
            if (r.prunedAt() != null) {
                s.append(String.format("  %-10s %s%n", "pruned", time(r.prunedAt())));
            }
            if (r.message() != null) {
                s.append(String.format("  %-10s %s%n", "message", r.message()));
            }
            for (RunStage st : r.stages()) {
                s.append(String.format("  %d. %-40s %s – %s%n", st.seq(), progress(st), time(st.startedAt()),
                        st.finished() ? time(st.finishedAt()) : "…"));
            }
            return s.toString();
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Stop a run: a queued one at once, a running one at its next check (between stages or "
                    + "batches). The previously published run keeps serving.")
    static final class CancelRun implements Callable<Integer> {
        @ParentCommand
        RunsCommand runs;

        @Parameters(paramLabel = "RUN_ID")
        String runId;

        @Override
        public Integer call() {
            try (Environment env = new Environment(runs.cli.config())) {
                RunState state = RunLog.requestCancel(env.store(), runId);
                System.out.println(state == RunState.CANCELLED ? "Run " + runId + " was queued: it is cancelled."
                        : "Run " + runId + " will stop at its next check (between stages or batches) and end as "
                        + "cancelled; 'runs show " + runId + " --follow' shows when.");
                return 0;
            }
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Remove old runs' published and quarantined rows (store and lake), keeping the newest "
                    + "published runs and the current one, and what dead runs left in the lake.")
    static final class PruneRuns implements Callable<Integer> {
        @ParentCommand
        RunsCommand runs;

        @Option(names = "--keep", paramLabel = "N", description = "Published runs to keep (default: runs.keep).")
        Integer keep;

        @Override
        public Integer call() {
            try (Environment env = new Environment(runs.cli.config())) {
                int n = keep != null ? keep : env.config().integer("runs.keep");
                if (n < 1) {
                    throw new IllegalArgumentException("Give --keep N with N at least 1 (runs.keep is "
                            + env.config().integer("runs.keep") + "; 0 means never prune automatically).");
                }
                Retention.Result result = new Pipeline(env, TerminalProgress.standardError()).prune(n);
                System.out.println("Kept the " + n + " newest published runs. Pruned " + result.prunedRuns().size()
                        + " runs" + (result.prunedRuns().isEmpty() ? "" : ": " + String.join(", ", result.prunedRuns()))
                        + "; quarantine history removed from the lake for " + result.lakeHistoryRemoved().size()
                        + " runs.");
                return 0;
            }
        }
    }
}
