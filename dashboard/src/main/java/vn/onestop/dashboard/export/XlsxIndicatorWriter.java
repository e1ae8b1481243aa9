package vn.onestop.dashboard.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.onestop.core.text.SpreadsheetText;
import vn.onestop.dashboard.text.Labels;
import vn.onestop.dashboard.text.Language;

/**
 * The indicator export as XLSX: the same columns as the CSV with Vietnamese headers, the header row frozen,
 * dates as dates, numbers as numbers, empty cells for no data, text neutralised against formulas; printed one
 * page wide.
 */
public final class XlsxIndicatorWriter {
    private static final double[] WIDTHS = {12, 12, 18, 42, 12, 12, 12, 11, 9, 11, 13};

    private XlsxIndicatorWriter() {
    }

    public static void write(List<IndicatorExportRow> rows, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "OneStop Monitor", "1.0");
        Worksheet sheet = workbook.newWorksheet(Labels.get(Language.VI, "export.sheet"));
        for (int c = 0; c < IndicatorExportRow.COLUMNS.length; c++) {
            sheet.value(0, c, Labels.get(Language.VI, "export.column." + IndicatorExportRow.COLUMNS[c]));
            sheet.style(0, c).bold().fillColor("DDE6F0").wrapText(true).set();
            sheet.width(c, WIDTHS[c]);
        }
        sheet.freezePane(0, 1);
        // Printed (or converted to PDF) one page wide in landscape, the header on every page.
        sheet.pageOrientation("landscape");
        sheet.paperSize(PaperSize.A4_PAPER);
        sheet.setFitToPage(true);
        sheet.fitToWidth((short) 1);
        sheet.fitToHeight((short) 0);
        sheet.repeatRows(0);
        int r = 1;
        for (IndicatorExportRow row : rows) {
            sheet.value(r, 0, row.periodStart());
            sheet.value(r, 1, row.periodEnd());
            sheet.style(r, 0).format("yyyy-mm-dd").set();
            sheet.style(r, 1).format("yyyy-mm-dd").set();
            sheet.value(r, 2, SpreadsheetText.neutralise(row.agencyCode()));
            sheet.value(r, 3, SpreadsheetText.neutralise(row.agencyName()));
            sheet.value(r, 4, SpreadsheetText.neutralise(row.indicatorId()));
            number(sheet, r, 5, row.numerator());
            number(sheet, r, 6, row.denominator());
            number(sheet, r, 7, row.valuePct());
            number(sheet, r, 8, row.points());
            number(sheet, r, 9, row.maxPoints());
            sheet.value(r, 10, SpreadsheetText.neutralise(row.profile()));
            r++;
        }
        workbook.finish();
    }

    private static void number(Worksheet sheet, int r, int c, BigDecimal n) {
        if (n != null) {
            sheet.value(r, c, n);
        }
    }
}
