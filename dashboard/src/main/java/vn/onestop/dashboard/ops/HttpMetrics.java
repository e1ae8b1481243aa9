package vn.onestop.dashboard.ops;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import vn.onestop.dashboard.DashboardServer;

/**
 * Requests answered, by method, route (the route table's pattern, so {@code /api/cases/{id}} is one series however
 * many dossiers are opened) and status, and their latency as a histogram by method and route. Fed by Javalin's
 * request logger, which sees every request, refused ones included: a request refused before its handler ran is
 * matched against the route table here.
 */
public final class HttpMetrics {
    /** Upper bounds in seconds: the API's target is well under 50 ms, exports take seconds. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private record Series(String method, String route) {
    }

    private record Outcome(String method, String route, int status) {
    }

    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length + 1];
        final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            int i = 0;
            while (i < BUCKETS.length && seconds > BUCKETS[i]) {
                i++;
            }
            buckets[i].increment();
            sum.add(seconds);
        }
    }

    private final Map<Outcome, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<Series, Histogram> durations = new ConcurrentHashMap<>();
    private final List<DashboardServer.Route> routeTable;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    /** @param routeTable the server's routes (filled before the first request arrives) */
    public HttpMetrics(List<DashboardServer.Route> routeTable) {
        this.routeTable = routeTable;
    }

    /** Javalin's {@code RequestLogger}: called once per request with its handling time. */
    public void observe(Context ctx, Float milliseconds) {
        String method = ctx.method().name();
        String route = route(ctx);
        requests.computeIfAbsent(new Outcome(method, route, ctx.statusCode()), k -> new LongAdder()).increment();
        durations.computeIfAbsent(new Series(method, route), k -> new Histogram()).observe(milliseconds / 1000.0);
    }

    /** The matched route's pattern; static files by their folder; anything else one series, so scans stay cheap. */
    private String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        String path = ctx.path();
        String method = ctx.method().name();
        for (DashboardServer.Route r : routeTable) {
            if (r.method().equals(method) && patterns.computeIfAbsent(r.path(), HttpMetrics::pattern).matcher(path)
                    .matches()) {
                return r.path();
            }
        }
        if (path.startsWith("/assets/")) {
            return "/assets/*";
        }
        if (path.startsWith("/webjars/")) {
            return "/webjars/*";
        }
        return "unmatched";
    }

    private static Pattern pattern(String routePath) {
        StringBuilder regex = new StringBuilder();
        for (String part : routePath.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    void writeTo(PrometheusText text) {
        text.family("onestop_http_requests_total", "counter", "HTTP requests answered, by method, route and status.");
        requests.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Outcome, LongAdder> e) -> e.getKey().route())
                        .thenComparing(e -> e.getKey().method()).thenComparing(e -> e.getKey().status()))
                .forEach(e -> text.sample("onestop_http_requests_total", e.getValue().sum(),
                        "method", e.getKey().method(), "route", e.getKey().route(),
                        "status", String.valueOf(e.getKey().status())));
        String name = "onestop_http_request_duration_seconds";
        text.family(name, "histogram", "Time to answer an HTTP request, by method and route.");
        durations.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Series, Histogram> e) -> e.getKey().route())
                        .thenComparing(e -> e.getKey().method()))
                .forEach(e -> {
                    String method = e.getKey().method();
                    String route = e.getKey().route();
                    Histogram h = e.getValue();
                    long cumulative = 0;
                    for (int i = 0; i <= BUCKETS.length; i++) {
                        cumulative += h.buckets[i].sum();
                        String le = i < BUCKETS.length ? PrometheusText.number(BUCKETS[i]) : "+Inf";
                        text.sample(name + "_bucket", cumulative, "method", method, "route", route, "le", le);
                    }
                    text.sample(name + "_sum", h.sum.sum(), "method", method, "route", route);
                    text.sample(name + "_count", cumulative, "method", method, "route", route);
                });
    }
}
