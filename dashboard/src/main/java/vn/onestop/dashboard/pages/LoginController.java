package vn.onestop.dashboard.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.auth.AccessControl;
import vn.onestop.dashboard.auth.AuditLog;
import vn.onestop.dashboard.auth.Cookies;
import vn.onestop.dashboard.auth.LoginForms;
import vn.onestop.dashboard.auth.LoginThrottle;
import vn.onestop.dashboard.auth.Session;
import vn.onestop.dashboard.auth.SessionRegistry;
import vn.onestop.dashboard.auth.User;
import vn.onestop.dashboard.auth.UserAccounts;

/**
 * Đăng nhập / Đăng xuất. The form posts user name, password and the login form's anti-forgery token; success
 * opens a fresh session and goes back to the page first asked for; every outcome is audited.
 */
public final class LoginController {
    private static final int LOGIN_FORM_COOKIE_SECONDS = 2 * 60 * 60;

    private final Store store;
    private final SessionRegistry sessions;
    private final LoginForms loginForms;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final AccessControl access;

    public LoginController(Store store, SessionRegistry sessions, LoginForms loginForms, LoginThrottle throttle,
                           AuditLog audit, AccessControl access) {
        this.store = store;
        this.sessions = sessions;
        this.loginForms = loginForms;
        this.throttle = throttle;
        this.audit = audit;
        this.access = access;
    }

    public record LoginToken(String csrf) {
    }

    public void page(Context ctx) {
        if (access.currentSession(ctx).isPresent()) {
            ctx.redirect("/");
            return;
        }
        PageFiles.serve(ctx, "login");
    }

    /** The login form's token, bound to a cookie set here if the browser has none yet. */
    public void token(Context ctx) {
        String cookie = ctx.cookie(Cookies.LOGIN_FORM);
        if (cookie == null || cookie.isEmpty()) {
            cookie = loginForms.newCookieValue();
            Cookies.set(ctx, Cookies.LOGIN_FORM, cookie, LOGIN_FORM_COOKIE_SECONDS);
        }
        ctx.json(new LoginToken(loginForms.tokenFor(cookie)));
    }

    public void submit(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = safeNext(ctx.formParam("next"));
        String address = ctx.ip();
        if (throttle.isBlocked(username, address)) {
            audit.record(username, AuditLog.LOGIN_FAILED, "throttled from " + address);
            redirectToForm(ctx, "locked", next);
            return;
        }
        Optional<User> user = UserAccounts.authenticate(store, username, password);
        if (user.isEmpty()) {
            throttle.recordFailure(username, address);
            audit.record(username, AuditLog.LOGIN_FAILED, "wrong user name or password from " + address);
            redirectToForm(ctx, "invalid", next);
            return;
        }
        throttle.recordSuccess(username);
        sessions.close(ctx.cookie(Cookies.SESSION));
        Session session = sessions.open(user.get());
        Cookies.set(ctx, Cookies.SESSION, session.id(), -1);
        Cookies.clear(ctx, Cookies.LOGIN_FORM);
        audit.record(user.get().username(), AuditLog.LOGIN, "from " + address);
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    public void logout(Context ctx) {
        Session session = AccessControl.session(ctx);
        sessions.close(session.id());
        Cookies.clear(ctx, Cookies.SESSION);
        audit.record(session.user().username(), AuditLog.LOGOUT, null);
        ctx.redirect("/login?bye=1", HttpStatus.SEE_OTHER);
    }

    private static void redirectToForm(Context ctx, String error, String next) {
        ctx.redirect("/login?error=" + error + ("/".equals(next) ? "" : "&next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8)), HttpStatus.SEE_OTHER);
    }

    /** Only a path of this site: never another host ({@code //evil}, {@code /\evil}, {@code https:…}). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith("/login") || next.chars().anyMatch(ch -> ch < 0x20 || ch == '\\')) {
            return "/";
        }
        return next;
    }
}
