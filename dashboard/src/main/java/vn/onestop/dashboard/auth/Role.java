package vn.onestop.dashboard.auth;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Locale;

/**
 * Who may open a route. {@code ADMIN} (Quản trị viên) and {@code INSPECTOR} (Cán bộ kiểm tra) see the whole
 * province; {@code AGENCY} (Cán bộ đơn vị) sees its own agency and the agencies below it. {@code PUBLIC} marks
 * the few routes open without signing in; {@code MONITORING} marks those a monitoring system reads (from this machine,
 * or with the bearer token of {@code ops.metrics_token}). No user has either.
 */
public enum Role implements RouteRole {
    PUBLIC, ADMIN, INSPECTOR, AGENCY, MONITORING;

    /** Stored name in {@code app_user.role}. */
    public String storeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The user role named {@code admin}, {@code inspector} or {@code agency}. */
    public static Role ofUser(String name) {
        for (Role r : values()) {
            if (r.isUserRole() && r.storeName().equals(name == null ? "" : name.strip().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + name + "'. Use one of: "
                + String.join(", ", Arrays.stream(values()).filter(Role::isUserRole).map(Role::storeName).toList()));
    }

    /** A role an account can have (not a marker of how a route is opened). */
    public boolean isUserRole() {
        return this != PUBLIC && this != MONITORING;
    }

    public boolean isProvinceWide() {
        return this == ADMIN || this == INSPECTOR;
    }
}
