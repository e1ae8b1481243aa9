package vn.onestop.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol (one WebSocket, flattened sessions): open a page,
 * wait for a condition, run a script, click, take a screenshot, download into a folder. Console errors (CSP
 * violations included) and JavaScript dialogs (an {@code alert} from injected markup) are recorded.
 */
final class Chromium implements AutoCloseable {
    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final String session;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    static boolean isInstalled() {
        return Files.isExecutable(EXECUTABLE);
    }

    /** Starts a fresh browser (new profile) whose downloads go to {@code downloads}. */
    static Chromium start(Path downloads) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        Process process = new ProcessBuilder(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1366,768", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    Matcher m = DEVTOOLS.matcher(line);
                    if (m.find()) {
                        endpoint.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the browser went away
            }
            endpoint.completeExceptionally(new IllegalStateException("Chromium ended without a DevTools endpoint"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return new Chromium(process, profile, endpoint.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), downloads);
        } catch (Exception e) {
            process.destroyForcibly();
            deleteTree(profile);
            throw e;
        }
    }

    private Chromium(Process process, Path profile, String endpoint, Path downloads) throws Exception {
        this.process = process;
        this.profile = profile;
        StringBuilder partial = new StringBuilder();
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(endpoint), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            receive(partial.toString());
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        this.session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .get("sessionId").asText();
        call(null, "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        for (String domain : List.of("Page.enable", "Runtime.enable", "Log.enable")) {
            call(domain, Map.of());
        }
        call("Emulation.setDeviceMetricsOverride", Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1,
                "mobile", false));
    }

    /** Opens a URL and waits until its load event. */
    void open(String url) throws Exception {
        loaded = new CompletableFuture<>();
        call("Page.navigate", Map.of("url", url));
        loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Waits until a JavaScript expression is truthy in the page (the page builds itself after its API answers); an
     * expression that fails, as it may while a new page replaces the old one, counts as not yet.
     */
    void waitFor(String expression) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode v;
            try {
                v = call("Runtime.evaluate", Map.of("expression", "Boolean(" + expression + ")", "returnByValue", true));
            } catch (IllegalStateException e) {
                // Chromium refuses the evaluation itself while the old page goes away ("Inspected target navigated
                // or closed", "Execution context was destroyed"): not yet, like a failing expression.
                if (!isNavigationRace(e)) {
                    throw e;
                }
                v = null;
            }
            if (v != null && v.path("result").path("value").asBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Timed out waiting for " + expression + " on " + eval("location.href").asText()
                + "; problems: " + problems);
    }

    private static boolean isNavigationRace(IllegalStateException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("navigated or closed") || m.contains("Execution context was destroyed")
                || m.contains("Cannot find context");
    }

    /** Evaluates an expression (promises awaited) and returns its value. */
    JsonNode eval(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("Script failed: " + expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    String text(String selector) throws Exception {
        return eval("(document.querySelector(" + JSON.writeValueAsString(selector) + ") || {}).textContent || ''")
                .asText();
    }

    /** Clicks the first element matching the selector, as a person would (the element's own click). */
    void click(String selector) throws Exception {
        String s = JSON.writeValueAsString(selector);
        waitFor("document.querySelector(" + s + ")");
        eval("document.querySelector(" + s + ").click()");
    }

    void screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    /** Console errors, uncaught exceptions and refused resources seen so far (CSP violations are console errors). */
    List<String> problems() {
        return new ArrayList<>(problems);
    }

    /** Messages of JavaScript dialogs (alert, confirm) opened so far; each was dismissed. */
    List<String> dialogs() {
        return new ArrayList<>(dialogs);
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        return call(session, method, params);
    }

    private JsonNode call(String sessionId, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        Map<String, Object> message = new HashMap<>(Map.of("id", id, "method", method, "params", params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        socket.sendText(JSON.writeValueAsString(message), true).join();
        JsonNode reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    private void receive(String text) {
        JsonNode msg;
        try {
            msg = JSON.readTree(text);
        } catch (IOException e) {
            problems.add("unreadable DevTools message: " + e);
            return;
        }
        if (msg.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
            if (f != null) {
                f.complete(msg);
            }
            return;
        }
        JsonNode params = msg.path("params");
        switch (msg.path("method").asText()) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Page.javascriptDialogOpening" -> {
                dialogs.add(params.path("message").asText());
                socket.sendText("{\"id\":" + ids.incrementAndGet() + ",\"sessionId\":\"" + session
                        + "\",\"method\":\"Page.handleJavaScriptDialog\",\"params\":{\"accept\":false}}", true);
            }
            case "Runtime.exceptionThrown" -> problems.add("exception: " + params.path("exceptionDetails"));
            case "Runtime.consoleAPICalled" -> {
                if ("error".equals(params.path("type").asText())) {
                    problems.add("console.error: " + params.path("args"));
                }
            }
            case "Log.entryAdded" -> {
                JsonNode entry = params.path("entry");
                if ("error".equals(entry.path("level").asText())) {
                    problems.add(entry.path("source").asText() + ": " + entry.path("text").asText() + " "
                            + entry.path("url").asText());
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.sendText("{\"id\":" + ids.incrementAndGet() + ",\"method\":\"Browser.close\",\"params\":{}}", true)
                    .get(5, TimeUnit.SECONDS);
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // ended below
        }
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        deleteTree(profile);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
