package vn.onestop.dashboard.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.onestop.core.text.SpreadsheetText;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Labels;
import vn.onestop.dashboard.text.Language;

/**
 * The official progress report as XLSX in the layout of form II.06a/VPCP/KSTT (sheet "06a") and its summary
 * II.06b (sheet "06b"): the form's code in the top-left cell, the title, the period with both dates under it, a
 * merged two-row header with the form's Vietnamese labels, a row of column numbers (1)…(13), then the rows —
 * numbers as numbers, names neutralised against formulas. A4 landscape, one page wide, header rows repeated.
 */
public final class XlsxReport06Writer {
    private static final int COLUMNS = 13;
    private static final int HEADER_TOP = 6;
    private static final int FIRST_ROW = HEADER_TOP + 3;
    private static final String HEADER_FILL = "DDE6F0";
    private static final String GROUP_FILL = "EEF2F6";
    private static final String TOTAL_FILL = "FFF2CC";
    private static final String COUNT_FORMAT = "#,##0";

    /** Which published run the report's numbers come from. */
    public record Provenance(String runId, String publishedAt) {
    }

    private XlsxReport06Writer() {
    }

    public static void write(Report06 report, Provenance provenance, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "OneStop Monitor", "1.0");
        sheet(workbook.newWorksheet("06a"), "report06.form_06a", "report06.title_06a", report, report.detail(),
                provenance);
        sheet(workbook.newWorksheet("06b"), "report06.form_06b", "report06.title_06b", report, report.summary(),
                provenance);
        workbook.finish();
    }

    private static String vi(String key) {
        return Labels.get(Language.VI, key);
    }

    private static void sheet(Worksheet ws, String formKey, String titleKey, Report06 report, List<Report06.Row> rows,
                              Provenance provenance) {
        Formats f = Formats.of(Language.VI);
        int last = COLUMNS - 1;
        ws.value(0, 0, vi(formKey));
        ws.style(0, 0).bold().set();
        ws.value(1, 0, vi("report06.circular"));
        ws.style(1, 0).italic().fontSize(9).set();

        ws.value(3, 0, vi(titleKey));
        ws.range(3, 0, 3, last).merge();
        ws.range(3, 0, 3, last).style().bold().fontSize(12).horizontalAlignment("center").wrapText(true).set();
        ws.rowHeight(3, 33);
        ws.value(4, 0, periodLine(report, f));
        ws.range(4, 0, 4, last).merge();
        ws.range(4, 0, 4, last).style().italic().horizontalAlignment("center").set();
        ws.value(5, 10, vi("report06.unit"));
        ws.range(5, 10, 5, last).merge();
        ws.range(5, 10, 5, last).style().italic().horizontalAlignment("right").set();

        header(ws);
        int r = FIRST_ROW;
        for (Report06.Row row : rows) {
            ws.value(r, 0, row.number());
            ws.value(r, 1, SpreadsheetText.neutralise(row.name()));
            for (int c = 3; c <= COLUMNS; c++) {
                BigDecimal v = row.column(c);
                if (v != null) {
                    ws.value(r, c - 1, v);
                }
            }
            ws.range(r, 2, r, last).style().format(COUNT_FORMAT).set();
            ws.style(r, 0).horizontalAlignment("center").set();
            if (row.kind() != Report06.RowKind.AGENCY) {
                ws.range(r, 0, r, last).style().bold().fillColor(row.kind() == Report06.RowKind.TOTAL ? TOTAL_FILL
                        : GROUP_FILL).set();
            }
            r++;
        }
        ws.range(HEADER_TOP, 0, Math.max(r - 1, FIRST_ROW - 1), last).style().borderStyle(BorderStyle.THIN).set();
        ws.value(r + 1, 0, Labels.format(Language.VI, "report06.provenance", provenance.runId(),
                provenance.publishedAt()));
        ws.style(r + 1, 0).italic().fontSize(9).set();

        ws.width(0, 6);
        ws.width(1, 38);
        for (int c = 2; c <= last; c++) {
            ws.width(c, 11.5);
        }
        ws.freezePane(2, FIRST_ROW);
        ws.pageOrientation("landscape");
        ws.paperSize(PaperSize.A4_PAPER);
        ws.setFitToPage(true);
        ws.fitToWidth((short) 1);
        ws.fitToHeight((short) 0);
        ws.repeatRows(HEADER_TOP, FIRST_ROW - 1);
    }

    /** "Kỳ báo cáo tháng 3/2024 (Từ ngày 15/02/2024 đến ngày 14/03/2024)"; a calendar period says "Kỳ báo cáo: …". */
    static String periodLine(Report06 report, Formats f) {
        String name = f.periodName(report.period());
        if (name == null) {
            return vi("header.period") + ": " + f.periodFromTo(report.period());
        }
        return (report.period().report() ? name : vi("header.period") + ": " + name)
                + " (" + f.periodFromTo(report.period()) + ")";
    }

    /** Rows HEADER_TOP and HEADER_TOP + 1: the form's labels, merged as printed; then (1)…(13). */
    private static void header(Worksheet ws) {
        int top = HEADER_TOP;
        int sub = top + 1;
        merged(ws, top, 0, sub, 0, "report06.col.1");
        merged(ws, top, 1, sub, 1, "report06.col.2");
        merged(ws, top, 2, top, 5, "report06.received");
        merged(ws, top, 6, top, 9, "report06.resolved");
        merged(ws, top, 10, top, 12, "report06.pending");
        String[] subKeys = {"total", "online", "in_person", "carried", "total", "early", "on_time", "late", "total",
            "within", "overdue"};
        for (int i = 0; i < subKeys.length; i++) {
            ws.value(sub, i + 2, vi("report06.col." + subKeys[i]));
        }
        for (int c = 0; c < COLUMNS; c++) {
            ws.value(top + 2, c, "(" + (c + 1) + ")");
        }
        ws.range(top, 0, sub, COLUMNS - 1).style().bold().fillColor(HEADER_FILL).horizontalAlignment("center")
                .verticalAlignment("center").wrapText(true).set();
        ws.range(top + 2, 0, top + 2, COLUMNS - 1).style().italic().horizontalAlignment("center").set();
        ws.rowHeight(sub, 45);
    }

    private static void merged(Worksheet ws, int r1, int c1, int r2, int c2, String key) {
        ws.value(r1, c1, vi(key));
        ws.range(r1, c1, r2, c2).merge();
    }
}
