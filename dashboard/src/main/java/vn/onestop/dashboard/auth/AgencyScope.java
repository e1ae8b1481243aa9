package vn.onestop.dashboard.auth;

import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Set;
import vn.onestop.dashboard.published.Agency;
import vn.onestop.dashboard.published.RunCatalogue;

/**
 * Which agencies a user may see in the published run: all of them for administrators and inspectors; for an
 * agency viewer, its own agency and those below it in {@code pub_agency}. Asking for any other agency is a 403,
 * whether it exists or not.
 */
public final class AgencyScope {
    private final User user;
    private final RunCatalogue catalogue;
    private final Set<String> visible;

    private AgencyScope(User user, RunCatalogue catalogue, Set<String> visible) {
        this.user = user;
        this.catalogue = catalogue;
        this.visible = visible;
    }

    public static AgencyScope of(User user, RunCatalogue catalogue) {
        return new AgencyScope(user, catalogue,
                user.role().isProvinceWide() ? null : catalogue.subtree(user.agencyCode()));
    }

    public boolean isProvinceWide() {
        return visible == null;
    }

    public boolean canSee(String agencyCode) {
        return visible == null ? catalogue.agency(agencyCode).isPresent() : visible.contains(agencyCode);
    }

    /** The agency, if this user may see it: 403 when not allowed, 404 when a province-wide user names nothing. */
    public Agency require(String agencyCode) {
        if (!isProvinceWide() && !visible.contains(agencyCode)) {
            throw new ForbiddenResponse();
        }
        return catalogue.agency(agencyCode).orElseThrow(NotFoundResponse::new);
    }

    /** The agencies this user may see, in catalogue order. */
    public List<Agency> agencies() {
        return catalogue.agencies().stream().filter(a -> canSee(a.code())).toList();
    }

    /** The agency an agency viewer belongs to (null for province-wide users). */
    public String homeAgency() {
        return isProvinceWide() ? null : user.agencyCode();
    }
}
