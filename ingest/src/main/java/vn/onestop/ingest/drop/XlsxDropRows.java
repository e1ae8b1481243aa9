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
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an XLSX drop, cell by cell as text: text cells as typed (Vietnamese dates such as
 * {@code 05/03/2024 14:30} are parsed later like any text), real Excel dates as ISO local times, numbers without a
 * trailing {@code .0}, booleans as {@code true}/{@code false}, formulas as the value Excel computed. The line of a row
 * is its row number in Excel. A cell whose value is lost — an error such as {@code #N/A}, or a formula a program
 * wrote without computing it — is the row's problem: the row is quarantined, never read with the cell empty.
 */
final class XlsxDropRows implements DropFileStager.DropRows {
    private final String source;
    private final String path;
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final boolean date1904;

    XlsxDropRows(Path file) throws IOException {
        this.source = file.getFileName().toString();
        this.path = file.toString();
        this.workbook = open(file);
        try {
            this.date1904 = workbook.isDate1904();
            this.stream = workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw damaged(e);
        }
        this.rows = stream.iterator();
    }

    /** With cell formats (to know dates); without them when the workbook has no styles part, as some programs write. */
    private ReadableWorkbook open(Path file) {
        try {
            return new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        } catch (IOException | RuntimeException withFormats) {
            try {
                return new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false));
            } catch (IOException | RuntimeException e) {
                throw damaged(withFormats);
            }
        }
    }

    private DropFileStager.UnreadableDropException damaged(Exception e) {
        String why = String.valueOf(e.getMessage()).replace(path, source); // no server path in an office's report
        return new DropFileStager.UnreadableDropException(source + " cannot be opened as an XLSX workbook: it is "
                + "damaged or cut off (" + why + "). Open it in Excel, save it again as .xlsx and drop it again.");
    }

    @Override
    public DropFileStager.DropRow next() throws IOException {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            Row row = rows.next();
            List<String> cells = new ArrayList<>(row.getCellCount());
            int problemCell = -1;
            String problem = null;
            for (int i = 0; i < row.getCellCount(); i++) {
                Cell cell = row.getCell(i);
                String lost = lost(cell);
                if (lost != null && problem == null) {
                    problemCell = i;
                    problem = lost;
                }
                cells.add(lost != null ? shown(cell) : text(cell));
            }
            return new DropFileStager.DropRow(row.getRowNum(), cells, problemCell, problem);
        } catch (UncheckedIOException e) {
            throw damaged(e.getCause());
        } catch (RuntimeException e) {
            throw damaged(e);
        }
    }

    /** What Excel shows in a cell whose value is lost: the error, or the formula. */
    private static String shown(Cell cell) {
        return cell.getType() == CellType.ERROR ? cell.getRawValue() : "=" + cell.getFormula();
    }

    /** Why a cell's value is lost, or null. */
    private static String lost(Cell cell) {
        if (cell == null) {
            return null;
        }
        if (cell.getType() == CellType.ERROR) {
            return "is an Excel error (" + cell.getRawValue() + ")";
        }
        if (cell.getType() == CellType.FORMULA && cell.getRawValue() == null) {
            return "is a formula (=" + cell.getFormula() + ") without a computed value: open the file in Excel and save "
                    + "it again";
        }
        return null;
    }

    private String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getType()) {
            case EMPTY -> null;
            case STRING -> cell.asString();
            case BOOLEAN -> cell.asBoolean().toString();
            case NUMBER -> number(cell, cell.asNumber());
            case FORMULA -> formulaValue(cell);
            default -> cell.getText();
        };
    }

    private String number(Cell cell, BigDecimal n) {
        return switch (dateKind(cell.getDataFormatId(), cell.getDataFormatString())) {
            case DATE -> dateTime(n).toLocalDate().toString();
            case DATE_TIME -> dateTime(n).toString();
            case NONE -> n.stripTrailingZeros().toPlainString();
        };
    }

    /** The value Excel computed and kept with the formula: a number (perhaps a date) or text. */
    private String formulaValue(Cell cell) {
        String value = cell.getRawValue();
        try {
            return number(cell, new BigDecimal(value));
        } catch (NumberFormatException e) {
            return value;
        }
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
