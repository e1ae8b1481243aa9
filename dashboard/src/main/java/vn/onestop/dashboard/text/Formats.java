package vn.onestop.dashboard.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import vn.onestop.dashboard.published.Period;

/**
 * Numbers, dates and periods as people read them: vi-VN by default ({@code 1.234.567}, {@code 45,45 %},
 * {@code 15/02/2024}, "Tháng 3/2024"); English separators under the English switch. Missing values read
 * "Không có dữ liệu", never 0 %.
 */
public final class Formats {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final String[] ROMAN_QUARTERS = {"I", "II", "III", "IV"};

    private final Language language;
    private final char groupSeparator;
    private final char decimalSeparator;

    private Formats(Language language) {
        this.language = language;
        this.groupSeparator = language == Language.VI ? '.' : ',';
        this.decimalSeparator = language == Language.VI ? ',' : '.';
    }

    public static Formats of(Language language) {
        return new Formats(language);
    }

    public Language language() {
        return language;
    }

    public String noData() {
        return Labels.get(language, "value.no_data");
    }

    /** A count: whole numbers with thousands grouped; a fractional count keeps 2 decimals. */
    public String count(BigDecimal n) {
        if (n == null) {
            return noData();
        }
        return decimal(n, n.stripTrailingZeros().scale() > 0 ? 2 : 0);
    }

    public String count(long n) {
        return count(BigDecimal.valueOf(n));
    }

    /** A rate with 2 decimals (half up) and a percent sign: {@code 45,45 %}. */
    public String percent(BigDecimal pct) {
        return pct == null ? noData() : decimal(pct, 2) + " %";
    }

    /** A target or threshold, without needless decimals: {@code 80 %}, {@code 97,5 %}. */
    public String percentTrimmed(BigDecimal pct) {
        return pct == null ? noData() : trimmed(pct) + " %";
    }

    /** A number with up to 2 decimals and no trailing zeros: {@code 18}, {@code 18,5}. */
    public String trimmed(BigDecimal n) {
        if (n == null) {
            return noData();
        }
        BigDecimal rounded = n.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return decimal(rounded, Math.max(0, rounded.scale()));
    }

    public String decimal(BigDecimal n, int decimals) {
        if (n == null) {
            return noData();
        }
        BigDecimal rounded = n.setScale(decimals, RoundingMode.HALF_UP);
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder out = new StringBuilder();
        if (rounded.signum() < 0) {
            out.append('-');
        }
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(groupSeparator);
            }
            out.append(whole.charAt(i));
        }
        if (dot >= 0) {
            out.append(decimalSeparator).append(plain, dot + 1, plain.length());
        }
        return out.toString();
    }

    public String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    public String dateTime(LocalDateTime at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    /**
     * "Tháng 3/2024", "Quý I/2024", "Năm 2024"; an official report period "Kỳ báo cáo tháng 3/2024"; a period
     * clipped to the data's range "Năm 2024 (đến 21/11/2024)"; a range "Từ 15/12/2023 đến 14/01/2024".
     */
    public String period(Period p) {
        boolean vi = language == Language.VI;
        if (!List.of(Period.MONTH, Period.QUARTER, Period.YEAR).contains(p.kind())) {
            return vi ? "Từ " + date(p.start()) + " đến " + date(p.end())
                    : "From " + date(p.start()) + " to " + date(p.end());
        }
        if (p.isOfficialReportPeriod()) {
            return (vi ? "Kỳ báo cáo " : "Report period, ") + name(p.kind(), p.end(), vi);
        }
        String name = capitalise(name(p.kind(), p.start(), vi));
        if (p.isCalendarAligned()) {
            return name;
        }
        Period whole = wholePeriod(p);
        boolean clippedStart = !p.start().equals(whole.start());
        boolean clippedEnd = !p.end().equals(whole.end());
        String part = clippedStart && clippedEnd ? periodDates(p)
                : clippedEnd ? (vi ? "đến " : "to ") + date(p.end())
                : (vi ? "từ " : "from ") + date(p.start());
        return name + " (" + part + ")";
    }

    /** "tháng 3/2024", "quý I/2024", "năm 2024" of the calendar period containing {@code day}. */
    private String name(String kind, LocalDate day, boolean vi) {
        int year = day.getYear();
        int quarter = (day.getMonthValue() - 1) / 3 + 1;
        return switch (kind) {
            case Period.MONTH -> vi ? "tháng " + day.getMonthValue() + "/" + year
                    : day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year;
            case Period.QUARTER -> vi ? "quý " + ROMAN_QUARTERS[quarter - 1] + "/" + year : "Q" + quarter + " " + year;
            default -> vi ? "năm " + year : "year " + year;
        };
    }

    /** The calendar month, quarter or year a clipped period was cut from. */
    private static Period wholePeriod(Period p) {
        LocalDate s = p.start();
        return switch (p.kind()) {
            case Period.MONTH -> new Period(p.kind(), s.withDayOfMonth(1), s.withDayOfMonth(1).plusMonths(1).minusDays(1));
            case Period.QUARTER -> {
                LocalDate q = LocalDate.of(s.getYear(), ((s.getMonthValue() - 1) / 3) * 3 + 1, 1);
                yield new Period(p.kind(), q, q.plusMonths(3).minusDays(1));
            }
            default -> new Period(p.kind(), s.withDayOfYear(1), s.withDayOfYear(1).plusYears(1).minusDays(1));
        };
    }

    /** A month as {@code 3/2024} (chart axes), even when cut at the data's range; any other period as {@link #period}. */
    public String periodShort(Period p) {
        return Period.MONTH.equals(p.kind()) && !p.isOfficialReportPeriod()
                ? p.start().getMonthValue() + "/" + p.start().getYear() : period(p);
    }

    /** Both ends of a period: {@code 01/03/2024 – 31/03/2024}. */
    public String periodDates(Period p) {
        return date(p.start()) + " – " + date(p.end());
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
