package vn.onestop.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.onestop.core.store.RunCancelledException;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.RunProgress;
import vn.onestop.core.store.Store;
import vn.onestop.ingest.jdbc.JdbcSource;

/**
 * The stages of one run as they report themselves: each step is recorded in the store (for {@code runs show} and the
 * runs page, at most every {@value #RECORD_EVERY_MS} ms within a stage), drawn in the terminal when there is one,
 * and checked against the run's cancel flag — a cancelled run stops here, between stages, steps or batches.
 */
final class RunReporter implements RunProgress {
    private static final Logger LOG = LoggerFactory.getLogger(RunReporter.class);
    private static final long RECORD_EVERY_MS = 500;

    private final Store store;
    private final String runId;
    private final TerminalProgress terminal;
    private String stage;
    private long lastRecorded;

    RunReporter(Store store, String runId, TerminalProgress terminal) {
        this.store = store;
        this.runId = runId;
        this.terminal = terminal;
    }

    String stage() {
        return stage;
    }

    /** Starts a stage after checking that the run was not cancelled. */
    void stage(String name) {
        checkCancelled();
        stage = name;
        RunLog.enterStage(store, runId, name);
        lastRecorded = 0;
        LOG.info("Run {}: {}", runId, name);
        terminal.stage(name);
    }

    @Override
    public void step(String step, long done, long total) {
        long now = System.currentTimeMillis();
        terminal.step(stage, step, done, total);
        if (now - lastRecorded >= RECORD_EVERY_MS || (total > 0 && done >= total)) {
            lastRecorded = now;
            RunLog.progress(store, runId, stage, step, done, total < 0 ? null : total);
            checkCancelled();
        }
    }

    /** The JDBC extraction and the other sources report named steps without counts. */
    JdbcSource.Progress ingestSteps() {
        long[] steps = {0};
        return reached -> step(reached.replace(':', ' '), ++steps[0], -1);
    }

    /** Records the stage's final count, whatever the time since the last record. */
    void done(String step, long rows) {
        terminal.step(stage, step, rows, -1);
        RunLog.progress(store, runId, stage, step, rows, null);
        terminal.end();
    }

    void checkCancelled() {
        if (RunLog.cancelRequested(store, runId)) {
            throw new RunCancelledException(runId);
        }
    }

    void end() {
        terminal.end();
    }
}
