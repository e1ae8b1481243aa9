package vn.onestop.core.store;

/** Another run holds the run slot: the message names it and says what to do. */
public final class RunInProgressException extends IllegalStateException {
    private final String runningRunId;

    RunInProgressException(String runningRunId, String message) {
        super(message);
        this.runningRunId = runningRunId;
    }

    public String runningRunId() {
        return runningRunId;
    }
}
