package vn.onestop.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Rows waiting for a reference (agency, procedure, dossier) to arrive. They are kept as canonical text, exactly what
 * a source would deliver, so that a re-try goes through the same checks as any input: {@code _source, _line}, the
 * canonical columns, then {@code _reason}, {@code _key} (the record's key as text) and {@code _version}.
 */
final class PendingRows {
    static final String REASON = "_reason";
    static final String KEY = "_key";
    static final String VERSION = "_version";

    private PendingRows() {
    }

    /** Typed, validated rows (RowValidator's output) as pending rows. */
    static Dataset<Row> fromQuarantined(RecordType type, Dataset<Row> rows) {
        List<Column> out = new ArrayList<>();
        out.add(col(RowValidator.SOURCE));
        out.add(col(RowValidator.LINE));
        for (Field f : type.fields()) {
            out.add(text(type, f.name()).alias(f.name()));
        }
        out.add(col(RowValidator.REASON).alias(REASON));
        out.add(keyText(type).alias(KEY));
        out.add((type.versionColumn() == null ? lit(null).cast("timestamp") : col(type.versionColumn())).alias(VERSION));
        return rows.select(out.toArray(Column[]::new));
    }

    /** Drops kept rows whose key the lake now holds in a version at least as new: they were overtaken. */
    static Dataset<Row> withoutSettled(RecordType type, Dataset<Row> pending, Dataset<Row> lakeTable) {
        String version = type.versionColumn();
        Dataset<Row> inLake = lakeTable.select(keyText(type).alias(KEY),
                (version == null ? lit(null).cast("timestamp") : col(version)).alias("_lake_version"),
                lit(true).alias("_in_lake"));
        Dataset<Row> joined = pending.join(inLake, CollectionConverters.asScala(List.of(KEY)).toSeq(), "left");
        // Without versions any copy in the lake settles a row (the lake only holds checked rows).
        Column settled = version == null ? col("_in_lake").isNotNull()
                : col("_lake_version").isNotNull().and(col(VERSION).isNull().or(col("_lake_version").geq(col(VERSION))));
        return joined.filter(not(settled)).drop("_lake_version", "_in_lake");
    }

    /** A typed canonical column as the text a source would have sent. */
    static Column text(RecordType type, String name) {
        Field f = type.fields().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return switch (f.type()) {
            case TIMESTAMP -> date_format(col(name), "yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
            case DATE -> date_format(col(name), "yyyy-MM-dd");
            default -> col(name).cast("string");
        };
    }

    static Column keyText(RecordType type) {
        List<Column> parts = new ArrayList<>();
        for (String k : type.key()) {
            if (!parts.isEmpty()) {
                parts.add(lit("|"));
            }
            parts.add(text(type, k));
        }
        return concat(parts.toArray(Column[]::new));
    }
}
