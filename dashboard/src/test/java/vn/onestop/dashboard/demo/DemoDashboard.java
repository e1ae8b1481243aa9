package vn.onestop.dashboard.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.DashboardServer;
import vn.onestop.dashboard.auth.UserAccounts;

/**
 * Test-only: a dashboard over {@link DemoProvince} for looking at the pages.
 * {@code DemoDashboard <empty folder> [port]}; users admin, inspector and tuphap (agency viewer of Sở Tư pháp),
 * password {@value #PASSWORD}.
 */
public final class DemoDashboard {
    static final String PASSWORD = "xem-thu-2024";

    private DemoDashboard() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/demo-store");
        String port = args.length > 1 ? args[1] : "7071";
        boolean fresh = !Files.exists(dir.resolve("store.mv.db"));
        Store store = Store.open("jdbc:h2:file:" + dir.toAbsolutePath().resolve("store")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", 4);
        if (fresh) {
            DemoProvince.publish(store);
            UserAccounts.create(store, "admin", PASSWORD, "admin", null, "Quản trị hệ thống");
            UserAccounts.create(store, "inspector", PASSWORD, "inspector", null, "Nguyễn Thị Kiểm Tra");
            UserAccounts.create(store, "tuphap", PASSWORD, "agency", "000.00.10.H34", "Cán bộ Sở Tư pháp");
        }
        DashboardServer server = DashboardServer.start(OneStopConfig.defaults()
                .with(Map.of("server.port", port, "data.dir", dir.toString())), store);
        System.out.println("Dashboard at " + server.url() + " (users admin, inspector, tuphap; password " + PASSWORD + ")");
        Thread.currentThread().join();
    }
}
