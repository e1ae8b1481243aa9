package vn.onestop.dashboard;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.auth.UserAccounts;
import vn.onestop.dashboard.sql.Sql;

/**
 * A real dashboard on a random port over a real H2 store holding {@link SmallProvince}, with one user per role:
 * {@code admin}, {@code inspector}, {@code tuphap} (agency viewer of S_TP) and {@code dakha} (of X_DH).
 */
abstract class RunningDashboard {
    @TempDir
    static Path dir;
    static Store store;
    static DashboardServer server;

    @BeforeAll
    static void startDashboard() {
        store = SmallProvince.openStore(dir);
        SmallProvince.publish(store);
        UserAccounts.create(store, "admin", SmallProvince.PASSWORD, "admin", null, "Quản trị viên");
        UserAccounts.create(store, "inspector", SmallProvince.PASSWORD, "inspector", null, "Nguyễn Thị Kiểm Tra");
        UserAccounts.create(store, "tuphap", SmallProvince.PASSWORD, "agency", "S_TP", "Cán bộ Sở Tư pháp");
        UserAccounts.create(store, "dakha", SmallProvince.PASSWORD, "agency", "X_DH", "Cán bộ xã Đăk Hà");
        OneStopConfig config = OneStopConfig.defaults().with(Map.of("server.port", "0", "data.dir", dir.toString()));
        server = DashboardServer.start(config, store);
    }

    @AfterAll
    static void stopDashboard() {
        server.stop();
        store.close();
    }

    static Browser browser() {
        return new Browser(server.url());
    }

    /** Audit actions of a user, oldest first. */
    static List<String> auditActions(String username) {
        return Sql.list(store, "SELECT action FROM audit_log WHERE username = ? ORDER BY id", rs -> rs.getString(1),
                username);
    }
}
