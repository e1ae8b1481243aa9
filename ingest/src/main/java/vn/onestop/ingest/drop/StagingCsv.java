package vn.onestop.ingest.drop;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.onestop.ingest.RawBatch;
import vn.onestop.ingest.RecordType;

/**
 * A UTF-8 CSV file of raw rows of one record type ({@code _source, _line}, then the canonical columns as text),
 * written by a connector's first pass and read by Spark in parallel.
 */
public final class StagingCsv implements Closeable {
    private final RecordType type;
    private final CSVPrinter printer;
    private final List<String> values = new ArrayList<>();
    private long rows;
    private final Map<String, Long> rowsBySource = new LinkedHashMap<>();

    public StagingCsv(Path file, RecordType type) {
        this.type = type;
        try {
            Files.createDirectories(file.getParent());
            Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            printer = new CSVPrinter(out, CSVFormat.RFC4180);
            List<String> header = new ArrayList<>(List.of(RawBatch.SOURCE, RawBatch.LINE));
            header.addAll(type.columnNames());
            printer.printRecord(header);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write staging file " + file + ": " + e.getMessage(), e);
        }
    }

    public RecordType type() {
        return type;
    }

    /** One row; {@code cells} are in canonical column order, null = absent. */
    public void row(String source, long line, List<String> cells) {
        values.clear();
        values.add(source);
        values.add(Long.toString(line));
        values.addAll(cells);
        try {
            printer.printRecord(values);
            rows++;
            rowsBySource.merge(source, 1L, Long::sum);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a staging row: " + e.getMessage(), e);
        }
    }

    public long rows() {
        return rows;
    }

    /** Rows written per {@code _source}, in the order the sources came. */
    public Map<String, Long> rowsBySource() {
        return rowsBySource;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot finish a staging file: " + e.getMessage(), e);
        }
    }

    /** The staged files (a file or a folder of them) as raw rows. */
    public static Dataset<Row> read(SparkSession spark, RecordType type, String... paths) {
        return spark.read()
                .option("header", "true")
                .option("multiLine", "true")
                .option("escape", "\"")
                .option("mode", "FAILFAST")
                .schema(RawBatch.schema(type))
                .csv(paths);
    }
}
