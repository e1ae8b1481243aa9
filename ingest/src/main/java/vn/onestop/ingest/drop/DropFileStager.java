package vn.onestop.ingest.drop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.onestop.ingest.RecordType;

/**
 * First pass over a drop file (CSV or XLSX): decodes it, maps its header onto the canonical columns and writes a
 * staging file that Spark reads in parallel, with every row's file and line so that a quarantined row can be found
 * again. Rows whose shape is broken (wrong number of fields) are quarantined here already.
 */
public final class DropFileStager {
    private DropFileStager() {
    }

    /** What the first pass saw in one file: rows read, and malformed ones as {source, line, reason, detail, raw}. */
    public record StagedFile(String source, RecordType type, long rowsRead, List<String[]> malformed) {
    }

    /** Thrown for a file that cannot be read at all: it names the file and what to do. */
    public static final class UnreadableDropException extends RuntimeException {
        public UnreadableDropException(String message) {
            super(message);
        }
    }

    /** A physical row of a drop: its 1-based line (CSV) or row number (XLSX) and its cells as text. */
    record DropRow(long line, List<String> cells) {
    }

    /** Rows of one drop file, header first. */
    interface DropRows extends AutoCloseable {
        /** The next row, or null at the end. */
        DropRow next() throws IOException;

        /** Whether a row with fewer cells than the header is broken (CSV) or only has empty trailing cells (XLSX). */
        boolean strictWidth();

        @Override
        void close() throws IOException;
    }

    /** Whether a file name is a drop this stager reads. */
    public static boolean isDrop(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".xlsx");
    }

    /** Stages one drop file into its own staging file. */
    public static StagedFile stage(Path file, RecordType type, StagingCsv out) {
        String source = file.getFileName().toString();
        List<String> columns = type.columnNames();
        List<String[]> malformed = new ArrayList<>();
        long rows = 0;
        try (DropRows in = source.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? new XlsxDropRows(file)
                : CsvDropRows.open(file, columns)) {
            DropRow header = in.next();
            if (header == null) {
                throw new UnreadableDropException(source + " is empty: a drop file needs a header row with the "
                        + "canonical column names (" + String.join(",", columns) + ").");
            }
            int[] positions = mapHeader(header.cells(), columns, source, type);
            int headerWidth = header.cells().size();
            List<String> values = new ArrayList<>(columns.size());
            for (DropRow row = in.next(); row != null; row = in.next()) {
                List<String> cells = row.cells();
                if ((!in.strictWidth() || cells.size() <= 1) && cells.stream().allMatch(c -> c == null || c.isEmpty())) {
                    continue; // a blank line (or an empty spreadsheet row) is not a row
                }
                rows++;
                if (in.strictWidth() ? cells.size() != headerWidth : cells.size() > headerWidth
                        && cells.subList(headerWidth, cells.size()).stream().anyMatch(c -> c != null && !c.isEmpty())) {
                    malformed.add(new String[] {source, Long.toString(row.line()), "MALFORMED_ROW",
                        cells.size() + " fields where the header has " + headerWidth, String.join(",", cells)});
                    continue;
                }
                values.clear();
                for (int p : positions) {
                    values.add(p < 0 || p >= cells.size() ? null : cells.get(p));
                }
                out.row(source, row.line(), values);
            }
        } catch (UncheckedIOException e) {
            throw unreadable(source, e.getCause());
        } catch (IOException e) {
            throw unreadable(source, e);
        }
        return new StagedFile(source, type, rows, malformed);
    }

    private static UnreadableDropException unreadable(String source, IOException e) {
        if (e instanceof CharacterCodingException) {
            return new UnreadableDropException(source + " is not valid UTF-8 or UTF-16 text. Save it from Excel as "
                    + "\"CSV UTF-8\" (or Unicode text) and drop it again.");
        }
        return new UnreadableDropException("Cannot read " + source + ": " + e.getMessage());
    }

    private static int[] mapHeader(List<String> header, List<String> columns, String source, RecordType type) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(headerName(header.get(i)), i);
        }
        int[] positions = new int[columns.size()];
        List<String> missingRequired = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            positions[c] = index.getOrDefault(columns.get(c), -1);
            if (positions[c] < 0 && type.fields().get(c).required()) {
                missingRequired.add(columns.get(c));
            }
        }
        if (!missingRequired.isEmpty()) {
            throw new UnreadableDropException(source + " has no column " + String.join(", ", missingRequired)
                    + " in its header. A " + type.table() + " file needs the canonical columns: "
                    + String.join(",", columns) + ".");
        }
        return positions;
    }

    static String headerName(String cell) {
        String name = cell == null ? "" : cell.strip().toLowerCase(Locale.ROOT);
        return name.startsWith("\uFEFF") ? name.substring(1) : name;
    }
}
