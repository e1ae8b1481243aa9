package vn.onestop.dashboard.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folding for search that ignores Vietnamese diacritics: "Đăk Hà" and "dak ha" both fold to "dak ha". */
public final class Diacritics {
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Diacritics() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        // đ/Đ is a letter of its own, not d plus a mark: decomposition leaves it alone.
        String replaced = text.replace('đ', 'd').replace('Đ', 'D');
        String stripped = COMBINING_MARKS.matcher(Normalizer.normalize(replaced, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
