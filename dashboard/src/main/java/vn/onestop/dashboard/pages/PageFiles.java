package vn.onestop.dashboard.pages;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages: static HTML under {@code web/pages/}, the same for every user. Their scripts fetch the API and build
 * the page with text nodes only, so data is never parsed as HTML.
 */
public final class PageFiles {
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private PageFiles() {
    }

    public static void serve(Context ctx, String page) {
        ctx.contentType("text/html; charset=utf-8").result(CACHE.computeIfAbsent(page, PageFiles::read));
    }

    private static byte[] read(String page) {
        String resource = "/web/pages/" + page + ".html";
        try (InputStream in = PageFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing page " + resource + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
