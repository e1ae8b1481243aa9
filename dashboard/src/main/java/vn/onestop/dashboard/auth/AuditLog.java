package vn.onestop.dashboard.auth;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.sql.Sql;

/** Who did what and when, in {@code audit_log}: sign-ins, failed sign-ins, sign-outs, exports, personal data. */
public final class AuditLog {
    public static final String LOGIN = "login";
    public static final String LOGIN_FAILED = "login_failed";
    public static final String LOGOUT = "logout";
    public static final String EXPORT = "export";
    public static final String VIEW_PERSONAL = "view_personal";

    private static final ZoneId LOCAL_TIME = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Store store;
    private final Clock clock;

    public AuditLog(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void record(String username, String action, String detail) {
        Sql.update(store, "INSERT INTO audit_log (at, username, action, detail) VALUES (?, ?, ?, ?)",
                LocalDateTime.ofInstant(clock.instant(), LOCAL_TIME), cut(username, 80), action, cut(detail, 2000));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
