package vn.onestop.dashboard.text;

import java.util.Locale;

/** The languages of the interface: Vietnamese first, English as a switch. */
public enum Language {
    VI, EN;

    /** The language named by {@code code} ("vi", "en"), Vietnamese for anything else. */
    public static Language parse(String code) {
        return "en".equalsIgnoreCase(code == null ? "" : code.strip()) ? EN : VI;
    }

    public static boolean isKnown(String code) {
        return "vi".equalsIgnoreCase(code) || "en".equalsIgnoreCase(code);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
