package vn.onestop.jobs;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.onestop.core.store.RunRetention;

/**
 * Retention of old runs in the store and the lake together (decision 47): the store's published and quarantined
 * rows of runs beyond the kept ones, and their quarantine history in the lake. Called by a run holding the slot.
 */
final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private Retention() {
    }

    record Result(List<String> prunedRuns, List<String> lakeHistoryRemoved) {
    }

    static Result apply(Environment env, int keep) {
        RunRetention.Pruned pruned = RunRetention.prune(env.store(), keep);
        List<String> lake = List.of();
        if (pruned.oldestKept() != null) {
            String oldestKept = pruned.oldestKept();
            // Run ids sort by time: history older than the oldest kept run goes, whether or not the store knew it.
            lake = env.lake().deleteQuarantineHistory(env.spark(),
                    id -> pruned.prunedRunIds().contains(id) || id.compareTo(oldestKept) < 0);
        }
        if (!pruned.prunedRunIds().isEmpty() || !lake.isEmpty()) {
            LOG.info("Retention (keep {}): pruned runs {}; quarantine history removed from the lake for {}", keep,
                    pruned.prunedRunIds(), lake);
        }
        return new Result(pruned.prunedRunIds(), lake);
    }
}
