package vn.onestop.inspection.published;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A period of a published run ({@code pub_period}): kind and both ends, inclusive. Its id is the dashboard's long
 * form {@code kind_start_end}; short ids ({@code 2024-Q1}, {@code 2024-03}, {@code 2024-H1}, {@code 2024}) name whole
 * calendar periods on the command line.
 */
public record PeriodRef(String kind, LocalDate start, LocalDate end) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] ROMAN = {"I", "II", "III", "IV"};
    private static final java.util.regex.Pattern LONG_ID =
            java.util.regex.Pattern.compile("([a-z_]+)_(\\d{4}-\\d{2}-\\d{2})_(\\d{4}-\\d{2}-\\d{2})");

    public String id() {
        return kind + "_" + start + "_" + end;
    }

    /** Vietnamese name of the period: "Quý I/2024", "Tháng 3/2024", "Năm 2024", else its dates. */
    public String label() {
        String dates = start.format(DATE) + " – " + end.format(DATE);
        boolean whole = switch (kind) {
            case "month" -> start.getDayOfMonth() == 1 && end.equals(start.plusMonths(1).minusDays(1));
            case "quarter" -> start.getDayOfMonth() == 1 && end.equals(start.plusMonths(3).minusDays(1));
            case "half" -> start.getDayOfMonth() == 1 && end.equals(start.plusMonths(6).minusDays(1));
            case "year" -> start.getDayOfYear() == 1 && end.equals(start.plusYears(1).minusDays(1));
            default -> false;
        };
        if (!whole) {
            return dates;
        }
        return switch (kind) {
            case "month" -> "Tháng " + start.getMonthValue() + "/" + start.getYear();
            case "quarter" -> "Quý " + ROMAN[(start.getMonthValue() - 1) / 3] + "/" + start.getYear();
            case "half" -> "6 tháng " + (start.getMonthValue() == 1 ? "đầu" : "cuối") + " năm " + start.getYear();
            default -> "Năm " + start.getYear();
        };
    }

    /** The whole calendar period a short id names ({@code 2024-Q1}, {@code 2024-03}, {@code 2024-H2}, {@code 2024}). */
    public static PeriodRef ofShortId(String id) {
        String s = id.strip();
        try {
            if (s.matches("\\d{4}")) {
                LocalDate start = LocalDate.of(Integer.parseInt(s), 1, 1);
                return new PeriodRef("year", start, start.plusYears(1).minusDays(1));
            }
            if (s.matches("\\d{4}-Q[1-4]")) {
                LocalDate start = LocalDate.of(Integer.parseInt(s.substring(0, 4)), 3 * (s.charAt(6) - '1') + 1, 1);
                return new PeriodRef("quarter", start, start.plusMonths(3).minusDays(1));
            }
            if (s.matches("\\d{4}-H[12]")) {
                LocalDate start = LocalDate.of(Integer.parseInt(s.substring(0, 4)), s.charAt(6) == '1' ? 1 : 7, 1);
                return new PeriodRef("half", start, start.plusMonths(6).minusDays(1));
            }
            if (s.matches("\\d{4}-\\d{2}")) {
                LocalDate start = LocalDate.parse(s + "-01");
                return new PeriodRef("month", start, start.plusMonths(1).minusDays(1));
            }
            java.util.regex.Matcher m = LONG_ID.matcher(s);
            if (m.matches()) {
                return new PeriodRef(m.group(1), LocalDate.parse(m.group(2)), LocalDate.parse(m.group(3)));
            }
        } catch (RuntimeException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("Unknown period '" + id + "': use 2024-Q1, 2024-03, 2024-H1, 2024 or "
                + "kind_start_end as the dashboard writes it.");
    }
}
