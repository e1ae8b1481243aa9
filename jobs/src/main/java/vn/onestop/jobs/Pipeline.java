package vn.onestop.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.onestop.analytics.ComputeJob;
import vn.onestop.core.store.RunLog;
import vn.onestop.ingest.FolderIngest;
import vn.onestop.ingest.IngestReport;
import vn.onestop.ingest.InputCount;

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
    record Outcome(String runId, IngestReport ingest, ComputeJob.Computation computation) {
    }

    Outcome run(String trigger, Path inputDir, LocalDate from, LocalDate to) {
        if (!RUNNING.tryLock()) {
            throw new IllegalStateException("A run is already in progress in this process; try again when it ends.");
        }
        String runId = RunLog.newRunId();
        try {
            RunLog.start(env.store(), runId, trigger);
            IngestReport report = null;
            if (inputDir != null) {
                Path work = Files.createDirectories(env.config().dataDir().resolve("work"));
                LOG.info("Run {}: ingesting {}", runId, inputDir);
                report = new FolderIngest(env.spark(), env.lake(), LocalDateTime.now(RunLog.ZONE))
                        .run(inputDir, work, runId);
            }
            LOG.info("Run {}: computing indicators", runId);
            ComputeJob job = computeJob();
            ComputeJob.Computation computation = job.compute(from, to);
            LOG.info("Run {}: publishing {} values", runId, computation.values().size());
            job.publish(env.store(), runId, computation, report);
            return new Outcome(runId, report, computation);
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.error("Run {} failed: {}", runId, message);
            try {
                RunLog.fail(env.store(), runId, message);
            } catch (RuntimeException recordFailure) {
                e.addSuppressed(recordFailure);
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(message, e);
        } finally {
            RUNNING.unlock();
        }
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
}
