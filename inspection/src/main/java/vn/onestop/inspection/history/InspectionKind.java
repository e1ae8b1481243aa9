package vn.onestop.inspection.history;

import java.util.Locale;

/** How an agency is inspected (inspection.md): on site, from data and reports, or unannounced. */
public enum InspectionKind {
    DIRECT("trực tiếp"), INDIRECT("gián tiếp"), SURPRISE("đột xuất");

    private final String vietnamese;

    InspectionKind(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    /** Stored and typed name: {@code direct}, {@code indirect}, {@code surprise}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "trực tiếp", "gián tiếp", "đột xuất". */
    public String vietnamese() {
        return vietnamese;
    }

    /** The kind named by its code or its Vietnamese word (as offices write it in a CSV). */
    public static InspectionKind parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (InspectionKind k : values()) {
            if (k.code().equals(t) || k.vietnamese.equals(t) || ("kiểm tra " + k.vietnamese).equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown inspection kind '" + text
                + "': use direct, indirect or surprise (trực tiếp, gián tiếp, đột xuất).");
    }
}
