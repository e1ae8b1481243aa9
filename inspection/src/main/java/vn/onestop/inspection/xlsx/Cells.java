package vn.onestop.inspection.xlsx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Worksheet;
import vn.onestop.core.text.SpreadsheetText;

/**
 * How the inspection workbooks write cells: text neutralised against formulas, numbers as numbers, dates and times
 * as real Excel dates in the Vietnamese order, nothing at all for a missing value; titles merged across the table,
 * headers bold on a pale fill with thin borders.
 */
public final class Cells {
    public static final String HEADER_FILL = "DDE6F0";
    public static final String FINDINGS_FILL = "FFF2CC";
    private static final String DATE = "dd/mm/yyyy";
    private static final String DATE_TIME = "dd/mm/yyyy hh:mm";

    private Cells() {
    }

    public static void text(Worksheet ws, int r, int c, String text) {
        if (text != null && !text.isEmpty()) {
            ws.value(r, c, SpreadsheetText.neutralise(text));
        }
    }

    public static void number(Worksheet ws, int r, int c, BigDecimal n) {
        if (n != null) {
            ws.value(r, c, n);
        }
    }

    public static void number(Worksheet ws, int r, int c, long n) {
        ws.value(r, c, n);
    }

    public static void date(Worksheet ws, int r, int c, LocalDate d) {
        if (d != null) {
            ws.value(r, c, d);
            ws.style(r, c).format(DATE).set();
        }
    }

    public static void dateTime(Worksheet ws, int r, int c, LocalDateTime t) {
        if (t != null) {
            ws.value(r, c, t);
            ws.style(r, c).format(DATE_TIME).set();
        }
    }

    /** A line of text across columns 0…last, merged; {@code bold} for titles, else italic. */
    public static void title(Worksheet ws, int r, int last, String text, boolean bold, int fontSize) {
        text(ws, r, 0, text);
        ws.range(r, 0, r, last).merge();
        var style = ws.range(r, 0, r, last).style().horizontalAlignment("center").wrapText(true).fontSize(fontSize);
        (bold ? style.bold() : style.italic()).set();
    }

    /** A line of text across columns 0…last, merged, left-aligned and wrapped. */
    public static void paragraph(Worksheet ws, int r, int last, String text, double height) {
        text(ws, r, 0, text);
        ws.range(r, 0, r, last).merge();
        ws.range(r, 0, r, last).style().wrapText(true).verticalAlignment("top").set();
        ws.rowHeight(r, height);
    }

    /** A header row: bold labels on a pale fill, wrapped; the findings columns on a yellow fill. */
    public static void header(Worksheet ws, int r, String[] labels, int findingsFrom) {
        for (int c = 0; c < labels.length; c++) {
            ws.value(r, c, labels[c]);
            ws.style(r, c).bold().wrapText(true).horizontalAlignment("center").verticalAlignment("center")
                    .fillColor(c >= findingsFrom ? FINDINGS_FILL : HEADER_FILL).borderStyle(BorderStyle.THIN).set();
        }
    }

    /** Thin borders around every cell of a table body (rows first…last), wrapped and aligned to the top. */
    public static void body(Worksheet ws, int first, int last, int columns) {
        if (last >= first) {
            ws.range(first, 0, last, columns - 1).style().borderStyle(BorderStyle.THIN).wrapText(true)
                    .verticalAlignment("top").set();
        }
    }

    /** A4, one page wide, the header rows repeated on every page. */
    public static void print(Worksheet ws, boolean landscape, int headerFirst, int headerLast) {
        ws.pageOrientation(landscape ? "landscape" : "portrait");
        ws.paperSize(PaperSize.A4_PAPER);
        ws.setFitToPage(true);
        ws.fitToWidth((short) 1);
        ws.fitToHeight((short) 0);
        ws.repeatRows(headerFirst, headerLast);
    }
}
