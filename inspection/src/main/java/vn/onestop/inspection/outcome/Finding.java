package vn.onestop.inspection.outcome;

import java.util.Locale;

/** What an inspector found about a flagged dossier: the flag was right, it was not a violation, or it is unclear. */
public enum Finding {
    CONFIRMED("Xác nhận vi phạm"), NOT_VIOLATION("Không vi phạm"), UNCLEAR("Chưa rõ");

    private final String vietnamese;

    Finding(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    /** Stored and typed name: {@code confirmed}, {@code not_violation}, {@code unclear}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String vietnamese() {
        return vietnamese;
    }

    public static Finding parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Finding f : values()) {
            if (f.code().equals(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown outcome '" + text + "': use confirmed, not_violation or unclear.");
    }
}
