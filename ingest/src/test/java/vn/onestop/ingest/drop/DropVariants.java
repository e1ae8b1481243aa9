package vn.onestop.ingest.drop;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.onestop.ingest.Field;
import vn.onestop.ingest.FieldType;
import vn.onestop.ingest.RecordType;

/**
 * A canonical CSV file rewritten the ways offices send it: UTF-8 with BOM and CRLF, UTF-16 with BOM and tabs (Excel's
 * "Unicode text"), semicolons (Excel in a Vietnamese locale) with day-first dates, and XLSX with real Excel dates.
 * Each variant takes a slice of the rows, so that together they hold the file exactly once.
 */
final class DropVariants {
    private static final DateTimeFormatter VN_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final RecordType type;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    DropVariants(Path canonicalCsv, RecordType type) {
        this.type = type;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(canonicalCsv, StandardCharsets.UTF_8); CSVParser p = format.parse(r)) {
            header = p.getHeaderNames();
            for (CSVRecord rec : p) {
                rows.add(rec.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return rows.size();
    }

    List<List<String>> slice(int part, int parts) {
        int from = rows.size() * part / parts;
        int to = rows.size() * (part + 1) / parts;
        return rows.subList(from, to);
    }

    void utf8WithBom(Path file, List<List<String>> slice) {
        csv(file, StandardCharsets.UTF_8, true, ',', "\r\n", slice, false);
    }

    void utf16Tabs(Path file, List<List<String>> slice) {
        csv(file, StandardCharsets.UTF_16LE, true, '\t', "\r\n", slice, true);
    }

    void semicolonsVietnameseDates(Path file, List<List<String>> slice) {
        csv(file, StandardCharsets.UTF_8, false, ';', "\n", slice, true);
    }

    /** Times as Excel dates (shown dd/mm/yyyy hh:mm:ss), numbers as numbers, the rest as text. */
    void xlsx(Path file, List<List<String>> slice) {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "OneStop", "1.0");
            Worksheet ws = wb.newWorksheet("Sheet1");
            for (int c = 0; c < header.size(); c++) {
                ws.value(0, c, header.get(c));
            }
            for (int r = 0; r < slice.size(); r++) {
                for (int c = 0; c < header.size(); c++) {
                    String v = slice.get(r).get(c);
                    if (v == null || v.isEmpty()) {
                        continue;
                    }
                    FieldType t = field(header.get(c)).type();
                    if (t == FieldType.TIMESTAMP) {
                        ws.value(r + 1, c, LocalDateTime.parse(v));
                        ws.style(r + 1, c).format("dd/mm/yyyy hh:mm:ss").set();
                    } else if (t == FieldType.DATE) {
                        ws.value(r + 1, c, LocalDate.parse(v));
                        ws.style(r + 1, c).format("dd/mm/yyyy").set();
                    } else if ((t == FieldType.INT || t == FieldType.DECIMAL) && !header.get(c).equals("channel")) {
                        ws.value(r + 1, c, new java.math.BigDecimal(v));
                    } else {
                        ws.value(r + 1, c, v);
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void csv(Path file, Charset charset, boolean bom, char separator, String lineEnd,
                     List<List<String>> slice, boolean vietnameseDates) {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(charset.equals(StandardCharsets.UTF_16LE) ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                        : new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            Writer w = new java.io.OutputStreamWriter(out, charset);
            CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setDelimiter(separator)
                    .setRecordSeparator(lineEnd).get());
            p.printRecord(header);
            for (List<String> row : slice) {
                List<String> values = new ArrayList<>(row.size());
                for (int c = 0; c < row.size(); c++) {
                    values.add(vietnameseDates ? vietnamese(header.get(c), row.get(c)) : row.get(c));
                }
                p.printRecord(values);
            }
            p.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String vietnamese(String column, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (field(column).type()) {
            case TIMESTAMP -> LocalDateTime.parse(value).format(VN_TIME);
            case DATE -> LocalDate.parse(value).format(VN_DATE);
            default -> value;
        };
    }

    private Field field(String column) {
        return type.fields().stream().filter(f -> f.name().equals(column)).findFirst().orElseThrow();
    }
}
