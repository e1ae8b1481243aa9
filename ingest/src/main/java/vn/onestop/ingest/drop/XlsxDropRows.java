package vn.onestop.ingest.drop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an XLSX drop, cell by cell as text: text cells as typed (Vietnamese dates such as
 * {@code 05/03/2024 14:30} are parsed later like any text), real Excel dates as ISO local times, numbers without a
 * trailing {@code .0}, booleans as {@code true}/{@code false}. The line of a row is its row number in Excel.
 */
final class XlsxDropRows implements DropFileStager.DropRows {
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final boolean date1904;

    XlsxDropRows(Path file) throws IOException {
        try {
            this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        } catch (RuntimeException e) {
            throw new IOException("not a readable XLSX workbook (" + e.getMessage() + ")", e);
        }
        this.date1904 = workbook.isDate1904();
        this.stream = workbook.getFirstSheet().openStream();
        this.rows = stream.iterator();
    }

    @Override
    public DropFileStager.DropRow next() throws IOException {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            Row row = rows.next();
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(text(row.getCell(i)));
            }
            return new DropFileStager.DropRow(row.getRowNum(), cells);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            throw new IOException("the workbook is damaged (" + e.getMessage() + ")", e);
        }
    }

    private String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getType()) {
            case EMPTY -> null;
            case STRING -> cell.asString();
            case BOOLEAN -> cell.asBoolean().toString();
            case NUMBER -> switch (dateKind(cell.getDataFormatId(), cell.getDataFormatString())) {
                case DATE -> dateTime(cell.asNumber()).toLocalDate().toString();
                case DATE_TIME -> dateTime(cell.asNumber()).toString();
                case NONE -> cell.asNumber().stripTrailingZeros().toPlainString();
            };
            default -> cell.getText();
        };
    }

    private enum DateKind { NONE, DATE, DATE_TIME }

    /** An Excel serial date, rounded to the second (Excel stores a binary fraction of a day). */
    private LocalDateTime dateTime(BigDecimal serial) {
        long seconds = serial.multiply(BigDecimal.valueOf(86_400)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        LocalDate epoch = date1904 ? LocalDate.of(1904, 1, 1) : LocalDate.of(1899, 12, 30);
        return epoch.atStartOfDay().plusSeconds(seconds);
    }

    /** Built-in date formats (14–17 dates, 18–22 and 45–47 times) or a custom format with date or time parts. */
    private static DateKind dateKind(Integer id, String format) {
        if (id != null && id >= 14 && id <= 17) {
            return DateKind.DATE;
        }
        if (id != null && ((id >= 18 && id <= 22) || (id >= 45 && id <= 47))) {
            return DateKind.DATE_TIME;
        }
        if (format == null) {
            return DateKind.NONE;
        }
        String f = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase(Locale.ROOT);
        boolean time = f.contains("h") || f.contains("s");
        if (f.contains("d") || f.contains("y")) {
            return time ? DateKind.DATE_TIME : DateKind.DATE;
        }
        return time ? DateKind.DATE_TIME : DateKind.NONE;
    }

    @Override
    public boolean strictWidth() {
        return false;
    }

    @Override
    public void close() throws IOException {
        stream.close();
        workbook.close();
    }
}
