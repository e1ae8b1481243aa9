package vn.onestop.dashboard.auth;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.InternalServerErrorResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vn.onestop.core.store.Store;

/**
 * Runs before every matched route and static file: the roles declared with the route decide. Without a session a
 * page redirects to the login form and the API answers 401; a role not listed gets 403; every POST must carry
 * its anti-forgery token (403, or back to the form for the login form itself). A monitoring route opens to what
 * {@link MonitoringAccess} lets through, and answers 401 to anything else. A route declared without any role is
 * refused (fail closed).
 */
public final class AccessControl {
    public static final String CSRF_FIELD = "csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION_ATTRIBUTE = "osm.session";

    private final Store store;
    private final SessionRegistry sessions;
    private final LoginForms loginForms;
    private final MonitoringAccess monitoring;

    public AccessControl(Store store, SessionRegistry sessions, LoginForms loginForms, MonitoringAccess monitoring) {
        this.store = store;
        this.sessions = sessions;
        this.loginForms = loginForms;
        this.monitoring = monitoring;
    }

    public void check(Context ctx) {
        Set<RouteRole> allowed = ctx.routeRoles();
        if (allowed.isEmpty()) {
            throw new InternalServerErrorResponse("Route " + ctx.path() + " declares no role");
        }
        if (allowed.contains(Role.MONITORING)) {
            if (!monitoring.allows(ctx)) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new UnauthorizedResponse();
            }
            return;
        }
        boolean post = ctx.method() == HandlerType.POST;
        if (allowed.contains(Role.PUBLIC)) {
            if (post && !loginForms.accepts(ctx.cookie(Cookies.LOGIN_FORM), submittedToken(ctx))) {
                // Refused all the same; a form left open across a restart just asks to sign in again.
                ctx.redirect("/login?error=expired", HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
            }
            return;
        }
        Optional<Session> session = currentSession(ctx);
        if (session.isEmpty()) {
            if (isMachineRequest(ctx)) {
                throw new UnauthorizedResponse();
            }
            ctx.redirect("/login?next=" + URLEncoder.encode(pathWithQuery(ctx), StandardCharsets.UTF_8));
            ctx.skipRemainingHandlers();
            return;
        }
        if (!allowed.contains(session.get().user().role())) {
            throw new ForbiddenResponse();
        }
        if (post && !SecureTokens.same(session.get().csrfToken(), submittedToken(ctx))) {
            throw new ForbiddenResponse("Missing or invalid anti-forgery token");
        }
        ctx.attribute(SESSION_ATTRIBUTE, session.get());
    }

    /** The session of the browser, with its user re-read so that a disabled account is out at once. */
    public Optional<Session> currentSession(Context ctx) {
        Optional<Session> session = sessions.find(ctx.cookie(Cookies.SESSION));
        if (session.isEmpty()) {
            return session;
        }
        Optional<User> user = UserAccounts.find(store, session.get().user().username());
        if (user.isEmpty()) {
            sessions.close(session.get().id());
            return Optional.empty();
        }
        return Optional.of(new Session(session.get().id(), user.get(), session.get().csrfToken(),
                session.get().openedAt(), session.get().lastSeen()));
    }

    /** The session checked for this request; only routes that require a role have one. */
    public static Session session(Context ctx) {
        Session s = ctx.attribute(SESSION_ATTRIBUTE);
        if (s == null) {
            throw new UnauthorizedResponse();
        }
        return s;
    }

    public static User user(Context ctx) {
        return session(ctx).user();
    }

    private static String submittedToken(Context ctx) {
        String header = ctx.header(CSRF_HEADER);
        if (header != null) {
            return header;
        }
        return ctx.isMultipartFormData() || "application/x-www-form-urlencoded".equals(baseContentType(ctx))
                ? ctx.formParam(CSRF_FIELD) : null;
    }

    private static String baseContentType(Context ctx) {
        String type = ctx.contentType();
        return type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isMachineRequest(Context ctx) {
        return ctx.path().startsWith("/api/") || ctx.path().startsWith("/export/");
    }

    private static String pathWithQuery(Context ctx) {
        String query = ctx.queryString();
        return ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}
