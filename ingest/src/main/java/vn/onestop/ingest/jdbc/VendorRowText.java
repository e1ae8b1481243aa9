package vn.onestop.ingest.jdbc;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import vn.onestop.ingest.Field;
import vn.onestop.ingest.FieldType;
import vn.onestop.ingest.RecordType;

/**
 * A row of a vendor query as the text a canonical drop would hold: local times of the mapping's time zone turned
 * into Asia/Ho_Chi_Minh local times, numbers without trailing zeros, the vendor's codes translated through the
 * mapping's code lists (an unknown code stays as it is, to be quarantined with its value). Location: the entry's
 * name and the row's key. Each partition reports its rows and newest last-modified time to the read's tally once
 * it is read to the end.
 */
final class VendorRowText implements MapPartitionsFunction<Row, Row>, Serializable {
    private static final long serialVersionUID = 1L;
    private static final ZoneId CANONICAL = ZoneId.of("Asia/Ho_Chi_Minh");

    private final String source;
    private final RecordType type;
    private final String zone;
    private final HashMap<String, HashMap<String, String>> codes = new HashMap<>();
    private final ReadTally tally;

    VendorRowText(String source, RecordType type, ZoneId zone, Map<String, Map<String, String>> codes,
                  ReadTally tally) {
        this.source = source;
        this.type = type;
        this.zone = zone.getId();
        this.tally = tally;
        codes.forEach((column, list) -> this.codes.put(column, new HashMap<>(list)));
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        ZoneId from = ZoneId.of(zone);
        List<Field> fields = type.fields();
        int partition = TaskContext.getPartitionId();
        return new Iterator<>() {
            private int[] positions;
            private int updatedAt;
            private long read;
            private LocalDateTime newest;
            private boolean reported;

            @Override
            public boolean hasNext() {
                boolean more = rows.hasNext();
                if (!more && !reported) {
                    reported = true;
                    tally.add(new ReadTally.Part(partition, read, newest));
                }
                return more;
            }

            @Override
            public Row next() {
                Row in = rows.next();
                if (positions == null) {
                    positions = fields.stream().mapToInt(f -> indexOf(in, f.name())).toArray();
                    updatedAt = indexOf(in, JdbcSource.UPDATED);
                }
                read++;
                LocalDateTime updated = updatedAt < 0 || in.isNullAt(updatedAt) ? null : local(in.get(updatedAt), from);
                if (updated != null && (newest == null || updated.isAfter(newest))) {
                    newest = updated;
                }
                Object[] out = new Object[2 + fields.size()];
                out[0] = source;
                out[1] = ((Number) in.getAs(JdbcSource.KEY)).longValue();
                for (int i = 0; i < fields.size(); i++) {
                    Field f = fields.get(i);
                    int at = positions[i];
                    String text = at < 0 || in.isNullAt(at) ? null : text(in.get(at), f.type(), from);
                    Map<String, String> list = codes.get(f.name());
                    out[2 + i] = text == null || list == null ? text : list.getOrDefault(text, text);
                }
                return RowFactory.create(out);
            }
        };
    }

    private static int indexOf(Row row, String name) {
        for (int i = 0; i < row.length(); i++) {
            if (row.schema().fields()[i].name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A last-modified time as the mapping's local time, whichever type the driver returned it as. */
    private static LocalDateTime local(Object value, ZoneId zone) {
        if (value instanceof Instant t) {
            return LocalDateTime.ofInstant(t, zone);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        return (LocalDateTime) value;
    }

    static String text(Object value, FieldType type, ZoneId from) {
        if (value instanceof LocalDateTime t) {
            LocalDateTime local = from.equals(CANONICAL) ? t : t.atZone(from).withZoneSameInstant(CANONICAL).toLocalDateTime();
            return type == FieldType.DATE ? local.toLocalDate().toString() : local.toString();
        }
        if (value instanceof Instant t) {
            LocalDateTime local = LocalDateTime.ofInstant(t, CANONICAL);
            return type == FieldType.DATE ? local.toLocalDate().toString() : local.toString();
        }
        if (value instanceof java.sql.Timestamp t) {
            return text(t.toLocalDateTime(), type, from);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
