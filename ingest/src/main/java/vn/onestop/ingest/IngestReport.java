package vn.onestop.ingest;

import java.util.List;

/**
 * What one ingest did: the balance per input, the quarantined rows (all of them are also in the lake's
 * quarantine table) and notes such as ignored files.
 */
public record IngestReport(String runId, List<InputCount> counts, List<QuarantinedRow> quarantined,
                           List<String> notes) {
    public long totalRead() {
        return counts.stream().mapToLong(InputCount::read).sum();
    }

    public long totalAccepted() {
        return counts.stream().mapToLong(InputCount::accepted).sum();
    }

    public long totalQuarantined() {
        return counts.stream().mapToLong(InputCount::quarantined).sum();
    }

    public long totalSuperseded() {
        return counts.stream().mapToLong(InputCount::superseded).sum();
    }

    public boolean balances() {
        return counts.stream().allMatch(InputCount::balances);
    }
}
