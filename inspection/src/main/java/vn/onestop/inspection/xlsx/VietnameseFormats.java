package vn.onestop.inspection.xlsx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;

/** Dates and numbers inside Vietnamese sentences of the workbooks: {@code 15/02/2024}, {@code 1.234,50}. */
public final class VietnameseFormats {
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private VietnameseFormats() {
    }

    /** Two decimals, dot for thousands and comma for decimals: 72,40. */
    public static String number(BigDecimal n) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        DecimalFormat f = new DecimalFormat("#,##0.00", symbols);
        return f.format(n.setScale(2, RoundingMode.HALF_UP));
    }
}
