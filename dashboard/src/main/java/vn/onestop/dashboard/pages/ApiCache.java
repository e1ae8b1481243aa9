package vn.onestop.dashboard.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import vn.onestop.dashboard.published.BoundedCache;

/**
 * The JSON of the pages that summarise a published run (overview, ranking, agency, indicator), kept gzip-compressed:
 * they change only when a new run is published, and building one means thousands of values formatted for reading.
 * A response is cached under everything it depends on — the run and its publication time, the language, who asks
 * (role and agency: an agency viewer's scope) and the request's path and query — and is built only after the
 * request's checks passed. Dossier pages are never cached (personal data, audited views).
 */
public final class ApiCache {
    /** 24 MB of compressed JSON: every page of a dozen periods of a province of a few hundred agencies. */
    static final long MAX_BYTES = 24L << 20;

    /** Deflate's fastest level, for these pages and every other response (DashboardServer). */
    public static final int GZIP_LEVEL = Deflater.BEST_SPEED;

    private final BoundedCache<byte[]> responses = new BoundedCache<>(MAX_BYTES, b -> b.length);
    private final ObjectMapper mapper = HtmlSafeJson.mapper();

    /** Answers with the cached JSON of this request, or the one {@code build} makes (then kept). */
    public void json(Context ctx, ViewRequest view, Supplier<Object> build) {
        String query = ctx.queryString();
        String key = view.runId() + '|' + view.catalogue().publishedAt() + '|' + view.language() + '|'
                + view.user().role() + ':' + view.user().agencyCode() + '|' + ctx.path()
                + (query == null ? "" : '?' + query);
        byte[] gzip = responses.get(key, () -> gzip(build.get()));
        ctx.contentType("application/json");
        ctx.header("Vary", "Accept-Encoding");
        String accepted = ctx.header("Accept-Encoding");
        if (accepted != null && accepted.contains("gzip")) {
            ctx.header("Content-Encoding", "gzip"); // Javalin leaves an encoded response as it is
            ctx.result(gzip);
        } else {
            ctx.result(gunzip(gzip));
        }
    }

    private byte[] gzip(Object value) {
        try {
            byte[] json = mapper.writeValueAsBytes(value);
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 8 + 64);
            try (GZIPOutputStream gz = new FastGzip(out)) {
                gz.write(json);
            }
            return out.toByteArray();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the page's JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GZIPOutputStream at {@link #GZIP_LEVEL}: it has no constructor taking a level. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out);
            def.setLevel(GZIP_LEVEL);
        }
    }

    private static byte[] gunzip(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
