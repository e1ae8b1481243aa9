package vn.onestop.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.onestop.analytics.ComputeJob;
import vn.onestop.core.store.RunLog;
import vn.onestop.ingest.ConfiguredSources;
import vn.onestop.ingest.IngestReport;
import vn.onestop.ingest.InputCount;
import vn.onestop.ingest.jdbc.JdbcSource;
import vn.onestop.ingest.portal.PortalReconciliation;

/**
 * The chain ingest → compute → publish as one run: a run record first, the previous results kept serving until the
 * new ones are complete, a failed run recorded with its reason. Runs never overlap within a process.
 */
final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final ReentrantLock RUNNING = new ReentrantLock();

    private final Environment env;

    Pipeline(Environment env) {
        this.env = env;
    }

    /** Outcome of one run, for the command line. */
    record Outcome(String runId, IngestReport ingest, Optional<PortalReconciliation.Result> reconciliation,
                   ComputeJob.Computation computation) {
    }

    /**
     * @param snapshot    a folder of canonical drops that replaces their lake tables first (or null)
     * @param readSources whether to read the configured sources: one-stop database, portal feed, inbox
     */
    Outcome run(String trigger, Path snapshot, boolean readSources, LocalDate from, LocalDate to) {
        if (!RUNNING.tryLock()) {
            throw new IllegalStateException("A run is already in progress in this process; try again when it ends.");
        }
        String runId = RunLog.newRunId();
        try {
            RunLog.start(env.store(), runId, trigger);
            IngestReport report = null;
            Optional<PortalReconciliation.Result> reconciliation = Optional.empty();
            if (snapshot != null || readSources) {
                LOG.info("Run {}: ingesting{}{}", runId, snapshot == null ? "" : " " + snapshot,
                        readSources ? " and the configured sources" : "");
                ConfiguredSources.Read read = ingest(runId, snapshot, readSources);
                report = read.report();
                reconciliation = read.reconciliation();
            }
            if (reconciliation.isPresent()) {
                PortalReconciliation.publish(env.store(), runId, reconciliation.get());
            }
            LOG.info("Run {}: computing indicators", runId);
            ComputeJob job = computeJob();
            ComputeJob.Computation computation = job.compute(from, to);
            LOG.info("Run {}: publishing {} values", runId, computation.values().size());
            job.publish(env.store(), runId, computation, report);
            return new Outcome(runId, report, reconciliation, computation);
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.error("Run {} failed: {}", runId, message);
            try {
                PortalReconciliation.forget(env.store(), runId);
                RunLog.fail(env.store(), runId, message);
            } catch (RuntimeException recordFailure) {
                e.addSuppressed(recordFailure);
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(message, e);
        } finally {
            RUNNING.unlock();
        }
    }

    /** Reads the sources into the lake, without a run record (also used by {@code ingest --no-compute}). */
    ConfiguredSources.Read ingest(String runId, Path snapshot, boolean readSources) throws java.io.IOException {
        Path work = Files.createDirectories(env.config().dataDir().resolve("work"));
        ConfiguredSources sources = readSources ? ConfiguredSources.fromConfig(env.config())
                : ConfiguredSources.none(env.config());
        return sources.run(env.spark(), env.lake(), env.store(), LocalDateTime.now(RunLog.ZONE), runId, work, snapshot,
                JdbcSource.Progress.NONE);
    }

    ComputeJob computeJob() {
        return new ComputeJob(env.spark(), env.lake(), env.calendar(), env.catalogue(),
                vn.onestop.analytics.IndicatorSettings.from(env.config()));
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
