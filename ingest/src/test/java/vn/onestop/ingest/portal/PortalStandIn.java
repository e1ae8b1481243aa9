package vn.onestop.ingest.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the national portal's dossier feed on 127.0.0.1: a token endpoint (client credentials)
 * whose tokens stop working after a few requests, and a paged feed that answers like the portal
 * ({@code {"error_code": "0", "message": "", "total": T, "page": P, "pageSize": S, "result": [...]}}), refuses a
 * missing or stale token with 401, and fails the first request for one page with 503.
 */
final class PortalStandIn implements AutoCloseable {
    static final String CLIENT_ID = "onestop-tinh";
    static final String CLIENT_SECRET = "bi-mat";

    private final HttpServer server;
    private final List<String> dossiers;
    private final Map<String, AtomicInteger> tokens = new ConcurrentHashMap<>();
    private final Set<Integer> failedOnce = ConcurrentHashMap.newKeySet();
    private final int usesPerToken;
    private final int flakyPage;
    final AtomicInteger tokensIssued = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();

    /**
     * @param feed         a one-object-per-line feed file: the dossiers served, in order
     * @param usesPerToken requests a token is good for
     * @param flakyPage    page answered 503 the first time it is asked for
     */
    PortalStandIn(Path feed, int usesPerToken, int flakyPage) throws IOException {
        this.dossiers = Files.readAllLines(feed, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        this.usesPerToken = usesPerToken;
        this.flakyPage = flakyPage;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth/token", this::token);
        server.createContext("/api/hoso", this::feed);
        server.start();
    }

    String tokenUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/token";
    }

    String feedUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/hoso";
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> form = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!x.getRequestMethod().equals("POST") || !CLIENT_ID.equals(form.get("client_id"))
                || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            send(x, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, new AtomicInteger());
        tokensIssued.incrementAndGet();
        send(x, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private void feed(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        AtomicInteger uses = auth == null ? null : tokens.get(auth.replaceFirst("^Bearer ", ""));
        if (uses == null || uses.incrementAndGet() > usesPerToken) {
            refused.incrementAndGet();
            send(x, 401, "{\"error_code\":\"401\",\"message\":\"Token không hợp lệ hoặc đã hết hạn\"}");
            return;
        }
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        int size = Integer.parseInt(q.getOrDefault("pageSize", "50"));
        if (page == flakyPage && failedOnce.add(page)) {
            unavailable.incrementAndGet();
            send(x, 503, "<html><body>Service Temporarily Unavailable</body></html>");
            return;
        }
        int from = Math.min(dossiers.size(), (page - 1) * size);
        int to = Math.min(dossiers.size(), from + size);
        String body = "{\"error_code\":\"0\",\"message\":\"\",\"total\":" + dossiers.size() + ",\"page\":" + page
                + ",\"pageSize\":" + size + ",\"result\":[" + String.join(",", dossiers.subList(from, to)) + "]}";
        send(x, 200, body);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", status == 503 ? "text/html" : "application/json; charset=utf-8");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
