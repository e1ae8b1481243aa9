package vn.onestop.core.store;

/** The run saw its cancel flag at a check between stages or batches, and stops there. */
public final class RunCancelledException extends RuntimeException {
    public RunCancelledException(String runId) {
        super("Run " + runId + " was cancelled; the previously published run keeps serving.");
    }
}
