package vn.onestop.ingest.portal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import vn.onestop.ingest.drop.TextEncoding;

/**
 * Dossier objects in the shapes the feed comes in: one object per line, an array of objects, or the portal's
 * envelope {@code {"error_code": 0, "result": [...]}} (also a page of the HTTP feed). Read as a stream, so that a
 * large export is never held whole. Whatever stands where a dossier should (null, a number, a list) is passed on
 * too, to be quarantined as a row; a file that is not JSON, is cut off, is empty or is the portal's error answer
 * cannot be read at all (a partial snapshot would make the dossiers it lacks look missing on the portal).
 */
final class PortalJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private PortalJson() {
    }

    /** A feed file that is not a list of dossiers, with why (a sentence to follow the file's name). */
    static final class NotAFeedException extends IOException {
        NotAFeedException(String message) {
            super(message);
        }
    }

    /** Calls {@code sink} with each element of the feed; returns how many there were. */
    static long forEachDossier(InputStream in, Consumer<JsonNode> sink) throws IOException {
        long n = 0;
        boolean any = false;
        try (JsonParser p = MAPPER.getFactory().createParser(in)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                any = true;
                if (t == JsonToken.START_ARRAY) {
                    n += elements(p, sink);
                    continue;
                }
                JsonNode node = MAPPER.readTree(p);
                if (node.isObject() && (node.has("error_code") || node.has("result") && !node.has("MaHoSo"))) {
                    n += envelope(node, sink);
                } else {
                    sink.accept(node);
                    n++;
                }
            }
        }
        if (!any) {
            throw new NotAFeedException("is empty. A feed file holds dossier objects, one per line or in an array: "
                    + "export it again.");
        }
        return n;
    }

    private static long elements(JsonParser p, Consumer<JsonNode> sink) throws IOException {
        long n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new JsonEOFException(p, null, "the array is not closed");
            }
            sink.accept(MAPPER.readTree(p));
            n++;
        }
        return n;
    }

    private static long envelope(JsonNode node, Consumer<JsonNode> sink) throws NotAFeedException {
        String code = node.path("error_code").asText("");
        if (!code.isEmpty() && !code.equals("0")) {
            throw new NotAFeedException("is the portal's error answer, error_code " + code
                    + " (" + node.path("message").asText("") + "), not a list of dossiers. Download the feed again.");
        }
        long n = 0;
        for (JsonNode d : node.path("result")) {
            sink.accept(d);
            n++;
        }
        return n;
    }

    /** Why a feed file could not be read, as a sentence naming it and the fix. */
    static String unreadable(Path file, IOException e) {
        String name = file.getFileName().toString();
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(512);
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
                return name + " is compressed (gzip). Unpack it (feed.json.gz → feed.json) into the feed folder.";
            }
            if (e instanceof NotAFeedException) {
                return name + " " + e.getMessage();
            }
            String where = e instanceof JsonProcessingException j && j.getLocation() != null
                    ? " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")" : "";
            if (e instanceof StreamConstraintsException) {
                return name + " is nested deeper than " + MAPPER.getFactory().streamReadConstraints().getMaxNestingDepth()
                        + " levels" + where + ": it is not a dossier feed.";
            }
            if (e instanceof JsonEOFException) {
                return name + " ends before its JSON is complete" + where + ": the file was cut off. Download or "
                        + "export it again.";
            }
            if (e instanceof CharConversionException || String.valueOf(e.getMessage()).startsWith("Invalid UTF-8")) {
                return TextEncoding.notUtf8(file, "Export the feed again as UTF-8.");
            }
            if (e instanceof JsonProcessingException j) {
                boolean page = new String(head, StandardCharsets.UTF_8).stripLeading().startsWith("<");
                return name + " is not JSON" + where + (page ? ": it is a web page, perhaps an error page saved "
                        + "instead of the feed" : ": " + j.getOriginalMessage().lines().findFirst().orElse(""))
                        + ". Export the feed again: dossier objects, one per line or in an array.";
            }
        } catch (IOException again) {
            e.addSuppressed(again);
        }
        return name + " is not a readable portal feed: " + e.getMessage();
    }
}
