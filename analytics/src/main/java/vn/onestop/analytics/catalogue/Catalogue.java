package vn.onestop.analytics.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indicator catalogue read from {@code catalogue/*.sql}: a header of {@code -- key: value} lines and one
 * query {@code SELECT <expr> AS numerator[, <expr> AS denominator] FROM <view>}. Each file is a query one can
 * run as it is (it gives the province-wide figure); the engine computes all of one view's indicators per agency
 * and period in a single pass.
 */
public final class Catalogue {
    public static final String TOTAL_ID = "766.total";

    private static final Pattern QUERY = Pattern.compile(
            "(?is)^\\s*SELECT\\s+(.+?)\\s+AS\\s+numerator\\s*(?:,\\s*(.+?)\\s+AS\\s+denominator\\s*)?FROM\\s+(\\w+)\\s*;?\\s*$");
    private static final List<String> KNOWN_KEYS = List.of("id", "category", "unit", "points", "target",
            "multiply_by", "floor", "direction", "name.vi", "name.en", "basis", "formula.vi", "formula.en", "unit.vi");

    private final List<IndicatorDefinition> definitions;

    private Catalogue(List<IndicatorDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    public static Catalogue bundled() {
        String index = resource("catalogue/index.txt");
        List<IndicatorDefinition> defs = new ArrayList<>();
        int order = 0;
        for (String line : index.split("\n")) {
            String id = line.strip();
            if (id.isEmpty() || id.startsWith("#")) {
                continue;
            }
            defs.add(parse(id + ".sql", resource("catalogue/" + id + ".sql"), order++));
        }
        return new Catalogue(defs);
    }

    public List<IndicatorDefinition> definitions() {
        return definitions;
    }

    /**
     * The entries with these ids, in the catalogue's order: a computation of a few indicators only (the benchmark's
     * like-for-like comparison with DuckDB). Unknown ids are an error, not silently nothing.
     */
    public Catalogue only(java.util.Collection<String> ids) {
        for (String id : ids) {
            if (find(id).isEmpty()) {
                throw new IllegalArgumentException("No catalogue entry " + id);
            }
        }
        return new Catalogue(definitions.stream().filter(d -> ids.contains(d.id())).toList());
    }

    public Optional<IndicatorDefinition> find(String id) {
        return definitions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    static IndicatorDefinition parse(String file, String text, int sortOrder) {
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            String s = line.strip();
            if (s.startsWith("--")) {
                String body = s.substring(2).strip();
                int colon = body.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = body.substring(0, colon).strip();
                String value = body.substring(colon + 1).strip();
                if (key.startsWith("points.")) {
                    points.put(key.substring("points.".length()), decimal(file, key, value));
                } else if (key.equals("points")) {
                    points.put("*", decimal(file, key, value));
                } else if (KNOWN_KEYS.contains(key)) {
                    meta.put(key, value);
                } else {
                    throw new IllegalArgumentException(file + ": unknown header key '" + key + "'. Known: " + KNOWN_KEYS);
                }
            } else {
                sql.append(line).append('\n');
            }
        }
        Matcher m = QUERY.matcher(sql.toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file + ": the query must read SELECT <expr> AS numerator"
                    + "[, <expr> AS denominator] FROM <view>");
        }
        for (String required : List.of("id", "category", "unit", "name.vi", "name.en", "formula.vi", "formula.en")) {
            if (!meta.containsKey(required)) {
                throw new IllegalArgumentException(file + ": header key '" + required + "' is missing");
            }
        }
        var unit = IndicatorDefinition.Unit.valueOf(meta.get("unit").toUpperCase(Locale.ROOT));
        if (unit != IndicatorDefinition.Unit.COUNT && m.group(2) == null) {
            throw new IllegalArgumentException(file + ": a " + unit.name().toLowerCase(Locale.ROOT)
                    + " indicator needs a denominator");
        }
        return new IndicatorDefinition(meta.get("id"), meta.get("category"), unit, points,
                meta.containsKey("target") ? decimal(file, "target", meta.get("target")) : new BigDecimal(100),
                meta.get("multiply_by"), meta.containsKey("floor") ? decimal(file, "floor", meta.get("floor")) : null,
                "lower".equals(meta.get("direction")),
                meta.get("name.vi"), meta.get("name.en"), meta.getOrDefault("basis", ""),
                meta.get("formula.vi"), meta.get("formula.en"), m.group(3), m.group(1).strip(),
                m.group(2) == null ? null : m.group(2).strip(), sortOrder, meta.get("unit.vi"));
    }

    private static BigDecimal decimal(String file, String key, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": " + key + " = '" + value + "' is not a number");
        }
    }

    static String resource(String path) {
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
