package vn.onestop.dashboard.auth;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.published.Page;
import vn.onestop.dashboard.sql.Sql;

/**
 * Who did what and when, in {@code audit_log}: sign-ins, failed sign-ins, sign-outs, exports, views of personal
 * data and of dossiers, runs cancelled; read back, newest first, on the administrators' page.
 */
public final class AuditLog {
    public static final String LOGIN = "login";
    public static final String LOGIN_FAILED = "login_failed";
    public static final String LOGOUT = "logout";
    public static final String EXPORT = "export";
    public static final String VIEW_PERSONAL = "view_personal";
    public static final String VIEW_CASE = "view_case";
    public static final String CANCEL_RUN = "cancel_run";

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

    /** A dossier (hồ sơ) was opened: who, which dossier of which agency, and whether its personal data was unmasked. */
    public void recordCaseView(String username, String caseId, String agencyCode, boolean unmasked) {
        record(username, VIEW_CASE, "case=" + caseId + " agency=" + agencyCode + " unmasked=" + unmasked);
    }

    /** One line of the log. */
    public record Entry(long id, LocalDateTime at, String username, String action, String detail) {
    }

    /** A page of the log, newest first; {@code action} and {@code username} narrow it when not null. */
    public Page<Entry> entries(String action, String username, int page, int size) {
        StringBuilder where = new StringBuilder(" FROM audit_log WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (action != null) {
            where.append(" AND action = ?");
            params.add(action);
        }
        if (username != null) {
            where.append(" AND username = ?");
            params.add(username);
        }
        long total = Sql.count(store, "SELECT COUNT(*)" + where, params.toArray());
        params.add(size);
        params.add(Page.offset(page, size));
        List<Entry> rows = Sql.list(store, "SELECT id, at, username, action, detail" + where
                        + " ORDER BY id DESC LIMIT ? OFFSET ?",
                rs -> new Entry(rs.getLong("id"), Sql.time(rs, "at"), rs.getString("username"), rs.getString("action"),
                        rs.getString("detail")),
                params.toArray());
        return new Page<>(total, Math.max(1, page), size, rows);
    }

    /** The actions the log holds, for the page's filter. */
    public List<String> actions() {
        return Sql.list(store, "SELECT DISTINCT action FROM audit_log ORDER BY action", rs -> rs.getString(1));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
