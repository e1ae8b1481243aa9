package vn.onestop.ingest.drop;

import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Which legacy 8-bit encoding a file that is not UTF-8 seems to be in, for the message that rejects it: Windows-1258
 * (Vietnamese "ANSI", tone marks as separate characters), TCVN3 (ABC, the font encoding of older Vietnamese
 * documents) or Windows-1252 (Western "ANSI", where Vietnamese letters were already lost as '?'). The guess reads
 * the bytes in each and keeps the reading whose words look most like Vietnamese: letters of the alphabet, at most
 * one tone mark per syllable. It only names the encoding in a message; nothing is converted on a guess.
 */
enum LegacyEncoding {
    WINDOWS_1258("Windows-1258 (Vietnamese \"ANSI\")", ""),
    TCVN3("TCVN3 (ABC), the legacy Vietnamese font encoding",
            " TCVN3 text must first be converted to Unicode (Unikey: Công cụ chuyển mã, TCVN3 → Unicode)."),
    WINDOWS_1252("Windows-1252 (Western \"ANSI\"), in which Vietnamese letters were replaced by '?'",
            " Saving this copy again cannot bring them back: save the original.");

    private static final String LETTERS = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";
    private static final String ALPHABET = LETTERS + LETTERS.toUpperCase(java.util.Locale.ROOT);
    /** TCVN3 bytes 0xA1–0xFE (TCVN 5712:1993, as glibc's iconv maps them); the rest is ASCII. */
    private static final String TCVN3_HIGH = "ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àả"
            + "ãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵ";
    private static final Pattern LETTER_LOST = Pattern.compile("\\p{L}\\?+\\p{L}");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[\\x00-\\x40\\x5B-\\x60\\x7B-\\x7F]+");

    final String description;
    final String advice;

    LegacyEncoding(String description, String advice) {
        this.description = description;
        this.advice = advice;
    }

    /** The encoding the bytes seem to be in, or null when no reading looks like Vietnamese. */
    static LegacyEncoding guess(byte[] sample) {
        String western = new String(sample, Charset.forName("windows-1252"));
        if (LETTER_LOST.matcher(western).find()) {
            return WINDOWS_1252;
        }
        double w1258 = score(new String(sample, Charset.forName("windows-1258")));
        double tcvn3 = score(tcvn3(sample));
        double w1252 = score(western);
        double best = Math.max(w1258, Math.max(tcvn3, w1252));
        if (best < 0.5) {
            return null;
        }
        return best == w1258 ? WINDOWS_1258 : best == tcvn3 ? TCVN3 : WINDOWS_1252;
    }

    private static String tcvn3(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int v = b & 0xFF;
            s.append(v < 0x80 ? (char) v : v >= 0xA1 && v <= 0xFE ? TCVN3_HIGH.charAt(v - 0xA1) : '\uFFFD');
        }
        return s.toString();
    }

    /** Share of the words with a non-ASCII letter that are Vietnamese syllables. */
    private static double score(String text) {
        int words = 0;
        int vietnamese = 0;
        for (String word : NOT_A_LETTER.split(Normalizer.normalize(text, Normalizer.Form.NFC))) {
            if (word.chars().allMatch(c -> c < 0x80)) {
                continue;
            }
            words++;
            if (syllable(word)) {
                vietnamese++;
            }
        }
        return words == 0 ? 0 : (double) vietnamese / words;
    }

    private static boolean syllable(String word) {
        int tones = 0;
        for (char c : word.toCharArray()) {
            if (c < 0x80) {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0) {
                return false;
            }
            String marks = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (marks.chars().anyMatch(m -> m == 0x300 || m == 0x301 || m == 0x303 || m == 0x309 || m == 0x323)) {
                tones++;
            }
        }
        return tones <= 1;
    }
}
