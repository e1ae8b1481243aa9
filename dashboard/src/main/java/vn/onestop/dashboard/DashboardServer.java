package vn.onestop.dashboard;

import static vn.onestop.dashboard.auth.Role.ADMIN;
import static vn.onestop.dashboard.auth.Role.AGENCY;
import static vn.onestop.dashboard.auth.Role.INSPECTOR;
import static vn.onestop.dashboard.auth.Role.MONITORING;
import static vn.onestop.dashboard.auth.Role.PUBLIC;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
import vn.onestop.dashboard.auth.MonitoringAccess;
import vn.onestop.dashboard.auth.SessionRegistry;
import vn.onestop.dashboard.export.ExportController;
import vn.onestop.dashboard.openapi.OpenApiDocument;
import vn.onestop.dashboard.ops.Health;
import vn.onestop.dashboard.ops.HttpMetrics;
import vn.onestop.dashboard.ops.Metrics;
import vn.onestop.dashboard.inspection.AgencyInspectionController;
import vn.onestop.dashboard.inspection.DrawController;
import vn.onestop.dashboard.inspection.PlanController;
import vn.onestop.dashboard.inspection.RiskController;
import vn.onestop.dashboard.pages.AgencyController;
import vn.onestop.dashboard.pages.ApiCache;
import vn.onestop.dashboard.pages.AuditController;
import vn.onestop.dashboard.pages.CaseController;
import vn.onestop.dashboard.pages.DataController;
import vn.onestop.dashboard.pages.HtmlSafeJson;
import vn.onestop.dashboard.pages.IndicatorController;
import vn.onestop.dashboard.pages.LoginController;
import vn.onestop.dashboard.pages.OverviewController;
import vn.onestop.dashboard.pages.PageFiles;
import vn.onestop.dashboard.pages.RankingController;
import vn.onestop.dashboard.pages.RunsController;
import vn.onestop.dashboard.pages.ShellController;
import vn.onestop.dashboard.published.PublishedResults;
import vn.onestop.dashboard.published.RunHistory;
import vn.onestop.dashboard.sql.StoreAccessException;
import vn.onestop.dashboard.text.Language;
import vn.onestop.inspection.Inspection;

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

    /** One entry of the route table: method, path and the roles that may open it. */
    public record Route(String method, String path, Set<RouteRole> roles) {
    }

    private final Javalin app;
    private final String host;
    private final List<Route> routeTable;

    private DashboardServer(Javalin app, String host, List<Route> routeTable) {
        this.app = app;
        this.host = host;
        this.routeTable = List.copyOf(routeTable);
    }

    /** Starts the server on {@code server.host}:{@code server.port} (port 0: any free port). */
    public static DashboardServer start(OneStopConfig config, Store store) {
        return start(config, store, Clock.systemUTC());
    }

    static DashboardServer start(OneStopConfig config, Store store, Clock clock) {
        long started = System.nanoTime();
        String host = config.string("server.host");
        List<Route> table = new ArrayList<>();
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.jetty.host = host;
            javalin.jetty.port = config.integer("server.port");
            javalin.jsonMapper(new JavalinJackson(HtmlSafeJson.mapper(), false));
            // gzip at its fastest level: a 75 KB page compresses 3 × faster than at the default 6, for a fifth more
            // bytes (15 KB, not 12 KB) — CPU, not bandwidth, is what an office server of 2 cores runs short of.
            javalin.http.compressionStrategy = new CompressionStrategy(null, new Gzip(ApiCache.GZIP_LEVEL));
            routes(javalin, config, store, clock, table);
        }).start();
        DashboardServer server = new DashboardServer(app, host, table);
        LOG.info("Dashboard listening on {} (started in {} ms)", server.url(), (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    private static void routes(JavalinConfig javalin, OneStopConfig config, Store store, Clock clock,
                               List<Route> table) {
        String provinceCode = config.provinceCode();
        String provinceName = config.provinceName();
        PublishedResults results = new PublishedResults(store);
        AuditLog audit = new AuditLog(store, clock);
        SessionRegistry sessions = new SessionRegistry(clock);
        LoginForms loginForms = new LoginForms();
        AccessControl access = new AccessControl(store, sessions, loginForms, MonitoringAccess.of(config));
        LoginController login = new LoginController(store, sessions, loginForms, new LoginThrottle(clock), audit, access);
        ShellController shell = new ShellController(results, provinceName);
        ApiCache pagesJson = new ApiCache();
        OverviewController overview = new OverviewController(results, provinceCode, provinceName, pagesJson);
        RankingController ranking = new RankingController(results, provinceCode, provinceName, pagesJson);
        AgencyController agency = new AgencyController(results, provinceCode, provinceName, pagesJson);
        IndicatorController indicator = new IndicatorController(results, provinceCode, provinceName, pagesJson);
        CaseController dossier = new CaseController(results, audit);
        DataController data = new DataController(results, new RunHistory(store), audit);
        AuditController auditPage = new AuditController(audit);
        RunsController runs = new RunsController(store, audit);
        ExportController export = new ExportController(results, audit, provinceCode, provinceName);
        Health health = new Health(store, clock, config.integer("ops.max_run_age_hours"));
        HttpMetrics httpMetrics = new HttpMetrics(table);
        javalin.requestLogger.http(httpMetrics::observe);
        Metrics metrics = new Metrics(httpMetrics, store, clock);
        Inspection inspection = Inspection.of(store, config, clock);
        RiskController risk = new RiskController(results, inspection);
        DrawController draws = new DrawController(results, inspection);
        PlanController plan = new PlanController(results, inspection, audit, clock);
        AgencyInspectionController inspect = new AgencyInspectionController(results, inspection, audit);

        // Our assets change with each release: revalidate. Webjar paths carry their version: keep.
        staticFiles(javalin, "/assets", "/web/assets", "no-cache");
        staticFiles(javalin, "/webjars", "/META-INF/resources/webjars", "max-age=31536000, immutable");

        var routes = javalin.routes;
        routes.before(DashboardServer::commonHeaders);
        routes.beforeMatched(access::check);
        RouteTable r = new RouteTable(routes, table);

        r.get("/login", login::page, PUBLIC);
        r.post("/login", login::submit, PUBLIC);
        r.get("/api/login-token", login::token, PUBLIC);
        r.get("/api/labels", shell::labels, PUBLIC);
        r.post("/logout", login::logout, SIGNED_IN);

        r.get("/", shell::home, SIGNED_IN);
        r.get("/api/shell", shell::shell, SIGNED_IN);

        r.get("/overview", overview::page, PROVINCE_WIDE);
        r.get("/api/overview", overview::api, PROVINCE_WIDE);

        r.get("/ranking", ranking::page, SIGNED_IN);
        r.get("/api/ranking", ranking::api, SIGNED_IN);

        r.get("/indicator/{id}", indicator::page, SIGNED_IN);
        r.get("/api/indicators/{id}", indicator::api, SIGNED_IN);

        r.get("/agency", agency::pickerPage, SIGNED_IN);
        r.get("/agency/{code}", agency::page, SIGNED_IN);
        r.get("/api/agencies", agency::list, SIGNED_IN);
        r.get("/api/agencies/{code}", agency::api, SIGNED_IN);
        r.get("/api/agencies/{code}/cases", agency::cases, SIGNED_IN);
        r.get("/api/agencies/{code}/procedure-flags", agency::procedureFlags, SIGNED_IN);

        r.get("/case/{id}", dossier::page, SIGNED_IN);
        r.get("/api/cases/{id}", dossier::api, SIGNED_IN);

        r.get("/export/indicators.csv", export::csv, SIGNED_IN);
        r.get("/export/indicators.xlsx", export::xlsx, SIGNED_IN);
        r.get("/export/report06.xlsx", export::report06, SIGNED_IN);

        r.get("/data", data::page, PROVINCE_WIDE);
        r.get("/api/data", data::api, PROVINCE_WIDE);
        r.get("/api/data/quarantine", data::quarantine, PROVINCE_WIDE);

        r.get("/runs", runs::page, PROVINCE_WIDE);
        r.get("/api/runs", runs::list, PROVINCE_WIDE);
        r.get("/api/runs/{id}", runs::detail, PROVINCE_WIDE);
        r.post("/api/runs/{id}/cancel", runs::cancel, ADMIN);
        r.get("/inspection", risk::page, PROVINCE_WIDE);
        r.get("/api/inspection/risk", risk::risk, PROVINCE_WIDE);
        r.get("/api/inspection/rates", risk::rates, PROVINCE_WIDE);
        r.get("/inspection/draw", draws::page, PROVINCE_WIDE);
        r.get("/api/inspection/draws", draws::list, PROVINCE_WIDE);
        r.post("/api/inspection/draws", draws::draw, PROVINCE_WIDE);
        r.get("/api/inspection/draws/{id}", draws::show, PROVINCE_WIDE);
        r.get("/api/inspection/draws/{id}/verify", draws::verify, PROVINCE_WIDE);
        r.get("/inspection/plan", plan::page, PROVINCE_WIDE);
        r.get("/api/inspection/plan", plan::api, PROVINCE_WIDE);
        r.post("/api/inspection/plan/items", plan::add, PROVINCE_WIDE);
        r.post("/api/inspection/plan/items/{id}/remove", plan::remove, PROVINCE_WIDE);
        r.get("/export/inspection/plan.xlsx", plan::export, PROVINCE_WIDE);
        r.get("/inspection/agency/{code}", inspect::page, PROVINCE_WIDE);
        r.get("/api/inspection/agency/{code}", inspect::api, PROVINCE_WIDE);
        r.post("/api/inspection/agency/{code}/samples", inspect::takeSample, PROVINCE_WIDE);
        r.post("/api/inspection/outcomes", inspect::recordOutcome, PROVINCE_WIDE);
        r.get("/export/inspection/evidence/{code}.xlsx", inspect::evidence, PROVINCE_WIDE);
        // Agency viewers may download their own self-inspection sheet (the plans ask them to inspect themselves).
        r.get("/export/inspection/self-inspection/{code}.xlsx", inspect::selfInspection, SIGNED_IN);

        r.get("/audit", auditPage::page, ADMIN);
        r.get("/api/audit", auditPage::api, ADMIN);

        r.get("/api/openapi.json", OpenApiDocument.load()::serve, PUBLIC);
        r.get("/health/live", health::live, PUBLIC);
        r.get("/health/ready", health::ready, PUBLIC);
        r.get("/metrics", metrics::scrape, MONITORING);

        routes.error(403, "html", ctx -> PageFiles.serve(ctx.status(403), "forbidden"));
        // A mistyped address in the browser gets a page in the officials' language with a way back, not Javalin's
        // plain English line; API clients keep the JSON answer.
        routes.error(404, "html", ctx -> PageFiles.serve(ctx.status(404), "not-found"));
        routes.exception(StoreAccessException.class, (e, ctx) -> {
            LOG.error("Store access failed on {}", ctx.path(), e);
            ctx.status(500).json(Map.of("title", "store_unavailable", "status", 500));
        });
    }

    /** Registers routes and keeps the table of them (method, path, roles) that {@link #routes()} answers. */
    private record RouteTable(JavalinDefaultRoutingApi routes, List<Route> table) {
        void get(String path, Handler handler, RouteRole... roles) {
            add(HandlerType.GET, path, handler, roles);
        }

        void post(String path, Handler handler, RouteRole... roles) {
            add(HandlerType.POST, path, handler, roles);
        }

        private void add(HandlerType method, String path, Handler handler, RouteRole... roles) {
            routes.addHttpHandler(method, path, handler, roles);
            table.add(new Route(method.name(), path, Set.of(roles)));
        }
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

    /** Every route with the roles that may open it, in the order declared. */
    public List<Route> routes() {
        return routeTable;
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
