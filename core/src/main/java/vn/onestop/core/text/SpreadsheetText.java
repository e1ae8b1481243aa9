package vn.onestop.core.text;

/**
 * Text for spreadsheet cells, in every XLSX and CSV export, that a spreadsheet will not run: a cell starting with
 * = + - @ (or a tab or carriage return, which some programs skip before a formula) is prefixed with an apostrophe.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
