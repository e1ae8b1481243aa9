package vn.onestop.dashboard.pages;

import vn.onestop.dashboard.text.Language;
import vn.onestop.dashboard.text.Labels;

/**
 * Words for codes the store carries without a name: agency kinds and group scope codes. A code the dictionary
 * does not know is shown as it is.
 */
public final class Names {
    private Names() {
    }

    public static String kind(Language language, String kind) {
        return Labels.getOrDefault(language, "kind." + kind, kind);
    }

    public static String group(Language language, String groupCode) {
        return Labels.getOrDefault(language, "group." + groupCode, groupCode);
    }
}
