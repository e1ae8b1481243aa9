package vn.onestop.ingest.drop;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * UTF-8 text that a program read as Windows-1252 (or Latin-1) and saved again as UTF-8: {@code Nguyá»…n} for
 * {@code Nguyễn}. Such a cell is made only of characters of those encodings, and their bytes are valid UTF-8 again;
 * real Vietnamese text never is (ư, ơ, đ and most toned letters are outside them, and an accented capital is not
 * followed by two symbols).
 */
final class Mojibake {
    /** Windows-1252's characters at 0x80–0x9F, by their byte; Latin-1 covers the rest (and the C1 controls). */
    private static final Map<Character, Byte> WINDOWS_1252 = new HashMap<>();

    static {
        for (int b = 0x80; b <= 0x9F; b++) {
            char c = new String(new byte[] {(byte) b}, Charset.forName("windows-1252")).charAt(0);
            if (c != '\uFFFD') {
                WINDOWS_1252.put(c, (byte) b);
            }
        }
    }

    private Mojibake() {
    }

    /** The text that was meant, or null when {@code cell} is not mojibake. */
    static String meant(String cell) {
        if (cell == null || cell.chars().allMatch(c -> c < 0x80)) {
            return null;
        }
        byte[] bytes = new byte[cell.length()];
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            Byte b = c < 0x100 ? Byte.valueOf((byte) c) : WINDOWS_1252.get(c);
            if (b == null) {
                return null;
            }
            bytes[i] = b;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
