package vn.onestop.dashboard.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import vn.onestop.dashboard.published.Period;

/**
 * Numbers, dates and periods as people read them: vi-VN by default ({@code 1.234.567}, {@code 45,45 %},
 * {@code 15/02/2024}, "Tháng 3/2024"); English separators under the English switch. Missing values read
 * "Không có dữ liệu", never 0 %.
 */
public final class Formats {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
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

    /** A month as a column shows it, in both languages: {@code 03/2024}. */
    public String month(LocalDate day) {
        return day == null ? "" : MONTH.format(day);
    }

    public String dateTime(LocalDateTime at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    /**
     * How people say a period. Calendar: "Tháng 3/2024", "Quý I/2024", "6 tháng đầu năm 2024", "Năm 2024"; cut short
     * by the data's range: "Năm 2024 (đến 21/11/2024)". Report periods of Decree 09/2019 always with their dates:
     * "Kỳ báo cáo tháng 3/2024 (15/02–14/03/2024)", "Kỳ báo cáo 9 tháng năm 2024 (15/12/2023–14/09/2024)". A range:
     * "Từ 15/12/2023 đến 14/01/2024".
     */
    public String period(Period p) {
        boolean vi = language == Language.VI;
        if (!Period.KIND_ORDER.contains(p.kind()) || Period.RANGE.equals(p.kind())) {
            return vi ? "Từ " + date(p.start()) + " đến " + date(p.end())
                    : "From " + date(p.start()) + " to " + date(p.end());
        }
        if (p.report()) {
            String dates = shortDates(p) + (p.clipped() ? (vi ? ", chưa trọn kỳ" : ", incomplete") : "");
            return (vi ? "Kỳ báo cáo " : "Report period, ") + name(p, vi) + " (" + dates + ")";
        }
        String name = capitalise(name(p, vi));
        if (!p.clipped()) {
            return name;
        }
        LocalDate[] whole = wholeCalendarPeriod(p);
        boolean clippedStart = !p.start().equals(whole[0]);
        boolean clippedEnd = !p.end().equals(whole[1]);
        String part = clippedStart && clippedEnd ? periodDates(p)
                : clippedEnd ? (vi ? "đến " : "to ") + date(p.end())
                : (vi ? "từ " : "from ") + date(p.start());
        return name + " (" + part + ")";
    }

    /**
     * A period's name without its dates, for lines that give them after it: "Kỳ báo cáo tháng 3/2024", "Tháng 3/2024";
     * null for a range, which has no name but its dates.
     */
    public String periodName(Period p) {
        if (!Period.KIND_ORDER.contains(p.kind()) || Period.RANGE.equals(p.kind())) {
            return null;
        }
        boolean vi = language == Language.VI;
        return p.report() ? (vi ? "Kỳ báo cáo " : "Report period, ") + name(p, vi) : capitalise(name(p, vi));
    }

    /** "tháng 3/2024", "quý I/2024", "6 tháng đầu năm 2024", "9 tháng năm 2024", "năm 2024". */
    private static String name(Period p, boolean vi) {
        int year = p.year();
        LocalDate month = p.namedMonth();
        return switch (p.kind()) {
            case Period.MONTH, Period.REPORT_MONTH -> vi ? "tháng " + month.getMonthValue() + "/" + year
                    : month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year;
            case Period.QUARTER, Period.REPORT_QUARTER -> vi ? "quý " + ROMAN_QUARTERS[p.quarter() - 1] + "/" + year
                    : "Q" + p.quarter() + " " + year;
            case Period.HALF, Period.REPORT_HALF -> vi ? "6 tháng " + (p.half() == 1 ? "đầu" : "cuối") + " năm " + year
                    : (p.half() == 1 ? "first" : "second") + " half of " + year;
            case Period.REPORT_NINE_MONTHS -> vi ? "9 tháng năm " + year : "nine months of " + year;
            default -> vi ? "năm " + year : "year " + year;
        };
    }

    /** {@code 15/02–14/03/2024}, or with both years when they differ: {@code 15/12/2023–14/03/2024}. */
    private static String shortDates(Period p) {
        String from = p.start().getYear() == p.end().getYear() ? DAY_MONTH.format(p.start()) : DATE.format(p.start());
        return from + "–" + DATE.format(p.end());
    }

    /** First and last day of the calendar month, quarter, half or year a clipped period was cut from. */
    private static LocalDate[] wholeCalendarPeriod(Period p) {
        LocalDate s = p.start();
        int months = switch (p.kind()) {
            case Period.MONTH -> 1;
            case Period.QUARTER -> 3;
            case Period.HALF -> 6;
            default -> 12;
        };
        LocalDate first = LocalDate.of(s.getYear(), ((s.getMonthValue() - 1) / months) * months + 1, 1);
        return new LocalDate[] {first, first.plusMonths(months).minusDays(1)};
    }

    /** A calendar month as {@code 3/2024} (chart axes), even when cut at the data's range; else as {@link #period}. */
    public String periodShort(Period p) {
        return Period.MONTH.equals(p.kind()) ? p.start().getMonthValue() + "/" + p.start().getYear() : period(p);
    }

    /** Both ends of a period: {@code 01/03/2024 – 31/03/2024}. */
    public String periodDates(Period p) {
        return date(p.start()) + " – " + date(p.end());
    }

    /** "Từ ngày 15/02/2024 đến ngày 14/03/2024", as the official report forms say it. */
    public String periodFromTo(Period p) {
        return language == Language.VI ? "Từ ngày " + date(p.start()) + " đến ngày " + date(p.end())
                : "From " + date(p.start()) + " to " + date(p.end());
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
