package vn.onestop.ingest.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import vn.onestop.ingest.SourceRetry;

/**
 * Pulls the national portal's dossier feed over HTTP, page by page ({@code ?page=N&pageSize=S}, answered with
 * {@code {"error_code": 0, "total": T, "result": [...]}}), with a bearer token: a configured one, or one issued by
 * a token URL for a client id and secret (OAuth client credentials), renewed when it expires or is refused. Every
 * page is fetched with bounded retries; a source that stays down fails the pull with a message saying so.
 */
public final class PortalClient {
    /** Where the feed is and how to authenticate. */
    public record Settings(String url, String token, String tokenUrl, String clientId, String clientSecret,
                           int pageSize) {
    }

    private final Settings settings;
    private final SourceRetry retry;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private Instant tokenExpires = Instant.MAX;

    public PortalClient(Settings settings, SourceRetry retry) {
        this.settings = settings;
        this.retry = retry;
        this.token = settings.token() == null || settings.token().isBlank() ? null : settings.token();
    }

    public String describe() {
        return "the national portal feed (" + settings.url().split("\\?", 2)[0] + ")";
    }

    /** Calls {@code sink} with every dossier of the feed; returns how many there were. */
    public long pull(Consumer<JsonNode> sink) {
        long seen = 0;
        for (int page = 1; ; page++) {
            int p = page;
            JsonNode body = retry.run(describe() + ", page " + page, () -> fetch(p));
            JsonNode result = body.path("result");
            for (JsonNode d : result) {
                sink.accept(d);
                seen++;
            }
            long total = body.path("total").asLong(-1);
            if (result.isEmpty() || (total >= 0 && (long) page * settings.pageSize() >= total)) {
                return seen;
            }
        }
    }

    private JsonNode fetch(int page) throws IOException, InterruptedException {
        HttpResponse<String> response = get(page);
        if (response.statusCode() == 401 && settings.tokenUrl() != null && !settings.tokenUrl().isBlank()) {
            token = null; // expired or revoked: ask for a new one, once
            response = get(page);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new SourceRetry.TransientFailure("HTTP " + status + " " + excerpt(response.body()));
        }
        if (status != 200) {
            throw new IOException("HTTP " + status + (status == 401 || status == 403
                    ? " (the token was refused: check source.portal.token or the client id and secret)" : "")
                    + " " + excerpt(response.body()));
        }
        JsonNode body = PortalJson.MAPPER.readTree(response.body());
        if (body.path("error_code").asInt(0) != 0) {
            throw new IOException("the portal answered error_code " + body.path("error_code").asText() + ": "
                    + body.path("message").asText(""));
        }
        return body;
    }

    private HttpResponse<String> get(int page) throws IOException, InterruptedException {
        String separator = settings.url().contains("?") ? "&" : "?";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url() + separator + "page=" + page
                + "&pageSize=" + settings.pageSize())).timeout(Duration.ofSeconds(60)).GET();
        String bearer = token();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String token() throws IOException, InterruptedException {
        boolean issued = settings.tokenUrl() != null && !settings.tokenUrl().isBlank();
        if (token != null && (!issued || Instant.now().isBefore(tokenExpires))) {
            return token;
        }
        if (!issued) {
            return null;
        }
        String form = "grant_type=client_credentials&client_id=" + enc(settings.clientId()) + "&client_secret="
                + enc(settings.clientSecret());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() >= 500) {
            throw new SourceRetry.TransientFailure("token URL answered HTTP " + response.statusCode());
        }
        if (response.statusCode() != 200) {
            throw new IOException("the token URL refused the client id and secret (HTTP " + response.statusCode()
                    + "): check source.portal.client_id and source.portal.client_secret");
        }
        JsonNode body = PortalJson.MAPPER.readTree(response.body());
        token = body.path("access_token").asText(null);
        if (token == null) {
            throw new IOException("the token URL answered without an access_token");
        }
        long seconds = body.path("expires_in").asLong(3600);
        tokenExpires = Instant.now().plusSeconds(Math.max(1, seconds - 30));
        return token;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    private static String excerpt(String body) {
        String b = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return b.length() > 200 ? b.substring(0, 200) + "…" : b;
    }
}
