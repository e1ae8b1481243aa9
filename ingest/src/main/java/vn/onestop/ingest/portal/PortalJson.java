package vn.onestop.ingest.portal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Dossier objects in the shapes the feed comes in: one object per line, an array of objects, or the portal's
 * envelope {@code {"error_code": 0, "result": [...]}} (also a page of the HTTP feed). Read as a stream, so that a
 * large export is never held whole.
 */
final class PortalJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private PortalJson() {
    }

    /** Calls {@code sink} with each dossier object; returns how many there were. */
    static long forEachDossier(InputStream in, Consumer<JsonNode> sink) throws IOException {
        long n = 0;
        try (JsonParser p = MAPPER.getFactory().createParser(in)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        sink.accept(MAPPER.readTree(p));
                        n++;
                    }
                } else if (t == JsonToken.START_OBJECT) {
                    JsonNode node = MAPPER.readTree(p);
                    if (node.has("result") && node.get("result").isArray()) {
                        for (JsonNode d : node.get("result")) {
                            sink.accept(d);
                            n++;
                        }
                    } else {
                        sink.accept(node);
                        n++;
                    }
                } else {
                    throw new IOException("expected a dossier object or an array of them, found " + t
                            + " at line " + p.currentLocation().getLineNr());
                }
            }
        }
        return n;
    }
}
