package vn.onestop.dashboard.text;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** Vietnamese alphabetical order: a < ă < â, d < đ, o < ô < ơ, tones after the bare letter. */
public final class VietnameseOrder {
    private VietnameseOrder() {
    }

    /** Orders items by a Vietnamese name; the collator is not thread-safe, so each comparator has its own. */
    public static <T> Comparator<T> by(Function<T, String> name) {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi-VN"));
        collator.setStrength(Collator.TERTIARY);
        return Comparator.comparing(name, collator);
    }
}
