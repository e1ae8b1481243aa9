package vn.onestop.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.onestop.analytics.ComputeJob;
import vn.onestop.analytics.IndicatorSettings;
import vn.onestop.core.store.RunCancelledException;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.RunMessage;
import vn.onestop.core.store.RunSlot;
import vn.onestop.core.store.SourceWatermarks;
import vn.onestop.ingest.ConfiguredSources;
import vn.onestop.ingest.IngestReport;
import vn.onestop.ingest.InputCount;
import vn.onestop.ingest.portal.PortalReconciliation;

/**
 * The chain ingest → compute → publish as one run: the run takes the run slot (one run at a time across every
 * process on the store), reports its stages and progress, stops between them when cancelled, and publishes
 * atomically; a failed or cancelled run is recorded with its reason and the previous results keep serving.
 */
final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final Duration QUEUE_POLL = Duration.ofSeconds(5);

    private final Environment env;
    private final TerminalProgress terminal;
    private volatile String activeRunId;

    Pipeline(Environment env) {
        this(env, TerminalProgress.SILENT);
    }

    Pipeline(Environment env, TerminalProgress terminal) {
        this.env = env;
        this.terminal = terminal;
    }

    /** Outcome of one run, for the command line; no computation when the run only filled the lake. */
    record Outcome(String runId, IngestReport ingest, Optional<PortalReconciliation.Result> reconciliation,
                   ComputeJob.Computation computation) {
    }

    /** What a run does. */
    private record Work(Path snapshot, boolean readSources, boolean fullRead, boolean compute, LocalDate from,
                        LocalDate to, boolean fullCompute) {
        boolean ingests() {
            return snapshot != null || readSources;
        }
    }

    /**
     * A run started by hand (or by the demo): it goes at once or fails at once, naming the run in progress.
     *
     * @param snapshot    a folder of canonical drops that replaces their lake tables first (or null)
     * @param readSources whether to read the configured sources: one-stop database, portal feed, inbox
     */
    Outcome run(String trigger, Path snapshot, boolean readSources, LocalDate from, LocalDate to) {
        return run(trigger, snapshot, readSources, from, to, false);
    }

    /** @param fullCompute recompute every period even when a nightly run on top of the published one would do */
    Outcome run(String trigger, Path snapshot, boolean readSources, LocalDate from, LocalDate to,
                boolean fullCompute) {
        return run(trigger, new Work(snapshot, readSources, false, true, from, to, fullCompute));
    }

    /** {@code ingest --no-compute}: fills the lake as a run of its own, which publishes nothing. */
    Outcome ingestOnly(Path snapshot, boolean fullRead) {
        return run("manual", new Work(snapshot, true, fullRead, false, null, null, false));
    }

    /** {@code ingest --full}: the one-stop database read again from the start, then compute and publish. */
    Outcome fullRun(Path snapshot) {
        return run("manual", new Work(snapshot, true, true, true, null, null, true));
    }

    private Outcome run(String trigger, Work work) {
        String runId = RunLog.newRunId();
        return execute(RunSlot.take(env.store(), runId, trigger, staleAfter()), work);
    }

    /**
     * The nightly run: queued behind a run in progress, if any, until it ends (or this one is cancelled).
     *
     * @return empty when the run was cancelled while it waited
     */
    Optional<Outcome> runScheduled() throws InterruptedException {
        String runId = RunLog.newRunId();
        RunSlot slot;
        try {
            slot = RunSlot.waitFor(env.store(), runId, "scheduled", staleAfter(), QUEUE_POLL);
        } catch (RunCancelledException e) {
            LOG.info("Run {} was cancelled while it waited for the run before it", runId);
            return Optional.empty();
        }
        return Optional.of(execute(slot, new Work(null, true, false, true, null, null, false)));
    }

    /**
     * {@code runs prune}: retention as a run of its own (trigger {@code retention}), so that it never cleans the lake
     * under a run in progress; what dead runs left in the lake and the work folder goes too.
     */
    Retention.Result prune(int keep) {
        String runId = RunLog.newRunId();
        RunSlot slot = RunSlot.take(env.store(), runId, "retention", staleAfter());
        activeRunId = runId;
        RunReporter reporter = new RunReporter(env.store(), runId, terminal);
        try {
            reporter.stage("prune");
            cleanLeftovers();
            Retention.Result result = Retention.apply(env, keep);
            reporter.done("runs pruned", result.prunedRuns().size());
            RunLog.succeededWithoutPublishing(env.store(), runId, RunMessage.of("Kept the " + keep + " newest "
                    + "published runs; pruned " + result.prunedRuns().size() + " older runs.", "Giữ " + keep + " lần chạy "
                    + "đã công bố gần nhất; đã dọn " + result.prunedRuns().size() + " lần chạy cũ hơn."));
            return result;
        } catch (Exception e) {
            // Spark throws checked exceptions it does not declare (SparkException on a damaged file): catch them all.
            reporter.end();
            throw recordEnd(runId, reporter.stage(), e);
        } finally {
            activeRunId = null;
            slot.close();
        }
    }

    /** Asks the run of this process, if any, to stop at its next check (the app is being stopped). */
    void cancelActive() {
        String runId = activeRunId;
        if (runId != null) {
            try {
                RunLog.requestCancel(env.store(), runId);
            } catch (RuntimeException e) {
                LOG.warn("Could not ask run {} to stop: {}", runId, e.getMessage());
            }
        }
    }

    private Outcome execute(RunSlot slot, Work work) {
        String runId = slot.runId();
        activeRunId = runId;
        RunReporter reporter = new RunReporter(env.store(), runId, terminal);
        try {
            IngestReport report = null;
            Optional<PortalReconciliation.Result> reconciliation = Optional.empty();
            reporter.stage(work.ingests() ? "ingest" : "compute");
            cleanLeftovers();
            if (work.ingests()) {
                if (work.fullRead()) {
                    new SourceWatermarks(env.store()).clearAll();
                }
                ConfiguredSources.Read read = ingest(runId, work.snapshot(), work.readSources(), reporter);
                report = read.report();
                reconciliation = read.reconciliation();
                if (reconciliation.isPresent()) {
                    PortalReconciliation.publish(env.store(), runId, reconciliation.get());
                }
                reporter.done("rows read", report.totalRead());
                if (!work.compute()) {
                    RunLog.succeededWithoutPublishing(env.store(), runId, RunMessage.of("Lake filled; nothing "
                            + "computed or published.", "Đã nạp dữ liệu vào kho dữ liệu; không tính toán, không công bố."));
                    return new Outcome(runId, report, reconciliation, null);
                }
                reporter.stage("compute");
            }
            ComputeJob job = computeJob();
            // A nightly run builds on the published run (decisions.md, "Incremental nightly runs").
            ComputeJob.Baseline baseline = work.fullCompute() || !env.config().bool("compute.incremental") ? null
                    : ComputeJob.Baseline.current(env.store());
            ComputeJob.Computation computation = job.compute(work.from(), work.to(), reporter, baseline);
            reporter.stage("publish");
            job.publish(env.store(), runId, computation, report, reporter);
            reporter.end();
            LOG.info("Run {} published {} values", runId, computation.values().size());
            applyRetention();
            return new Outcome(runId, report, reconciliation, computation);
        } catch (Exception e) {
            // Spark throws checked exceptions it does not declare (SparkException on a damaged file): catch them all.
            reporter.end();
            throw recordEnd(runId, reporter.stage(), e);
        } finally {
            activeRunId = null;
            slot.close();
        }
    }

    /** Records the run as cancelled or failed and answers the exception the command line shows. */
    private RuntimeException recordEnd(String runId, String stage, Exception e) {
        boolean cancelled = RunFailure.cancelled(e);
        RunMessage message = cancelled ? RunMessage.of("Cancelled during " + stage + "; the previously published run "
                + "keeps serving.", "Đã hủy ở giai đoạn " + RunFailure.stageVi(stage) + "; lần chạy đã công bố trước đó "
                + "vẫn được dùng.") : RunFailure.runMessage(e, env.store(), stage);
        LOG.error("Run {} {}: {}", runId, cancelled ? "cancelled" : "failed", message.en());
        try {
            if (cancelled) {
                RunLog.cancelled(env.store(), runId, message);
            } else {
                RunLog.fail(env.store(), runId, message);
            }
        } catch (RuntimeException recordFailure) {
            e.addSuppressed(recordFailure);
        }
        if (cancelled) {
            return e instanceof RunCancelledException r ? r : new RunCancelledException(runId);
        }
        if (message.en().equals(e.getMessage()) && e instanceof RuntimeException r) {
            return r;
        }
        return new RunFailure(message.en(), e);
    }

    /** Completes the lake swaps of dead runs and removes their staging folders (this run holds the slot). */
    private void cleanLeftovers() throws IOException {
        java.util.function.Predicate<String> live = id -> {
            String status = RunLog.status(env.store(), id);
            return "queued".equals(status) || "running".equals(status);
        };
        List<String> removed = new java.util.ArrayList<>(env.lake().cleanLeftovers(env.spark(), live));
        removed.addAll(WorkFolder.cleanLeftovers(workFolder(), live));
        if (!removed.isEmpty()) {
            LOG.info("Removed what dead runs left behind: {}", removed);
        }
    }

    /** After a publish: old runs' rows go when {@code runs.keep} is set; a failure here never fails the run. */
    private void applyRetention() {
        int keep = env.config().integer("runs.keep");
        if (keep == 0) {
            return;
        }
        try {
            Retention.apply(env, keep);
        } catch (RuntimeException e) {
            LOG.warn("Retention of old runs failed (the run itself is published): {}", e.getMessage());
        }
    }

    private Duration staleAfter() {
        return Duration.ofSeconds(env.config().integer("runs.stale_after_seconds"));
    }

    private Path workFolder() throws IOException {
        return Files.createDirectories(env.config().dataDir().resolve("work"));
    }

    private ConfiguredSources.Read ingest(String runId, Path snapshot, boolean readSources, RunReporter reporter)
            throws IOException {
        ConfiguredSources sources = readSources ? ConfiguredSources.fromConfig(env.config())
                : ConfiguredSources.none(env.config());
        return sources.run(env.spark(), env.lake(), env.store(), LocalDateTime.now(RunLog.ZONE), runId, workFolder(),
                snapshot, reporter.ingestSteps());
    }

    ComputeJob computeJob() {
        return new ComputeJob(env.spark(), env.lake(), env.calendar(), env.catalogue(), IndicatorSettings.from(env.config()));
    }

    /** The balance of an ingest, as the command line prints it. */
    static String describe(IngestReport report) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-28s %-18s %10s %10s %10s %10s%n", "source", "type", "read", "accepted",
                "quarantined", "superseded"));
        for (InputCount c : report.counts()) {
            s.append(String.format("%-28s %-18s %,10d %,10d %,10d %,10d%n", c.source(), c.recordType(), c.read(),
                    c.accepted(), c.quarantined(), c.superseded()));
        }
        s.append(String.format("%-47s %,10d %,10d %,10d %,10d%n", "total", report.totalRead(), report.totalAccepted(),
                report.totalQuarantined(), report.totalSuperseded()));
        report.notes().forEach(n -> s.append("note: ").append(n).append('\n'));
        return s.toString();
    }

    /** The reconciliation with the national portal, in one paragraph. */
    static String describe(PortalReconciliation.Result r) {
        long compared = r.agencies().stream().mapToLong(PortalReconciliation.AgencySummary::provinceCases).sum();
        long missing = r.agencies().stream().mapToLong(PortalReconciliation.AgencySummary::missingOnPortal).sum();
        long only = r.agencies().stream().mapToLong(PortalReconciliation.AgencySummary::onlyOnPortal).sum();
        long status = r.agencies().stream().mapToLong(PortalReconciliation.AgencySummary::statusDiffers).sum();
        long dates = r.agencies().stream().mapToLong(PortalReconciliation.AgencySummary::datesDiffer).sum();
        long channel = r.agencies().stream().mapToLong(PortalReconciliation.AgencySummary::channelDiffers).sum();
        long payment = r.agencies().stream().mapToLong(PortalReconciliation.AgencySummary::paymentDiffers).sum();
        return String.format("National portal: %,d dossiers compared; %,d missing on the portal, %,d only on the portal; "
                + "differ in status %,d, dates %,d, channel %,d, payment %,d%n", compared, missing, only, status, dates,
                channel, payment);
    }
}
