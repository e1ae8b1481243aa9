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
import vn.onestop.ingest.QuarantineText;
import vn.onestop.ingest.RecordType;

/**
 * First pass over a drop file (CSV or XLSX, by content): decodes it, maps its header onto the canonical columns and
 * writes a staging file that Spark reads in parallel, with every row's file and line so that a quarantined row can be
 * found again. Rows whose shape is broken (wrong number of fields, the header again, a cell whose value is lost) are
 * quarantined here already; a file that cannot be read as a whole is rejected with a message naming it and the fix.
 */
public final class DropFileStager {
    private static final String SAVE_AS_UTF8 = "Save it as \"CSV UTF-8 (Comma delimited)\" in Excel and drop it again.";

    private DropFileStager() {
    }

    /**
     * What the first pass saw in one file: rows read, malformed ones as {source, line, reason, detail, raw}, and
     * notes for its report (columns not read, a content other than the name says).
     */
    public record StagedFile(String source, RecordType type, long rowsRead, List<String[]> malformed,
                             List<String> notes) {
    }

    /** Thrown for a file that cannot be read at all: it names the file and what to do. */
    public static final class UnreadableDropException extends RuntimeException {
        public UnreadableDropException(String message) {
            super(message);
        }
    }

    /**
     * A physical row of a drop: its 1-based line (CSV) or row number (XLSX), its cells as text, and the first cell
     * whose value is lost ({@code problemCell}, -1 if none) with why.
     */
    record DropRow(long line, List<String> cells, int problemCell, String problem) {
        DropRow(long line, List<String> cells) {
            this(line, cells, -1, null);
        }
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
        List<String> notes = new ArrayList<>();
        long rows = 0;
        try (DropRows in = open(file, columns, notes)) {
            DropRow header = in.next();
            while (header != null && blank(header.cells())) {
                header = in.next();
            }
            if (header == null) {
                throw new UnreadableDropException(source + " is empty: a drop file needs a header row with the "
                        + "canonical column names (" + String.join(",", columns) + ").");
            }
            int[] positions = mapHeader(header.cells(), type, source, notes);
            int headerWidth = header.cells().size();
            int usedWidth = usedWidth(header.cells());
            List<String> values = new ArrayList<>(columns.size());
            for (DropRow row = in.next(); row != null; row = in.next()) {
                List<String> cells = row.cells();
                if (blank(cells)) {
                    continue; // a blank line (or an empty spreadsheet row) is not a row
                }
                rows++;
                String[] problem = problem(row, header.cells(), headerWidth, usedWidth, in.strictWidth());
                if (problem != null) {
                    malformed.add(new String[] {source, Long.toString(row.line()), problem[0], problem[1],
                        String.join(",", cells.stream().map(c -> c == null ? "" : c).toList())});
                    continue;
                }
                values.clear();
                for (int p : positions) {
                    String value = p < 0 || p >= cells.size() ? null : cells.get(p);
                    rejectMojibake(value, source, row.line());
                    values.add(value);
                }
                out.row(source, row.line(), values);
            }
        } catch (UncheckedIOException e) {
            throw unreadable(file, e.getCause());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        return new StagedFile(source, type, rows, malformed, notes);
    }

    private static DropRows open(Path file, List<String> columns, List<String> notes) throws IOException {
        boolean namedXlsx = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        if (DropContent.of(file) == DropContent.XLSX) {
            if (!namedXlsx) {
                notes.add("a workbook despite its name: read as XLSX");
            }
            return new XlsxDropRows(file);
        }
        if (namedXlsx) {
            notes.add("text despite its .xlsx name: read as CSV");
        }
        return CsvDropRows.open(file, columns, notes);
    }

    /** {reason, detail} when a row cannot be read as a record, or null. */
    private static String[] problem(DropRow row, List<String> header, int headerWidth, int usedWidth, boolean strict) {
        List<String> cells = row.cells();
        if (repeatsHeader(cells, header)) {
            return new String[] {"MALFORMED_ROW", "the header row again (were two files joined together?)"};
        }
        boolean extraValues = cells.size() > headerWidth
                && cells.subList(headerWidth, cells.size()).stream().anyMatch(c -> c != null && !c.isBlank());
        if (extraValues || strict && cells.size() < usedWidth) {
            return new String[] {"MALFORMED_ROW", cells.size() + " fields where the header has " + headerWidth};
        }
        if (row.problem() != null) {
            String column = row.problemCell() < header.size() && !headerName(header.get(row.problemCell())).isEmpty()
                    ? headerName(header.get(row.problemCell())) : "column " + (row.problemCell() + 1);
            return new String[] {"BAD_VALUE", column + " " + row.problem()};
        }
        return null;
    }

    private static boolean repeatsHeader(List<String> cells, List<String> header) {
        if (cells.size() != header.size()) {
            return false;
        }
        for (int i = 0; i < cells.size(); i++) {
            if (!headerName(cells.get(i)).equals(headerName(header.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static void rejectMojibake(String value, String source, long line) {
        String meant = Mojibake.meant(value);
        if (meant != null) {
            throw new UnreadableDropException(source + " holds text that was read in a wrong encoding and saved again: "
                    + "line " + line + " has '" + QuarantineText.shown(value, 200) + "' where '" + meant + "' was "
                    + "meant. Export it again from the program that made it, as \"CSV UTF-8\" or .xlsx, and drop it "
                    + "again.");
        }
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.replace("\uFEFF", "").isBlank());
    }

    /** Columns up to the last named one: a header may end in separators that rows leave out. */
    private static int usedWidth(List<String> header) {
        int width = header.size();
        while (width > 0 && headerName(header.get(width - 1)).isEmpty()) {
            width--;
        }
        return width;
    }

    private static UnreadableDropException unreadable(Path file, IOException e) {
        String source = file.getFileName().toString();
        if (e instanceof CharacterCodingException) {
            try {
                return new UnreadableDropException(TextEncoding.notUtf8(file, SAVE_AS_UTF8));
            } catch (IOException again) {
                return new UnreadableDropException(source + " is not UTF-8 or UTF-16 text. " + SAVE_AS_UTF8);
            }
        }
        return new UnreadableDropException("Cannot read " + source + ": " + e.getMessage());
    }

    private static int[] mapHeader(List<String> header, RecordType type, String source, List<String> notes) {
        List<String> columns = type.columnNames();
        Map<String, Integer> index = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = headerName(header.get(i));
            if (name.isEmpty()) {
                continue;
            }
            Integer first = index.putIfAbsent(name, i);
            if (first != null && columns.contains(name)) {
                // Two values for one field: which one is meant cannot be known.
                throw new UnreadableDropException(source + " has the column " + name + " twice (columns " + (first + 1)
                        + " and " + (i + 1) + "). Keep one and drop the file again.");
            }
            if (first == null && !columns.contains(name)) {
                unknown.add(name);
            }
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
        if (!unknown.isEmpty()) {
            // Said in the report: a misspelt column (finshed_at) would otherwise leave its field empty unnoticed.
            notes.add("columns not read: " + list(unknown) + " (not canonical columns of " + type.table() + ")");
        }
        return positions;
    }

    private static String list(List<String> names) {
        List<String> shown = names.stream().limit(10).map(n -> QuarantineText.shown(n, 60)).toList();
        return String.join(", ", shown) + (names.size() > 10 ? " and " + (names.size() - 10) + " more" : "");
    }

    static String headerName(String cell) {
        return cell == null ? "" : cell.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }
}
