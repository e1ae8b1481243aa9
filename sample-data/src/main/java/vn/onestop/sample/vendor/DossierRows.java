package vn.onestop.sample.vendor;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The dossiers of a generated folder one at a time, each with its rows in the dependent files (case_event.csv,
 * case_supplement.csv, …). The generator writes a dossier's dependent rows right after the dossier and in the same
 * order in every file, so the files are read side by side and memory holds one dossier, whatever the province's
 * size. A dependent row that does not follow that order is an error naming it, never a silent loss.
 */
final class DossierRows implements Closeable {
    /** One row of case.csv and its dependent rows, per dependent file. */
    record Dossier(Map<String, String> row, Map<String, List<Map<String, String>>> dependents) {
        String caseId() {
            return row.get("case_id");
        }

        List<Map<String, String>> of(String file) {
            return dependents.getOrDefault(file, List.of());
        }
    }

    private final Path dir;
    private final CSVParser cases;
    private final Iterator<CSVRecord> caseRows;
    private final Map<String, Side> sides = new LinkedHashMap<>();

    DossierRows(Path dir, String... dependentFiles) {
        this.dir = dir;
        this.cases = open(dir, "case.csv");
        this.caseRows = cases.iterator();
        for (String file : dependentFiles) {
            sides.put(file, new Side(file, open(dir, file)));
        }
    }

    /** The next dossier, or null after the last one (every dependent row must then have been taken). */
    Dossier next() {
        if (!caseRows.hasNext()) {
            for (Side side : sides.values()) {
                side.requireEmpty();
            }
            return null;
        }
        Map<String, String> row = caseRows.next().toMap();
        String caseId = row.get("case_id");
        Map<String, List<Map<String, String>>> dependents = new LinkedHashMap<>();
        for (Side side : sides.values()) {
            List<Map<String, String>> taken = side.take(caseId);
            if (!taken.isEmpty()) {
                dependents.put(side.file, taken);
            }
        }
        return new Dossier(row, dependents);
    }

    private static CSVParser open(Path dir, String file) {
        try {
            Reader r = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8);
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            cases.close();
            for (Side side : sides.values()) {
                side.parser.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the files of " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A dependent file with one row read ahead. */
    private final class Side {
        final String file;
        final CSVParser parser;
        final Iterator<CSVRecord> rows;
        Map<String, String> ahead;

        Side(String file, CSVParser parser) {
            this.file = file;
            this.parser = parser;
            this.rows = parser.iterator();
            this.ahead = rows.hasNext() ? rows.next().toMap() : null;
        }

        List<Map<String, String>> take(String caseId) {
            List<Map<String, String>> out = new ArrayList<>();
            while (ahead != null && caseId != null && caseId.equals(ahead.get("case_id"))) {
                out.add(ahead);
                ahead = rows.hasNext() ? rows.next().toMap() : null;
            }
            return out;
        }

        void requireEmpty() {
            if (ahead != null) {
                throw new IllegalArgumentException(dir.resolve(file) + " has a row of dossier " + ahead.get("case_id")
                        + " that does not follow that dossier in case.csv: dependent rows must come in the order of "
                        + "case.csv, as the generator writes them");
            }
        }
    }
}
