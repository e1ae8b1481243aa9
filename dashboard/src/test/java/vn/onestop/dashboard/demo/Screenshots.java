package vn.onestop.dashboard.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: logs in through the real login form in a headless Chromium (DevTools protocol) and saves a 1366 × 768
 * screenshot of each page, printing console errors (CSP violations included).
 * {@code Screenshots <devtools port> <dashboard url> <user> <password> <out dir> <path>[|script]...}: a script after
 * "|" runs in the page before its screenshot (e.g. to open a "?" help).
 */
public final class Screenshots {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> console = new ArrayList<>();

    private Screenshots(WebSocket socket) {
        this.socket = socket;
    }

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + args[0] + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
        String ws = null;
        for (JsonNode t : targets) {
            if (t.get("type").asText().equals("page")) {
                ws = t.get("webSocketDebuggerUrl").asText();
            }
        }
        Screenshots[] self = new Screenshots[1];
        StringBuilder partial = new StringBuilder();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    self[0].receive(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).join();
        Screenshots s = new Screenshots(socket);
        self[0] = s;
        s.call("Page.enable", Map.of());
        s.call("Runtime.enable", Map.of());
        s.call("Log.enable", Map.of());
        s.call("Emulation.setDeviceMetricsOverride", Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
        String base = args[1];
        Path out = Path.of(args[4]);
        Files.createDirectories(out);
        s.open(base + "/login");
        s.shoot(out.resolve("login.png"));
        s.call("Runtime.evaluate", Map.of("expression", "document.getElementById('username').value=" + JSON.writeValueAsString(args[2])
                + ";document.getElementById('password').value=" + JSON.writeValueAsString(args[3])
                + ";document.getElementById('login-form').submit();"));
        Thread.sleep(2500);
        for (int i = 5; i < args.length; i++) {
            String[] pathAndScript = args[i].split("\\|", 2);
            s.open(base + pathAndScript[0]);
            if (pathAndScript.length > 1) {
                s.call("Runtime.evaluate", Map.of("expression", pathAndScript[1]));
                Thread.sleep(500);
            }
            s.shoot(out.resolve(String.format("%02d-%s.png", i - 4,
                    pathAndScript[0].replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", ""))));
        }
        s.console.forEach(line -> System.out.println("console: " + line));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    private void open(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
        Thread.sleep(3000);
    }

    private void shoot(Path file) throws Exception {
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
        System.out.println("saved " + file);
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
        return answer.get(30, TimeUnit.SECONDS);
    }

    private void receive(String text) {
        try {
            JsonNode msg = JSON.readTree(text);
            if (msg.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                if (f != null) {
                    f.complete(msg.path("result"));
                }
            } else if ("Runtime.exceptionThrown".equals(msg.path("method").asText())) {
                console.add("exception " + msg.path("params").path("exceptionDetails").toString());
            } else if ("Log.entryAdded".equals(msg.path("method").asText())) {
                console.add(msg.path("params").path("entry").path("level").asText() + " "
                        + msg.path("params").path("entry").path("text").asText());
            } else if ("Runtime.consoleAPICalled".equals(msg.path("method").asText())) {
                console.add(msg.path("params").path("type").asText() + " " + msg.path("params").path("args").toString());
            }
        } catch (Exception e) {
            console.add("unreadable message " + e);
        }
    }
}
