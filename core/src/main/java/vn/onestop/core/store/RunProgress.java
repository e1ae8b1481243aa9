package vn.onestop.core.store;

/**
 * Where a stage of a run is, as the stage reports it: recorded in the store, drawn in the terminal, and the place a
 * run stops when it was cancelled (the listener throws {@link RunCancelledException}).
 */
@FunctionalInterface
public interface RunProgress {
    RunProgress NONE = (step, done, total) -> { };

    /**
     * @param step  what the stage is doing now, in words
     * @param done  rows (or steps) done so far in the stage
     * @param total rows (or steps) in all, -1 when not known in advance
     */
    void step(String step, long done, long total);
}
