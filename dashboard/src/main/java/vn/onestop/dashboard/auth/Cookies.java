package vn.onestop.dashboard.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/** The dashboard's cookies: never readable by scripts, never sent cross-site, Secure when served over HTTPS. */
public final class Cookies {
    public static final String SESSION = "osm_session";
    public static final String LOGIN_FORM = "osm_login";
    public static final String LANGUAGE = "osm_lang";

    private Cookies() {
    }

    /** Sets a cookie; {@code maxAgeSeconds} -1 lasts until the browser closes. */
    public static void set(Context ctx, String name, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath("/");
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setSecure("https".equalsIgnoreCase(ctx.scheme()));
        ctx.cookie(cookie);
    }

    public static void clear(Context ctx, String name) {
        set(ctx, name, "", 0);
    }
}
