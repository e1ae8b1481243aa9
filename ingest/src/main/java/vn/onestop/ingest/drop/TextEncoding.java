package vn.onestop.ingest.drop;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Encodings of CSV drops: UTF-8 with or without BOM, UTF-16 with BOM as Excel writes it (data-contract.md). */
final class TextEncoding {
    private TextEncoding() {
    }

    /** Reads the BOM (if any) off the stream and says which charset the rest is in. */
    static Charset sniff(BufferedInputStream in) throws IOException {
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        in.reset();
        in.mark(4);
        b0 = in.read();
        b1 = in.read();
        if (b0 == 0xFF && b1 == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        in.reset();
        return StandardCharsets.UTF_8;
    }

    static BufferedInputStream buffered(InputStream in) {
        return in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 1 << 16);
    }
}
