package vn.onestop.dashboard.pages;

import io.javalin.http.Context;
import java.util.Set;
import java.util.function.Predicate;
import vn.onestop.dashboard.published.Agency;

/**
 * The agencies a ranking or export request asks for: {@code kind}, {@code group} and {@code within} (an agency and
 * those below it). {@code within} naming an agency the user may not see is a 403.
 */
public final class AgencyFilter {
    private AgencyFilter() {
    }

    public static Predicate<Agency> of(Context ctx, ViewRequest view) {
        String kind = param(ctx, "kind");
        String group = param(ctx, "group");
        String within = param(ctx, "within");
        Set<String> subtree = within == null ? null : view.catalogue().subtree(view.scope().require(within).code());
        return a -> (kind == null || kind.equals(a.kind())) && (group == null || group.equals(a.groupCode()))
                && (subtree == null || subtree.contains(a.code()));
    }

    public static boolean isUnfiltered(Context ctx) {
        return param(ctx, "kind") == null && param(ctx, "group") == null && param(ctx, "within") == null;
    }

    private static String param(Context ctx, String name) {
        String s = ctx.queryParam(name);
        return s == null || s.isBlank() ? null : s.strip();
    }
}
