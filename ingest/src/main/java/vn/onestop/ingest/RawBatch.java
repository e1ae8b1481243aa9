package vn.onestop.ingest;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Rows of one record type as a source delivered them, before any check: {@code _source} (a file, or source and
 * table), {@code _line} (a line, or the source row's key), then every canonical column as text. Every connector
 * produces these, so every source goes through the same validation, quarantine and balance.
 *
 * @param readBySource  rows read per {@code _source} as counted by the connector itself (including the rows in
 *                      {@code rejectedEarly}), asked once the load has read {@code rows} (a connector may count
 *                      them on the way); or null to count {@code rows}
 * @param rejectedEarly rows the connector could not even split into columns, already quarantined
 * @param countPrefix   prefix of the input names in the balance ("retry:" for re-tried quarantined rows)
 * @param winsTies      whether a row equal in version to the lake's replaces it (true for fresh reads; false for
 *                      re-tried rows, which are older news than whatever reached the lake since)
 */
public record RawBatch(RecordType type, Dataset<Row> rows, Supplier<Map<String, Long>> readBySource,
                       List<QuarantinedRow> rejectedEarly, String countPrefix, boolean winsTies) {
    public static final String SOURCE = RowValidator.SOURCE;
    public static final String LINE = RowValidator.LINE;

    /** A batch read fresh from a source, counted by Spark. */
    public static RawBatch of(RecordType type, Dataset<Row> rows) {
        return new RawBatch(type, rows, null, List.of(), "", true);
    }

    /** {@code _source, _line}, then the canonical columns as text. */
    public static StructType schema(RecordType type) {
        return RowValidator.inputSchema(type);
    }
}
