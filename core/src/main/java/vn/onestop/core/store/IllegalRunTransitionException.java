package vn.onestop.core.store;

import java.util.stream.Collectors;

/** A run was asked to move to a state its present state does not lead to (e.g. a succeeded run to cancelled). */
public final class IllegalRunTransitionException extends IllegalStateException {
    private final RunState from;
    private final RunState to;

    public IllegalRunTransitionException(String runId, RunState from, RunState to) {
        super("Run " + runId + " is " + from.storeName() + " and cannot become " + to.storeName()
                + (from.isFinal() ? ": it has already ended."
                : " (from " + from.storeName() + " a run may become " + from.next().stream().map(RunState::storeName)
                        .sorted().collect(Collectors.joining(", ")) + ")."));
        this.from = from;
        this.to = to;
    }

    public RunState from() {
        return from;
    }

    public RunState to() {
        return to;
    }
}
