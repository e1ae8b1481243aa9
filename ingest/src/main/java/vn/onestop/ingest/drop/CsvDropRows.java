package vn.onestop.ingest.drop;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV drop as Excel and offices write it: UTF-8 with or without BOM, or UTF-16 with BOM; comma-separated, or
 * semicolon-separated (Excel in a Vietnamese locale, whose list separator is ';'), or tab-separated (Excel's
 * "Unicode text"). The separator is the one that turns the header into the most canonical column names.
 */
final class CsvDropRows implements DropFileStager.DropRows {
    private static final char[] SEPARATORS = {',', ';', '\t'};

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvDropRows(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
    }

    static CsvDropRows open(Path file, List<String> columns) throws IOException {
        BufferedInputStream in = TextEncoding.buffered(Files.newInputStream(file));
        try {
            Charset charset = TextEncoding.sniff(in);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            reader.mark(1 << 15);
            String header = reader.readLine();
            reader.reset();
            char separator = separator(header == null ? "" : header, Set.copyOf(columns));
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreSurroundingSpaces(false).get();
            return new CsvDropRows(CSVParser.parse(reader, format));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
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
    public DropFileStager.DropRow next() {
        // The record about to be read starts on the line after the last line break consumed.
        long line = parser.getCurrentLineNumber() + 1;
        if (!records.hasNext()) {
            return null;
        }
        return new DropFileStager.DropRow(line, records.next().toList());
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
