package vn.onestop.dashboard.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The vi/en dictionary of every label on screen and in exports ({@code i18n/labels_vi.properties},
 * {@code i18n/labels_en.properties}, UTF-8). Pages receive the whole dictionary of their language from the API.
 */
public final class Labels {
    private static final Map<Language, Map<String, String>> BY_LANGUAGE = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            BY_LANGUAGE.put(language, Map.copyOf(load("/i18n/labels_" + language.code() + ".properties")));
        }
    }

    private Labels() {
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = Labels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing dictionary " + resource + " on the classpath");
            }
            Properties p = new Properties();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            Map<String, String> out = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, String> all(Language language) {
        return BY_LANGUAGE.get(language);
    }

    /** The label, or the key itself when the dictionary lacks it (visible on screen, caught by a test). */
    public static String get(Language language, String key) {
        return BY_LANGUAGE.get(language).getOrDefault(key, key);
    }

    /** The label with {0}, {1}, … replaced by the given texts, in order. */
    public static String format(Language language, String key, String... args) {
        String out = get(language, key);
        for (int i = 0; i < args.length; i++) {
            out = out.replace("{" + i + "}", args[i] == null ? "" : args[i]);
        }
        return out;
    }

    /** The label of an optional key (e.g. a group code), or {@code fallback} when there is none. */
    public static String getOrDefault(Language language, String key, String fallback) {
        return BY_LANGUAGE.get(language).getOrDefault(key, fallback);
    }
}
