package vn.onestop.sample;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One canonical CSV file: UTF-8 without BOM, comma, RFC 4180 quoting, LF line ends, a header row; null is an empty
 * field, timestamps {@code yyyy-MM-dd'T'HH:mm:ss}, dates {@code yyyy-MM-dd}, booleans {@code true}/{@code false}.
 */
final class CsvSink implements Closeable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    final String fileName;
    private final CSVPrinter printer;
    private final String[] cells;
    private long rows;

    CsvSink(Path dir, String fileName, String... header) {
        this.fileName = fileName;
        this.cells = new String[header.length];
        try {
            this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(dir.resolve(fileName)), StandardCharsets.UTF_8), 1 << 16), FORMAT);
            printer.printRecord((Object[]) header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(fileName), e);
        }
    }

    void row(Object... values) {
        if (values.length != cells.length) {
            throw new IllegalArgumentException(fileName + ": " + values.length + " values for " + cells.length + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            cells[i] = text(values[i]);
        }
        print(cells);
    }

    void row(List<String> values) {
        print(values.toArray(new String[0]));
    }

    long rows() {
        return rows;
    }

    private void print(String[] values) {
        try {
            printer.printRecord((Object[]) values);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + fileName, e);
        }
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof LocalDateTime t) {
            return timestamp(t);
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        return v.toString();
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss}, without the cost of a DateTimeFormatter. */
    static String timestamp(LocalDateTime t) {
        char[] c = new char[19];
        put(c, 0, t.getYear(), 4);
        c[4] = '-';
        put(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        put(c, 11, t.getHour(), 2);
        c[13] = ':';
        put(c, 14, t.getMinute(), 2);
        c[16] = ':';
        put(c, 17, t.getSecond(), 2);
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
