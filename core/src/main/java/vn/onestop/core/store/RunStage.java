package vn.onestop.core.store;

import java.time.LocalDateTime;
import java.util.OptionalInt;

/** One stage of a run as recorded: when it ran, its current step, rows (or steps) done of how many. */
public record RunStage(String stage, int seq, LocalDateTime startedAt, LocalDateTime finishedAt, String step,
                       long rowsDone, Long rowsTotal) {
    public boolean finished() {
        return finishedAt != null;
    }

    /** Percent done, when the total is known. */
    public OptionalInt percent() {
        if (rowsTotal == null || rowsTotal <= 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.min(100, rowsDone * 100 / rowsTotal));
    }
}
