package vn.onestop.ingest.drop;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import vn.onestop.ingest.RecordType;

/**
 * First pass over a CSV drop: decodes it (BOM sniffing), maps its header onto the canonical columns and writes a
 * UTF-8 staging file that Spark reads in parallel, with every row's file and physical line so that a quarantined
 * row can be found again. Rows whose shape is broken (wrong number of fields) are quarantined here already.
 */
public final class DropFileStager {
    /** Columns added in front of the canonical ones in a staging file. */
    public static final String SOURCE = "_source";
    public static final String LINE = "_line";

    private DropFileStager() {
    }

    /** What the first pass saw in one file. */
    public record StagedFile(String source, RecordType type, long rowsRead, List<String[]> malformed) {
    }

    /** Thrown for a file that cannot be read at all: it names the file and what to do. */
    public static final class UnreadableDropException extends RuntimeException {
        public UnreadableDropException(String message) {
            super(message);
        }
    }

    /**
     * Stages one drop file.
     *
     * @param stagingCsv appended to; created with a header when new
     */
    public static StagedFile stage(Path file, RecordType type, Path stagingCsv) {
        String source = file.getFileName().toString();
        List<String> columns = type.columnNames();
        List<String[]> malformed = new ArrayList<>();
        long rows = 0;
        boolean newFile = !Files.exists(stagingCsv);
        try (BufferedInputStream in = TextEncoding.buffered(Files.newInputStream(file))) {
            Charset charset = TextEncoding.sniff(in);
            Reader reader = new InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false).get();
            try (CSVParser parser = CSVParser.parse(reader, format);
                 Writer out = Files.newBufferedWriter(stagingCsv, StandardCharsets.UTF_8,
                         java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                 CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
                if (newFile) {
                    List<String> header = new ArrayList<>(List.of(SOURCE, LINE));
                    header.addAll(columns);
                    printer.printRecord(header);
                }
                int[] positions = null;
                int headerWidth = 0;
                var records = parser.iterator();
                while (true) {
                    // The record about to be read starts on the line after the last line break consumed.
                    long line = parser.getCurrentLineNumber() + 1;
                    if (!records.hasNext()) {
                        break;
                    }
                    CSVRecord record = records.next();
                    if (positions == null) {
                        headerWidth = record.size();
                        positions = mapHeader(record, columns, source, type);
                        continue;
                    }
                    if (record.size() == 1 && record.get(0).isEmpty()) {
                        continue; // a blank line is not a row
                    }
                    rows++;
                    if (record.size() != headerWidth) {
                        malformed.add(new String[] {source, Long.toString(line), "MALFORMED_ROW",
                                record.size() + " fields where the header has " + headerWidth,
                                String.join(",", record.toList())});
                        continue;
                    }
                    List<String> values = new ArrayList<>(columns.size() + 2);
                    values.add(source);
                    values.add(Long.toString(line));
                    for (int p : positions) {
                        values.add(p < 0 ? null : record.get(p));
                    }
                    printer.printRecord(values);
                }
                if (positions == null) {
                    throw new UnreadableDropException(source + " is empty: a drop file needs a header row with the "
                            + "canonical column names (" + String.join(",", columns) + ").");
                }
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

    private static int[] mapHeader(CSVRecord header, List<String> columns, String source, RecordType type) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            index.putIfAbsent(name, i);
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
}
