package vn.onestop.ingest.drop;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.onestop.ingest.drop.DropFileStager.UnreadableDropException;

/**
 * A CSV drop as Excel and offices write it: UTF-8 with or without BOM, or UTF-16 (with BOM, or without one when the
 * header gives it away); comma-separated, or semicolon-separated (Excel in a Vietnamese locale, whose list
 * separator is ';'), or tab-separated (Excel's "Unicode text"). The separator is the one that turns the header into
 * the most canonical column names. A quote that never closes, or a quoted value followed by more text, makes the
 * rest of the file ambiguous: the file is rejected, naming the row.
 */
final class CsvDropRows implements DropFileStager.DropRows {
    private static final char[] SEPARATORS = {',', ';', '\t'};
    /** The header line is read twice (to choose the separator); a longer first line is no header. */
    private static final int HEADER_MAX = 1 << 20;

    private final String source;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvDropRows(String source, CSVParser parser) {
        this.source = source;
        this.parser = parser;
        this.records = parser.iterator();
    }

    /** @param notes gets a line when the encoding had to be recognised without a BOM */
    static CsvDropRows open(Path file, List<String> columns, List<String> notes) throws IOException {
        String source = file.getFileName().toString();
        BufferedInputStream in = TextEncoding.buffered(Files.newInputStream(file));
        try {
            boolean bom = hasBom(in);
            Charset charset = TextEncoding.sniff(in);
            if (!bom && !charset.equals(StandardCharsets.UTF_8)) {
                notes.add("UTF-16 without a byte-order mark: read as UTF-16");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            reader.mark(HEADER_MAX);
            String header = reader.readLine();
            try {
                reader.reset();
            } catch (IOException e) {
                throw new UnreadableDropException(source + " starts with a line of more than " + HEADER_MAX
                        + " characters: that is no header row. A drop file starts with the canonical column names.");
            }
            char separator = separator(header == null ? "" : header, Set.copyOf(columns));
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreSurroundingSpaces(false).get();
            return new CsvDropRows(source, CSVParser.parse(reader, format));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static boolean hasBom(BufferedInputStream in) throws IOException {
        in.mark(3);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b0 == 0xEF && b1 == 0xBB && b2 == 0xBF || b0 == 0xFF && b1 == 0xFE || b0 == 0xFE && b1 == 0xFF;
    }

    static char separator(String header, Set<String> columns) {
        char best = ',';
        long bestHits = -1;
        for (char s : SEPARATORS) {
            long hits = 0;
            for (String cell : header.split(java.util.regex.Pattern.quote(String.valueOf(s)), -1)) {
                String name = DropFileStager.headerName(cell.replace("\"", ""));
                if (columns.contains(name)) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                best = s;
                bestHits = hits;
            }
        }
        return best;
    }

    @Override
    public DropFileStager.DropRow next() throws IOException {
        // The record about to be read starts on the line after the last line break consumed.
        long line = parser.getCurrentLineNumber() + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            return new DropFileStager.DropRow(line, records.next().toList());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw e.getCause();
            }
            throw new UnreadableDropException(source + ": " + syntax(e.getCause(), line));
        }
    }

    private static String syntax(IOException e, long line) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "the row that starts on line " + line + " opens a quoted value that never closes: a closing \" is "
                    + "missing, or the file was cut off. Fix the quote, or send the complete file again.";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return "the row that starts on line " + line + " has a quoted value followed by more text: a \" inside a "
                    + "quoted value must be doubled (\"\"). Fix it and drop the file again.";
        }
        return "cannot be read as CSV from the row that starts on line " + line + " (" + message + ").";
    }

    @Override
    public boolean strictWidth() {
        return true;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
