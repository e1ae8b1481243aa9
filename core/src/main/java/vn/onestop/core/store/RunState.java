package vn.onestop.core.store;

import java.util.Locale;
import java.util.Set;

/**
 * The life of a run: queued (waiting for the run before it), running, then one of succeeded, failed or cancelled,
 * which are final. A queued run may also be cancelled or fail (its process died while it waited).
 */
public enum RunState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public String storeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunState of(String storeName) {
        return valueOf(storeName.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** The states this one may move to. */
    public Set<RunState> next() {
        return switch (this) {
            case QUEUED -> Set.of(RUNNING, FAILED, CANCELLED);
            case RUNNING -> Set.of(SUCCEEDED, FAILED, CANCELLED);
            default -> Set.of();
        };
    }

    public boolean mayBecome(RunState target) {
        return next().contains(target);
    }
}
