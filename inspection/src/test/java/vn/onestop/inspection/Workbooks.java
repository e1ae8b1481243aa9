package vn.onestop.inspection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Opens an XLSX we wrote with Apache POI (an independent reader) for assertions on cells, types and panes. */
public final class Workbooks {
    private Workbooks() {
    }

    public static XSSFWorkbook open(byte[] xlsx) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Cell cell(Sheet sheet, String ref) {
        CellReference r = new CellReference(ref);
        var row = sheet.getRow(r.getRow());
        return row == null ? null : row.getCell(r.getCol());
    }

    /** The cell's text as stored (a string cell) — null when empty. */
    public static String text(Sheet sheet, String ref) {
        Cell c = cell(sheet, ref);
        if (c == null || c.getCellType() == CellType.BLANK) {
            return null;
        }
        if (c.getCellType() != CellType.STRING) {
            throw new AssertionError(ref + " is a " + c.getCellType() + ", not text: " + new DataFormatter().formatCellValue(c));
        }
        return c.getStringCellValue();
    }

    /** The cell's number; an error when the cell is not numeric (a number written as text). */
    public static double number(Sheet sheet, String ref) {
        Cell c = cell(sheet, ref);
        if (c == null || c.getCellType() != CellType.NUMERIC) {
            throw new AssertionError(ref + " is not a number: " + (c == null ? "empty" : c.getCellType()));
        }
        return c.getNumericCellValue();
    }

    /** The cell as a spreadsheet shows it (dates in their format). */
    public static String shown(Sheet sheet, String ref) {
        Cell c = cell(sheet, ref);
        return c == null ? null : new DataFormatter().formatCellValue(c);
    }

    public static boolean isDate(Sheet sheet, String ref) {
        Cell c = cell(sheet, ref);
        return c != null && c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c);
    }

    /** The first row below the frozen pane (0-based), or -1 when nothing is frozen. */
    public static int frozenRows(Sheet sheet) {
        var pane = sheet.getPaneInformation();
        return pane == null || !pane.isFreezePane() ? -1 : pane.getHorizontalSplitTopRow();
    }
}
