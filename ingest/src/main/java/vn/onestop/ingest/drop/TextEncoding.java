package vn.onestop.ingest.drop;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Encodings of text drops: UTF-8 with or without BOM, UTF-16 with BOM as Excel writes it (data-contract.md), and
 * UTF-16 without BOM, which the canonical (ASCII) header gives away with certainty. Legacy 8-bit encodings are never
 * converted: Windows-1258, TCVN3 and Windows-1252 share their byte range, a wrong guess would garble every name
 * without a trace, and saving as UTF-8 takes the office a minute (decision 39). {@link #notUtf8} says which one a
 * file seems to be in, so that the message names the fix.
 */
public final class TextEncoding {
    private static final int SAMPLE = 1 << 16;

    private TextEncoding() {
    }

    /** Reads the BOM (if any) off the stream and says which charset the rest is in. */
    static Charset sniff(BufferedInputStream in) throws IOException {
        in.mark(SAMPLE);
        byte[] head = in.readNBytes(SAMPLE);
        in.reset();
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            in.skipNBytes(2);
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            in.skipNBytes(2);
            return StandardCharsets.UTF_16BE;
        }
        return utf16WithoutBom(head);
    }

    /**
     * UTF-16 without its BOM: a header starts with ASCII column names, so every other byte of it is zero. Text in
     * UTF-8 or an 8-bit encoding has no zero byte there.
     */
    private static Charset utf16WithoutBom(byte[] head) {
        int n = Math.min(64, head.length) & ~1;
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                if (i % 2 == 0) {
                    zeroEven++;
                } else {
                    zeroOdd++;
                }
            }
        }
        if (n >= 8 && zeroEven == 0 && zeroOdd * 10 >= n / 2 * 9) {
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 8 && zeroOdd == 0 && zeroEven * 10 >= n / 2 * 9) {
            return StandardCharsets.UTF_16BE;
        }
        return StandardCharsets.UTF_8;
    }

    static BufferedInputStream buffered(InputStream in) {
        return in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 1 << 16);
    }

    /**
     * Why a file that should be UTF-8 is not, as the start of a sentence naming it, followed by {@code fix} where the
     * encoding is the problem: cut off in the middle of a character, binary data, or a legacy encoding.
     */
    public static String notUtf8(Path file, String fix) throws IOException {
        String name = file.getFileName().toString();
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE);
        }
        if (binary(sample)) {
            return name + " is not a text file (it holds binary data). Drop the CSV or XLSX file itself.";
        }
        if (cutInACharacter(file)) {
            return name + " ends in the middle of a character: the file was cut off (an interrupted copy or "
                    + "upload). Send the complete file again.";
        }
        LegacyEncoding encoding = LegacyEncoding.guess(sample);
        if (encoding == null) {
            return name + " is not UTF-8 text. " + fix;
        }
        return name + " is not UTF-8 but " + encoding.description + ". " + fix + encoding.advice;
    }

    /** Control bytes other than tab, line breaks and form feed: text has almost none. */
    private static boolean binary(byte[] sample) {
        long control = 0;
        for (byte b : sample) {
            int v = b & 0xFF;
            if (v < 0x20 && v != '\t' && v != '\n' && v != '\r' && v != '\f' || v == 0x7F) {
                control++;
            }
        }
        return control * 50 > sample.length;
    }

    /** Valid UTF-8 up to an incomplete character at the very end. */
    private static boolean cutInACharacter(Path file) throws IOException {
        long size = Files.size(file);
        byte[] tail = new byte[(int) Math.min(4, size)];
        try (var channel = Files.newByteChannel(file)) {
            channel.position(size - tail.length);
            channel.read(ByteBuffer.wrap(tail));
        }
        int cut = incompleteTail(tail);
        if (cut == 0) {
            return false;
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] body = in.readNBytes((int) Math.min(size - cut, Integer.MAX_VALUE - 8));
            strict.decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** How many bytes at the end start a UTF-8 character that is not complete (0 if none). */
    private static int incompleteTail(byte[] tail) {
        for (int back = 1; back <= Math.min(3, tail.length); back++) {
            int v = tail[tail.length - back] & 0xFF;
            if ((v & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for the lead
            }
            int length = v >= 0xF0 ? 4 : v >= 0xE0 ? 3 : v >= 0xC0 ? 2 : 1;
            return length > back ? back : 0;
        }
        return 0;
    }
}
