package vn.onestop.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The core indicators both engines compute, per agency × calendar month: 766.2.1 (handled early or on time),
 * 766.3.3 (online dossiers), 766.4.2 (digitized dossiers) and R01.rate (late without apology). A count is kept
 * when its denominator is not zero (an empty denominator is no data in both).
 */
final class CoreIndicators {
    static final List<String> IDS = List.of("766.2.1", "766.3.3", "766.4.2", "R01.rate");

    private CoreIndicators() {
    }

    record Count(String agencyCode, LocalDate month, String indicatorId, long numerator, long denominator) {
        String key() {
            return indicatorId + " " + agencyCode + " " + month;
        }
    }

    /** How far the two engines agree on one indicator. */
    record Agreement(String indicatorId, int rows, int mismatches, String example) {
        boolean matches() {
            return mismatches == 0;
        }
    }

    static void write(Path file, List<Count> counts) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("indicator_id,agency_code,month,numerator,denominator\n");
            for (Count c : counts) {
                out.write(c.indicatorId() + "," + c.agencyCode() + "," + c.month() + "," + c.numerator() + ","
                        + c.denominator() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static List<Count> read(Path file) {
        try {
            List<Count> out = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                out.add(new Count(f[1], LocalDate.parse(f[2]), f[0], Long.parseLong(f[3]), Long.parseLong(f[4])));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Per indicator: agency × month rows where numerator or denominator differ, or only one engine has a count. */
    static List<Agreement> compare(List<Count> spark, List<Count> duckdb) {
        Map<String, Count> left = index(spark);
        Map<String, Count> right = index(duckdb);
        List<Agreement> out = new ArrayList<>();
        for (String id : IDS) {
            int rows = 0;
            int mismatches = 0;
            String example = null;
            TreeMap<String, Boolean> keys = new TreeMap<>();
            left.keySet().stream().filter(k -> k.startsWith(id + " ")).forEach(k -> keys.put(k, true));
            right.keySet().stream().filter(k -> k.startsWith(id + " ")).forEach(k -> keys.put(k, true));
            for (String k : keys.keySet()) {
                rows++;
                Count a = left.get(k);
                Count b = right.get(k);
                if (a == null || b == null || a.numerator() != b.numerator() || a.denominator() != b.denominator()) {
                    mismatches++;
                    if (example == null) {
                        example = k + ": Spark " + text(a) + ", DuckDB " + text(b);
                    }
                }
            }
            out.add(new Agreement(id, rows, mismatches, example));
        }
        return out;
    }

    private static String text(Count c) {
        return c == null ? "none" : c.numerator() + "/" + c.denominator();
    }

    private static Map<String, Count> index(List<Count> counts) {
        Map<String, Count> out = new LinkedHashMap<>();
        counts.forEach(c -> out.put(c.key(), c));
        return out;
    }
}
