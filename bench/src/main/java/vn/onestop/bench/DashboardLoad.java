package vn.onestop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent clients on the API behind every dashboard page, signed in like a browser: the login form's token, the
 * form, the session cookie. Each client loops for a fixed time over a mix of the overview, the ranking, an agency,
 * an indicator, an agency's flagged dossiers and one dossier, for random agencies, indicators, dossiers and months
 * (seeded), and every answer's time is kept. Loopback only, bounded in time.
 */
final class DashboardLoad {
    private static final int SESSIONS = 4;

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> sessions = new ArrayList<>();
    private List<String> agencies = List.of();
    private List<String> indicators = List.of();
    private List<String> cases = List.of();
    private List<String> months = List.of();
    private String range;

    DashboardLoad(String base) {
        this.base = base;
    }

    /** Latencies of one concurrency level. */
    record Level(int clients, long requests, long errors, double seconds, double p50Ms, double p95Ms, double p99Ms,
                 double maxMs, Map<String, Double> p95MsByApi) {
        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    /** Waits until the dashboard answers its login page. */
    void awaitUp(Duration timeout, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The dashboard stopped (exit " + process.exitValue() + ")");
            }
            try {
                if (get("/login", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The dashboard did not answer within " + timeout.toSeconds() + " s");
    }

    /**
     * Signs in a few sessions and reads what the pages link to: the periods of the picker (the last 12 months and
     * the whole range), agencies, dossiers behind R01 flags.
     */
    void prepare(String user, String password, List<String> indicatorIds) throws IOException, InterruptedException {
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(login(user, password));
        }
        List<String> monthIds = new ArrayList<>();
        for (JsonNode p : json("/api/shell", sessions.get(0)).get("periods")) {
            if (p.get("kind").asText().equals("month") && monthIds.size() < 12) {
                monthIds.add(p.get("id").asText());
            } else if (p.get("kind").asText().equals("range")) {
                range = p.get("id").asText();
            }
        }
        List<String> codes = new ArrayList<>();
        json("/api/agencies", sessions.get(0)).forEach(a -> codes.add(a.get("code").asText()));
        agencies = codes;
        List<String> ids = new ArrayList<>();
        for (String code : codes) {
            JsonNode page = json("/api/agencies/" + code + "/cases?rule=R01&size=20&period=" + enc(range), sessions.get(0));
            page.get("rows").forEach(r -> ids.add(r.get("caseId").asText()));
            if (ids.size() >= 200) {
                break;
            }
        }
        cases = ids;
        indicators = indicatorIds;
        months = monthIds;
        if (agencies.isEmpty() || cases.isEmpty() || months.isEmpty() || range == null) {
            throw new IllegalStateException("The published run has no agency, month or R01 dossier to ask for");
        }
    }

    private String login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> token = get("/api/login-token", null);
        String formCookie = cookie(token, "osm_login");
        String csrf = Results.JSON.readTree(token.body()).get("csrf").asText();
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&csrf=" + enc(csrf) + "&next=%2F";
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "osm_login=" + formCookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String session = cookie(signedIn, "osm_session");
        if (session == null || session.isEmpty()) {
            throw new IllegalStateException("Cannot sign in to the dashboard as " + user + " (HTTP "
                    + signedIn.statusCode() + ", " + signedIn.headers().firstValue("Location").orElse("") + ")");
        }
        return session;
    }

    /** The APIs of the mix, in the order {@link #path} numbers them. */
    private static final List<String> APIS = List.of("overview", "ranking", "agency", "indicator", "agency cases",
            "case");

    /** One request of the mix: the API of a page ({@code api}, an index into {@link #APIS}), with random arguments. */
    private String path(int api, SplittableRandom rng) {
        String period = rng.nextInt(4) == 0 ? "" : "?period=" + enc(months.get(rng.nextInt(months.size())));
        String agency = agencies.get(rng.nextInt(agencies.size()));
        return switch (api) {
            case 0 -> "/api/overview" + period;
            case 1 -> "/api/ranking" + period;
            case 2 -> "/api/agencies/" + agency + period;
            case 3 -> "/api/indicators/" + indicators.get(rng.nextInt(indicators.size())) + period;
            case 4 -> "/api/agencies/" + agency + "/cases" + (period.isEmpty() ? "?period=" + enc(range) : period);
            default -> "/api/cases/" + enc(cases.get(rng.nextInt(cases.size())));
        };
    }

    /** {@code clients} threads asking one after another for {@code seconds}. */
    Level run(int clients, double seconds, long seed) throws InterruptedException {
        long[][] times = new long[clients][];
        byte[][] apis = new byte[clients][];
        int[] counts = new int[clients];
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread t = new Thread(() -> {
                SplittableRandom rng = new SplittableRandom(seed * 1_000 + client);
                long[] mine = new long[1 << 12];
                byte[] mineApis = new byte[1 << 12];
                int n = 0;
                String session = sessions.get(client % sessions.size());
                while (System.nanoTime() < end) {
                    int api = rng.nextInt(APIS.size());
                    String path = path(api, rng);
                    long t0 = System.nanoTime();
                    try {
                        if (load(path, session) != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                        mineApis = Arrays.copyOf(mineApis, n * 2);
                    }
                    mineApis[n] = (byte) api;
                    mine[n++] = System.nanoTime() - t0;
                }
                times[client] = mine;
                apis[client] = mineApis;
                counts[client] = n;
            }, "bench-client-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(times[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Map<String, Double> byApi = new LinkedHashMap<>();
        for (int api = 0; api < APIS.size(); api++) {
            List<Long> these = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                for (int j = 0; j < counts[i]; j++) {
                    if (apis[i][j] == api) {
                        these.add(times[i][j]);
                    }
                }
            }
            long[] sorted = these.stream().mapToLong(Long::longValue).sorted().toArray();
            byApi.put(APIS.get(api), Math.round(percentile(sorted, 95) * 10) / 10.0);
        }
        Arrays.sort(all);
        return new Level(clients, total, errors.get(), elapsed, percentile(all, 50), percentile(all, 95),
                percentile(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, byApi);
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    /**
     * One request of the load, as a browser makes it: it accepts gzip (the dashboard compresses its JSON) and its
     * time runs to the body's last byte. Returns the status.
     */
    private int load(String path, String session) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", "osm_session=" + session).header("Accept-Encoding", "gzip").GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
    }

    private HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        if (session != null) {
            b.header("Cookie", "osm_session=" + session);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path, String session) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path, session);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered HTTP " + r.statusCode());
        }
        return Results.JSON.readTree(r.body());
    }

    private static String cookie(HttpResponse<?> response, String name) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String header : response.headers().allValues("Set-Cookie")) {
            String[] kv = header.split(";", 2)[0].split("=", 2);
            if (kv.length == 2) {
                found.put(kv[0].strip(), kv[1].strip());
            }
        }
        return found.get(name);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
