package vn.onestop.dashboard.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.onestop.core.text.SpreadsheetText;

/**
 * The indicator export as CSV: UTF-8 with a byte order mark (so that Excel shows Vietnamese), the format's column
 * ids as header, ISO dates, plain numbers, empty cells for no data, text cells neutralised against formulas.
 */
public final class CsvIndicatorWriter {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvIndicatorWriter() {
    }

    public static void write(List<IndicatorExportRow> rows, OutputStream out) throws IOException {
        out.write(UTF8_BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(IndicatorExportRow.COLUMNS).get();
        try (CSVPrinter csv = new CSVPrinter(writer, format)) {
            for (IndicatorExportRow r : rows) {
                csv.printRecord(r.periodStart().toString(), r.periodEnd().toString(),
                        SpreadsheetText.neutralise(r.agencyCode()), SpreadsheetText.neutralise(r.agencyName()),
                        SpreadsheetText.neutralise(r.indicatorId()), plain(r.numerator()), plain(r.denominator()),
                        plain(r.valuePct()), plain(r.points()), plain(r.maxPoints()),
                        SpreadsheetText.neutralise(r.profile()));
            }
        }
    }

    private static String plain(BigDecimal n) {
        return n == null ? "" : n.toPlainString();
    }
}
