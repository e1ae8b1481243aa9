package vn.onestop.dashboard.auth;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import vn.onestop.core.config.OneStopConfig;

/**
 * Who may read {@code /metrics} (decision 42): a request from this machine that came through no proxy (when
 * {@code ops.metrics_from_loopback} is true), or any request carrying {@code Authorization: Bearer} with the token
 * of {@code ops.metrics_token}. A reverse proxy on the same machine forwards from the loopback address too: its
 * forwarding headers are what tells such requests apart.
 */
public final class MonitoringAccess {
    private final boolean fromLoopback;
    private final String token;

    public MonitoringAccess(boolean fromLoopback, String token) {
        this.fromLoopback = fromLoopback;
        this.token = token == null || token.isBlank() ? null : token;
    }

    public static MonitoringAccess of(OneStopConfig config) {
        return new MonitoringAccess(config.bool("ops.metrics_from_loopback"), config.string("ops.metrics_token"));
    }

    public boolean allows(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (token != null && authorization != null && authorization.startsWith("Bearer ")) {
            return SecureTokens.same(token, authorization.substring("Bearer ".length()).strip());
        }
        return fromLoopback && authorization == null && isLoopback(ctx.req().getRemoteAddr()) && !forwarded(ctx);
    }

    private static boolean forwarded(Context ctx) {
        return ctx.header("Forwarded") != null || ctx.header("X-Forwarded-For") != null
                || ctx.header("X-Real-IP") != null;
    }

    private static boolean isLoopback(String address) {
        try {
            // A literal address from the socket: no name lookup happens.
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
