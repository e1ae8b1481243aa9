package vn.onestop.ingest;

/**
 * Text kept with a quarantined row, shown on the data page and in drop reports: control characters written as
 * {@code \u0000} (PostgreSQL refuses a NUL in text, and a report must show what was there), and clipped to the
 * store's columns (run_quarantine: detail 1 000, raw value 4 000 characters), saying how long it was.
 */
public final class QuarantineText {
    public static final int DETAIL_MAX = 1000;
    public static final int RAW_MAX = 4000;
    /** A value quoted inside a detail. */
    static final int VALUE_MAX = 200;

    private QuarantineText() {
    }

    /** {@code text} with control characters escaped, at most {@code max} characters; null stays null. */
    public static String shown(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length() && s.length() <= max; i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                s.append(String.format("\\u%04X", (int) c));
            } else {
                s.append(c);
            }
        }
        if (s.length() <= max) {
            return s.toString(); // the loop stops early only once past max
        }
        String more = "… (" + text.length() + " characters)";
        int cut = max - more.length();
        if (Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return s.substring(0, cut) + more;
    }

    /** Control characters other than tab and line breaks: never data, and refused by PostgreSQL (NUL). */
    public static boolean isControl(char c) {
        return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
    }
}
