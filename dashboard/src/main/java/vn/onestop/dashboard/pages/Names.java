package vn.onestop.dashboard.pages;

import vn.onestop.dashboard.text.Labels;
import vn.onestop.dashboard.text.Language;

/**
 * Words for agency kinds, which the store carries as codes (group names come with the run, {@code pub_group}).
 * A kind the dictionary does not know is shown as it is.
 */
public final class Names {
    private Names() {
    }

    public static String kind(Language language, String kind) {
        return Labels.getOrDefault(language, "kind." + kind, kind);
    }
}
