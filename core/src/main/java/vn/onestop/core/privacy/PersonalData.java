package vn.onestop.core.privacy;

/**
 * Masks citizens' personal data for published results (spec/README.md, decision 6): {@code Nguyễn V. A.},
 * {@code 0012******89}. The lake keeps the original; only roles allowed to see it get it unmasked.
 */
public final class PersonalData {
    private PersonalData() {
    }

    /** Family name in full, then the initial of every other word: "Nguyễn Văn An" → "Nguyễn V. A.". */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String[] words = name.strip().split("\\s+");
        StringBuilder out = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            out.append(' ').appendCodePoint(words[i].codePointAt(0)).append('.');
        }
        return out.toString();
    }

    /** Keeps the first 4 and last 2 characters of an identifier or phone number. */
    public static String maskId(String id) {
        if (id == null || id.isBlank()) {
            return id;
        }
        String s = id.strip();
        if (s.length() <= 6) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 4) + "*".repeat(s.length() - 6) + s.substring(s.length() - 2);
    }
}
