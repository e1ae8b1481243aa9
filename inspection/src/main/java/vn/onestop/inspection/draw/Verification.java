package vn.onestop.inspection.draw;

import java.util.List;

/** What {@link Draws#verify} found: one check per thing recomputed; the draw holds when none failed. */
public record Verification(long drawId, List<Check> checks) {
    public static final String SEAL = "seal";
    public static final String RECORD = "record";
    public static final String COLUMNS = "columns";
    public static final String RESULT = "result";
    public static final String INPUTS = "inputs";
    public static final String AUDIT = "audit";

    public enum Status { PASSED, FAILED, SKIPPED }

    /** One check: its code (seal, record, columns, result, inputs, audit), status and what it compared. */
    public record Check(String code, Status status, String detail) {
        static Check of(String code, boolean passed, String detail) {
            return new Check(code, passed ? Status.PASSED : Status.FAILED, detail);
        }
    }

    public Verification {
        checks = List.copyOf(checks);
    }

    public boolean holds() {
        return checks.stream().noneMatch(c -> c.status() == Status.FAILED);
    }

    public Status status(String code) {
        return checks.stream().filter(c -> c.code().equals(code)).map(Check::status).findFirst()
                .orElse(Status.SKIPPED);
    }
}
