package vn.onestop.dashboard;

import static vn.onestop.dashboard.auth.Role.ADMIN;
import static vn.onestop.dashboard.auth.Role.AGENCY;
import static vn.onestop.dashboard.auth.Role.INSPECTOR;
import static vn.onestop.dashboard.auth.Role.PUBLIC;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.auth.AccessControl;
import vn.onestop.dashboard.auth.AuditLog;
import vn.onestop.dashboard.auth.Cookies;
import vn.onestop.dashboard.auth.LoginForms;
import vn.onestop.dashboard.auth.LoginThrottle;
import vn.onestop.dashboard.auth.SessionRegistry;
import vn.onestop.dashboard.export.ExportController;
import vn.onestop.dashboard.pages.AgencyController;
import vn.onestop.dashboard.pages.DataController;
import vn.onestop.dashboard.pages.HtmlSafeJson;
import vn.onestop.dashboard.pages.LoginController;
import vn.onestop.dashboard.pages.OverviewController;
import vn.onestop.dashboard.pages.PageFiles;
import vn.onestop.dashboard.pages.RankingController;
import vn.onestop.dashboard.pages.ShellController;
import vn.onestop.dashboard.published.PublishedResults;
import vn.onestop.dashboard.published.RunHistory;
import vn.onestop.dashboard.sql.StoreAccessException;
import vn.onestop.dashboard.text.Language;

/**
 * The dashboard web server. Every route and the roles that may open it are listed in {@link #routes}; access
 * control, anti-forgery checks and security headers apply to all of them.
 */
public final class DashboardServer {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final RouteRole[] SIGNED_IN = {ADMIN, INSPECTOR, AGENCY};
    private static final RouteRole[] PROVINCE_WIDE = {ADMIN, INSPECTOR};
    private static final int LANGUAGE_COOKIE_SECONDS = 365 * 24 * 60 * 60;

    /** Headers of every response: no framing, no sniffing, scripts and styles only from this server. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

    private final Javalin app;
    private final String host;

    private DashboardServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /** Starts the server on {@code server.host}:{@code server.port} (port 0: any free port). */
    public static DashboardServer start(OneStopConfig config, Store store) {
        return start(config, store, Clock.systemUTC());
    }

    static DashboardServer start(OneStopConfig config, Store store, Clock clock) {
        long started = System.nanoTime();
        String host = config.string("server.host");
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.jetty.host = host;
            javalin.jetty.port = config.integer("server.port");
            javalin.jsonMapper(new JavalinJackson(HtmlSafeJson.mapper(), false));
            routes(javalin, config, store, clock);
        }).start();
        DashboardServer server = new DashboardServer(app, host);
        LOG.info("Dashboard listening on {} (started in {} ms)", server.url(), (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    private static void routes(JavalinConfig javalin, OneStopConfig config, Store store, Clock clock) {
        String provinceCode = config.provinceCode();
        String provinceName = config.provinceName();
        PublishedResults results = new PublishedResults(store);
        AuditLog audit = new AuditLog(store, clock);
        SessionRegistry sessions = new SessionRegistry(clock);
        LoginForms loginForms = new LoginForms();
        AccessControl access = new AccessControl(store, sessions, loginForms);
        LoginController login = new LoginController(store, sessions, loginForms, new LoginThrottle(clock), audit, access);
        ShellController shell = new ShellController(results, provinceName);
        OverviewController overview = new OverviewController(results, provinceCode, provinceName);
        RankingController ranking = new RankingController(results, provinceCode, provinceName);
        AgencyController agency = new AgencyController(results, provinceCode, provinceName);
        DataController data = new DataController(results, new RunHistory(store), audit);
        ExportController export = new ExportController(results, audit, provinceCode, provinceName);

        // Our assets change with each release: revalidate. Webjar paths carry their version: keep.
        staticFiles(javalin, "/assets", "/web/assets", "no-cache");
        staticFiles(javalin, "/webjars", "/META-INF/resources/webjars", "max-age=31536000, immutable");

        var routes = javalin.routes;
        routes.before(DashboardServer::commonHeaders);
        routes.beforeMatched(access::check);

        routes.get("/login", login::page, PUBLIC);
        routes.post("/login", login::submit, PUBLIC);
        routes.get("/api/login-token", login::token, PUBLIC);
        routes.get("/api/labels", shell::labels, PUBLIC);
        routes.post("/logout", login::logout, SIGNED_IN);

        routes.get("/", shell::home, SIGNED_IN);
        routes.get("/api/shell", shell::shell, SIGNED_IN);

        routes.get("/overview", overview::page, PROVINCE_WIDE);
        routes.get("/api/overview", overview::api, PROVINCE_WIDE);

        routes.get("/ranking", ranking::page, SIGNED_IN);
        routes.get("/api/ranking", ranking::api, SIGNED_IN);
        routes.get("/export/indicators.csv", export::csv, SIGNED_IN);
        routes.get("/export/indicators.xlsx", export::xlsx, SIGNED_IN);

        routes.get("/agency", agency::pickerPage, SIGNED_IN);
        routes.get("/agency/{code}", agency::page, SIGNED_IN);
        routes.get("/api/agencies", agency::list, SIGNED_IN);
        routes.get("/api/agencies/{code}", agency::api, SIGNED_IN);
        routes.get("/api/agencies/{code}/cases", agency::cases, SIGNED_IN);

        routes.get("/data", data::page, PROVINCE_WIDE);
        routes.get("/api/data", data::api, PROVINCE_WIDE);
        routes.get("/api/data/quarantine", data::quarantine, PROVINCE_WIDE);

        routes.error(403, "html", ctx -> PageFiles.serve(ctx.status(403), "forbidden"));
        routes.exception(StoreAccessException.class, (e, ctx) -> {
            LOG.error("Store access failed on {}", ctx.path(), e);
            ctx.status(500).json(Map.of("title", "store_unavailable", "status", 500));
        });
    }

    private static void staticFiles(JavalinConfig javalin, String hostedPath, String classpathDirectory,
                                    String cacheControl) {
        javalin.staticFiles.add(files -> {
            files.hostedPath = hostedPath;
            files.directory = classpathDirectory;
            files.location = Location.CLASSPATH;
            files.roles = Set.of(PUBLIC);
            files.headers = Map.of("Cache-Control", cacheControl);
        });
    }

    private static void commonHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
        ctx.header("Cache-Control", "no-store");
        String lang = ctx.queryParam("lang");
        if (lang != null && Language.isKnown(lang)) {
            Cookies.set(ctx, Cookies.LANGUAGE, Language.parse(lang).code(), LANGUAGE_COOKIE_SECONDS);
        }
    }

    public int port() {
        return app.port();
    }

    public String url() {
        return "http://" + host + ":" + port();
    }

    public void stop() {
        app.stop();
    }
}
