package vn.onestop.ingest;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Turns a row of raw text into typed canonical values and says the first reason it must be quarantined
 * (data-contract.md, "Validation"), or null. Plain Java per row: the checks read like the contract, and Spark's
 * optimiser is spared a hundred-branch expression. Reasons are codes users see on the data page.
 */
final class RowValidator implements MapPartitionsFunction<Row, Row>, Serializable {
    private static final long serialVersionUID = 1L;

    static final String MISSING_REQUIRED = "MISSING_REQUIRED";
    static final String BAD_TIMESTAMP = "BAD_TIMESTAMP";
    static final String FUTURE_TIMESTAMP = "FUTURE_TIMESTAMP";
    static final String BAD_VALUE = "BAD_VALUE";
    static final String BAD_CODE = "BAD_CODE";
    static final String FINISHED_BEFORE_RECEIVED = "FINISHED_BEFORE_RECEIVED";
    static final String DUE_BEFORE_RECEIVED = "DUE_BEFORE_RECEIVED";
    static final String UNKNOWN_AGENCY = "UNKNOWN_AGENCY";
    static final String UNKNOWN_PROCEDURE = "UNKNOWN_PROCEDURE";
    static final String UNKNOWN_CASE = "UNKNOWN_CASE";

    static final String SOURCE = "_source";
    static final String LINE = "_line";
    static final String REASON = "_reason";
    static final String DETAIL = "_detail";
    static final String RAW = "_raw";

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * Offices write ISO or Vietnamese day-first dates, with or without seconds. Strict: 31/04 is not a date (a lenient
     * reading would make it 30/04 and keep a wrong day).
     */
    private static final List<DateTimeFormatter> LOCAL_FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            strict("uuuu-MM-dd HH:mm[:ss]"),
            strict("d/M/uuuu H:mm[:ss]"));
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE, strict("d/M/uuuu"));
    /** Nothing happened in a one-stop shop before the mechanism began (Decision 181/2003/QĐ-TTg). */
    private static final Instant FIRST_TIMESTAMP = LocalDate.of(2003, 1, 1).atStartOfDay(ZONE).toInstant();
    /** Reference dates (agency validity, announcements) go further back, but not past 1900: that is a typo. */
    private static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    /** A value longer than this is no field of the contract but a broken export (a 5 MB cell). */
    static final int MAX_LENGTH = 4000;

    private final RecordType type;
    private final LocalDateTime now;

    RowValidator(RecordType type, LocalDateTime now) {
        this.type = type;
        this.now = now;
    }

    /** Input: {@code _source, _line} then the canonical columns as text. */
    static StructType inputSchema(RecordType type) {
        StructType s = new StructType().add(SOURCE, DataTypes.StringType).add(LINE, DataTypes.LongType);
        for (String c : type.columnNames()) {
            s = s.add(c, DataTypes.StringType);
        }
        return s;
    }

    /** Output: {@code _source, _line, _reason, _detail, _raw} then the canonical columns, typed. */
    static StructType outputSchema(RecordType type) {
        StructType s = new StructType().add(SOURCE, DataTypes.StringType).add(LINE, DataTypes.LongType)
                .add(REASON, DataTypes.StringType).add(DETAIL, DataTypes.StringType).add(RAW, DataTypes.StringType);
        for (Field f : type.fields()) {
            s = s.add(f.name(), f.type().sparkType());
        }
        return s;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return validate(rows.next());
            }
        };
    }

    Row validate(Row in) {
        List<Field> fields = type.fields();
        Object[] out = new Object[5 + fields.size()];
        out[0] = in.getString(0);
        out[1] = in.isNullAt(1) ? null : in.getLong(1);
        String reason = null;
        String detail = null;
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String text = in.getString(2 + i);
            if (text != null) {
                if (raw.length() > 0) {
                    raw.append("; ");
                }
                raw.append(f.name()).append('=').append(text, 0, Math.min(text.length(), QuarantineText.RAW_MAX));
                text = text.replace("\uFEFF", "").strip(); // a byte-order mark is never data (files joined together)
                if (text.isEmpty()) {
                    text = null;
                }
            }
            Object value = null;
            try {
                value = parse(f, text);
            } catch (BadValue e) {
                if (reason == null) {
                    reason = e.reason;
                    detail = e.quotesValue ? f.name() + " = '" + QuarantineText.shown(text, QuarantineText.VALUE_MAX)
                            + "' " + e.getMessage() : f.name() + " " + e.getMessage();
                }
            }
            out[5 + i] = value;
            if (value == null && text == null && f.required() && reason == null) {
                reason = MISSING_REQUIRED;
                detail = f.name() + " is empty";
            }
        }
        if (reason == null) {
            String[] problem = crossFieldProblem(out);
            if (problem != null) {
                reason = problem[0];
                detail = problem[1];
            }
        }
        out[2] = reason;
        out[3] = detail;
        out[4] = raw.toString();
        return RowFactory.create(out);
    }

    /** Checks between fields, after every field parsed. */
    private String[] crossFieldProblem(Object[] out) {
        List<Field> fields = type.fields();
        for (int i = 0; i < fields.size(); i++) {
            // A due date is a promise and may lie ahead; everything else records something that happened.
            boolean promise = fields.get(i).name().endsWith("due_at");
            if (!promise && out[5 + i] instanceof Instant t && t.isAfter(now.atZone(ZONE).toInstant())) {
                return new String[] {FUTURE_TIMESTAMP, fields.get(i).name() + " = '" + local(t) + "' lies in the future"};
            }
        }
        if (type != RecordType.CASE) {
            return null;
        }
        Integer status = (Integer) value(out, "status");
        Instant received = (Instant) value(out, "received_at");
        if (received == null && status != null && status != 1 && status != 3) {
            // received_at is required for an accepted dossier: not 1 (submitted) or 3 (not accepted).
            return new String[] {MISSING_REQUIRED, "received_at is empty for an accepted dossier (status " + status + ")"};
        }
        Instant finished = (Instant) value(out, "finished_at");
        if (received != null && finished != null && finished.isBefore(received)) {
            return new String[] {FINISHED_BEFORE_RECEIVED,
                "finished_at = '" + local(finished) + "' is before received_at = '" + local(received) + "'"};
        }
        Instant due = (Instant) value(out, "due_at");
        if (received != null && due != null && due.isBefore(received)) {
            return new String[] {DUE_BEFORE_RECEIVED,
                "due_at = '" + local(due) + "' is before received_at = '" + local(received) + "'"};
        }
        return null;
    }

    private Object value(Object[] out, String name) {
        List<Field> fields = type.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return out[5 + i];
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static String local(Instant t) {
        return LocalDateTime.ofInstant(t, ZONE).toString();
    }

    private static final class BadValue extends Exception {
        final String reason;
        final boolean quotesValue;

        BadValue(String reason, String message) {
            this(reason, message, true);
        }

        BadValue(String reason, String message, boolean quotesValue) {
            super(message, null, false, false);
            this.reason = reason;
            this.quotesValue = quotesValue;
        }
    }

    static Object parse(Field f, String text) throws BadValue {
        if (text != null) {
            checkText(text);
        }
        if (f.name().equals("channel")) {
            // KenhThucHien: 1 or empty = in person, 2 = online, 3 = public post (data-contract.md).
            if (text == null || text.equals("1")) {
                return "DIRECT";
            }
            text = switch (text) {
                case "2" -> "ONLINE";
                case "3" -> "POSTAL";
                default -> text;
            };
        }
        if (text == null) {
            return null;
        }
        Object value = switch (f.type()) {
            case STRING -> text;
            case TIMESTAMP -> timestamp(text);
            case DATE -> date(text);
            case INT -> number(text, Integer::valueOf);
            case LONG -> number(text, Long::valueOf);
            case DECIMAL -> number(text, BigDecimal::new);
            case BOOLEAN -> bool(text);
        };
        if (f.codes().isEmpty() && value instanceof Number n && new BigDecimal(n.toString()).signum() < 0) {
            throw new BadValue(BAD_VALUE, "is negative"); // amounts, durations, counts and sequence numbers
        }
        if (!f.codes().isEmpty()) {
            String asText = value.toString();
            for (String code : f.codes()) {
                if (code.equalsIgnoreCase(asText)) {
                    return f.type() == FieldType.STRING ? code : value;
                }
            }
            throw new BadValue(BAD_CODE, "is not one of " + String.join("/", f.codes()));
        }
        return value;
    }

    /** Text no field may hold: too long to be a value, or with characters that are not data. */
    private static void checkText(String text) throws BadValue {
        if (text.length() > MAX_LENGTH) {
            throw new BadValue(BAD_VALUE, "is " + text.length() + " characters long (at most " + MAX_LENGTH + ")",
                    false);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (QuarantineText.isControl(c)) {
                throw new BadValue(BAD_VALUE, String.format("contains a control character (U+%04X)", (int) c));
            }
            if (c == '\uFFFD') {
                throw new BadValue(BAD_VALUE, "contains U+FFFD, a character lost in an earlier conversion");
            }
        }
    }

    private static Instant timestamp(String text) throws BadValue {
        Instant t = timestampOrNull(text);
        if (t == null) {
            throw new BadValue(BAD_TIMESTAMP, "is not a date/time");
        }
        if (t.isBefore(FIRST_TIMESTAMP)) {
            throw new BadValue(BAD_TIMESTAMP, "is before 2003, when the one-stop mechanism began");
        }
        return t;
    }

    private static Instant timestampOrNull(String text) {
        for (DateTimeFormatter fmt : LOCAL_FORMATS) {
            try {
                return LocalDateTime.parse(text, fmt).atZone(ZONE).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        try {
            return OffsetDateTime.parse(text).toInstant(); // an explicit offset is converted (spec: decision 5)
        } catch (DateTimeParseException ignored) {
            // not an offset form either
        }
        LocalDate day = dateOrNull(text);
        return day == null ? null : day.atStartOfDay(ZONE).toInstant();
    }

    private static LocalDate date(String text) throws BadValue {
        LocalDate d = dateOrNull(text);
        if (d == null) {
            throw new BadValue(BAD_TIMESTAMP, "is not a date");
        }
        if (d.isBefore(FIRST_DATE)) {
            throw new BadValue(BAD_TIMESTAMP, "is before 1900");
        }
        return d;
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    private static LocalDate dateOrNull(String text) {
        for (DateTimeFormatter fmt : DATE_FORMATS) {
            try {
                return LocalDate.parse(text, fmt);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return null;
    }

    private interface Parser<T> {
        T parse(String s);
    }

    private static <T> T number(String text, Parser<T> parser) throws BadValue {
        try {
            return parser.parse(text);
        } catch (NumberFormatException e) {
            throw new BadValue(BAD_VALUE, "is not a number");
        }
    }

    private static Boolean bool(String text) throws BadValue {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "x", "có", "co" -> Boolean.TRUE;
            case "false", "0", "no", "không", "khong" -> Boolean.FALSE;
            default -> throw new BadValue(BAD_VALUE, "is not true/false");
        };
    }
}
