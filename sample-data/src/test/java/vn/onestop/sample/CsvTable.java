package vn.onestop.sample;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A generated CSV file read back as plain rows, the way a consumer of the files would read it. */
record CsvTable(List<String> header, List<Row> rows) {

    static CsvTable read(Path file) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = format.parse(r)) {
            List<Row> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                rows.add(new Row(rec.toMap()));
            }
            return new CsvTable(p.getHeaderNames(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Row> byKey(String column) {
        Map<String, Row> out = new HashMap<>();
        for (Row r : rows) {
            out.put(r.get(column), r);
        }
        return out;
    }

    Map<String, List<Row>> groupBy(String column) {
        return groupBy(r -> r.get(column));
    }

    Map<String, List<Row>> groupBy(Function<Row, String> key) {
        Map<String, List<Row>> out = new HashMap<>();
        for (Row r : rows) {
            out.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    record Row(Map<String, String> values) {
        String get(String column) {
            String v = values.get(column);
            if (v == null) {
                throw new IllegalArgumentException("no column " + column);
            }
            return v;
        }

        boolean has(String column) {
            return !get(column).isEmpty();
        }

        /** The timestamp in {@code column}, or null when the field is empty. */
        LocalDateTime time(String column) {
            String v = get(column);
            return v.isEmpty() ? null : LocalDateTime.parse(v);
        }
    }
}
