package vn.onestop.sample.vendor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The generator's canonical CSV files read back row by row (docs/sample-data.md, "Files"). */
final class GeneratedFiles {
    private final Path dir;

    GeneratedFiles(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    void forEach(String file, Consumer<Map<String, String>> row) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8);
             CSVParser p = format.parse(r)) {
            for (CSVRecord rec : p) {
                row.accept(rec.toMap());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    List<Map<String, String>> all(String file) {
        List<Map<String, String>> out = new ArrayList<>();
        forEach(file, out::add);
        return out;
    }

    static String text(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isEmpty() ? null : v;
    }

    static LocalDateTime time(Map<String, String> row, String column) {
        String v = text(row, column);
        return v == null ? null : LocalDateTime.parse(v);
    }

    static LocalDate date(Map<String, String> row, String column) {
        String v = text(row, column);
        return v == null ? null : LocalDate.parse(v);
    }

    static Boolean bool(Map<String, String> row, String column) {
        String v = text(row, column);
        return v == null ? null : Boolean.valueOf(v);
    }

    static Integer integer(Map<String, String> row, String column) {
        String v = text(row, column);
        return v == null ? null : Integer.valueOf(v);
    }
}
