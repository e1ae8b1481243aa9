package vn.onestop.core.store;

/**
 * What a run's record says about how it ended, in English (the command line, logs, the dashboard in English) and in
 * Vietnamese (the dashboard in Vietnamese). {@code vi} is null where only English exists; readers fall back to it.
 */
public record RunMessage(String en, String vi) {
    public static RunMessage of(String en, String vi) {
        return new RunMessage(en, vi);
    }

    /** A message with no Vietnamese wording (an exception's own text, say). */
    public static RunMessage english(String en) {
        return new RunMessage(en, null);
    }

    /** The message to show: the Vietnamese one when asked for and recorded, else the English one. */
    public static String pick(String en, String vi, boolean vietnamese) {
        return vietnamese && vi != null && !vi.isBlank() ? vi : en;
    }
}
