package vn.onestop.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.onestop.ingest.drop.DropFileStager;
import vn.onestop.ingest.drop.DropFileStager.StagedFile;

/**
 * Ingests a folder of canonical CSV drops (one file or more per record type, the name prefix saying which) into the
 * lake: every row ends accepted, quarantined with a reason, or superseded by a newer version of the same record.
 * A record type that has files in the folder replaces its lake table; the others keep what the lake has.
 */
public final class FolderIngest {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FolderIngest.class);
    private static final String STATE = "_state";

    private final SparkSession spark;
    private final Lake lake;
    private final LocalDateTime now;

    /**
     * @param now the run's clock: timestamps after it are quarantined as lying in the future
     */
    public FolderIngest(SparkSession spark, Lake lake, LocalDateTime now) {
        this.spark = spark;
        this.lake = lake;
        this.now = now;
    }

    public IngestReport run(Path inputDir, Path workDir, String runId) {
        if (!Files.isDirectory(inputDir)) {
            throw new DropFileStager.UnreadableDropException("Input folder " + inputDir
                    + " does not exist or is not a folder. Give a folder of canonical CSV files (case.csv, agency.csv, …).");
        }
        List<String> notes = new ArrayList<>();
        Map<RecordType, List<Path>> files = filesByType(inputDir, notes);
        if (files.isEmpty()) {
            throw new DropFileStager.UnreadableDropException("Input folder " + inputDir + " holds no canonical CSV "
                    + "file (expected names like case.csv, agency.csv, case_apology.csv).");
        }
        List<InputCount> counts = new ArrayList<>();
        List<QuarantinedRow> quarantined = new ArrayList<>();
        Path staging = workDir.resolve("staging-" + runId);
        try {
            Files.createDirectories(staging);
            Map<RecordType, Dataset<Row>> accepted = new EnumMap<>(RecordType.class);
            for (RecordType type : RecordType.values()) {
                List<Path> typeFiles = files.get(type);
                if (typeFiles == null) {
                    continue;
                }
                Path stagingCsv = staging.resolve(type.table() + ".csv");
                List<StagedFile> staged = new ArrayList<>();
                for (Path f : typeFiles) {
                    staged.add(DropFileStager.stage(f, type, stagingCsv));
                }
                long started = System.nanoTime();
                Dataset<Row> clean = ingestType(type, stagingCsv, staged, accepted, runId, counts, quarantined);
                accepted.put(type, clean);
                LOG.info("Ingested {} ({} file(s)) in {} ms", type.table(), typeFiles.size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use work folder " + workDir + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(staging);
        }
        return new IngestReport(runId, counts, quarantined, notes);
    }

    private Dataset<Row> ingestType(RecordType type, Path stagingCsv, List<StagedFile> staged,
                                    Map<RecordType, Dataset<Row>> accepted, String runId,
                                    List<InputCount> counts, List<QuarantinedRow> quarantined) {
        Dataset<Row> raw = spark.read()
                .option("header", "true")
                .option("multiLine", "true")
                .option("escape", "\"")
                .option("mode", "FAILFAST")
                .schema(RowValidator.inputSchema(type))
                .csv(stagingCsv.toString());
        Dataset<Row> parsed = raw.mapPartitions(new RowValidator(type, now),
                org.apache.spark.sql.Encoders.row(RowValidator.outputSchema(type)));
        parsed = checkReferences(type, parsed, accepted);

        // Of several valid rows with one key, the newest wins; the others are superseded, not lost.
        var order = new ArrayList<Column>();
        if (type.versionColumn() != null) {
            order.add(col(type.versionColumn()).desc_nulls_last());
        }
        order.add(col(DropFileStager.SOURCE).desc());
        order.add(col(DropFileStager.LINE).desc());
        var byKey = Window.partitionBy(type.key().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
                .orderBy(order.toArray(Column[]::new));
        Dataset<Row> valid = parsed.filter(col(RowValidator.REASON).isNull())
                .withColumn(STATE, when(row_number().over(byKey).equalTo(1), lit("A")).otherwise(lit("S")));
        Dataset<Row> invalid = parsed.filter(col(RowValidator.REASON).isNotNull()).withColumn(STATE, lit("Q"));
        Dataset<Row> marked = valid.unionByName(invalid).persist();
        try {
            Map<String, long[]> bySource = new LinkedHashMap<>();
            for (StagedFile f : staged) {
                bySource.put(f.source(), new long[] {f.rowsRead(), 0, f.malformed().size(), 0});
            }
            long acceptedRows = 0;
            for (Row r : marked.groupBy(RowValidator.SOURCE).agg(
                    sum(when(col(STATE).equalTo("A"), 1).otherwise(0)).alias("a"),
                    sum(when(col(STATE).equalTo("Q"), 1).otherwise(0)).alias("q"),
                    sum(when(col(STATE).equalTo("S"), 1).otherwise(0)).alias("s")).collectAsList()) {
                long[] c = bySource.get(r.getString(0));
                c[1] += r.getLong(1);
                c[2] += r.getLong(2);
                c[3] += r.getLong(3);
                acceptedRows += r.getLong(1);
            }
            bySource.forEach((source, c) -> counts.add(new InputCount(source, type.table(), c[0], c[1], c[2], c[3])));

            Dataset<Row> clean = marked.filter(col(STATE).equalTo("A")).select(
                    type.columnNames().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
            if (type == RecordType.CASE && acceptedRows > 0) {
                // One file per month: partitioned writes from many tasks would scatter tiny files.
                Dataset<Row> byMonth = clean.withColumn("received_month", date_format(col("received_at"), "yyyy-MM"));
                lake.replace(spark, byMonth.repartition(col("received_month")), type.table(), runId, "received_month");
            } else {
                lake.replace(spark, clean.coalesce(1), type.table(), runId);
            }

            List<QuarantinedRow> typeQuarantine = new ArrayList<>();
            for (Row r : marked.filter(col(STATE).equalTo("Q")).select(col(RowValidator.SOURCE),
                    col(RowValidator.LINE), col(RowValidator.REASON), col(RowValidator.DETAIL), col(RowValidator.RAW))
                    .collectAsList()) {
                typeQuarantine.add(new QuarantinedRow(type.table(), r.getString(0) + ":" + r.getLong(1),
                        r.getString(2), r.getString(3), r.getString(4)));
            }
            for (StagedFile f : staged) {
                for (String[] m : f.malformed()) {
                    typeQuarantine.add(new QuarantinedRow(type.table(), m[0] + ":" + m[1], m[2], m[3], m[4]));
                }
            }
            typeQuarantine.sort(java.util.Comparator.comparing((QuarantinedRow q) -> q.location().substring(0,
                    q.location().lastIndexOf(':'))).thenComparingLong(q -> Long.parseLong(
                    q.location().substring(q.location().lastIndexOf(':') + 1))));
            if (!typeQuarantine.isEmpty()) {
                keepInLake(typeQuarantine, runId);
            }
            quarantined.addAll(typeQuarantine);
            return lake.read(spark, type.table());
        } finally {
            marked.unpersist();
        }
    }

    /** Quarantined rows are kept in the lake too, per ingest run: nothing is lost, even past the store's copy. */
    private void keepInLake(List<QuarantinedRow> rows, String runId) {
        StructType schema = new StructType()
                .add("record_type", DataTypes.StringType).add("location", DataTypes.StringType)
                .add("reason", DataTypes.StringType).add("detail", DataTypes.StringType)
                .add("raw_value", DataTypes.StringType).add("ingest_run", DataTypes.StringType);
        List<Row> out = new ArrayList<>();
        for (QuarantinedRow q : rows) {
            out.add(org.apache.spark.sql.RowFactory.create(q.recordType(), q.location(), q.reason(), q.detail(),
                    q.rawValue(), runId));
        }
        lake.appendPartition(spark.createDataFrame(out, schema).coalesce(1), "quarantine", "ingest_run");
    }

    /** Cases must name a known agency and procedure; dependent rows a known case (data-contract.md). */
    private Dataset<Row> checkReferences(RecordType type, Dataset<Row> parsed, Map<RecordType, Dataset<Row>> accepted) {
        Dataset<Row> out = parsed;
        switch (type) {
            case CASE -> {
                out = flagUnknown(out, "agency_code", reference(RecordType.AGENCY, accepted), "agency_code",
                        RowValidator.UNKNOWN_AGENCY, "agency_code = '%s' is not in the agency list");
                out = flagUnknown(out, "procedure_code", reference(RecordType.PROCEDURE, accepted), "procedure_code",
                        RowValidator.UNKNOWN_PROCEDURE, "procedure_code = '%s' is not in the procedure list");
            }
            case FEEDBACK -> out = flagUnknown(out, "agency_code", reference(RecordType.AGENCY, accepted),
                    "agency_code", RowValidator.UNKNOWN_AGENCY, "agency_code = '%s' is not in the agency list");
            case CASE_EVENT, CASE_SUPPLEMENT, CASE_APOLOGY, CASE_RATING -> out = flagUnknown(out, "case_id",
                    reference(RecordType.CASE, accepted), "case_id", RowValidator.UNKNOWN_CASE,
                    "case_id = '%s' is not a known dossier");
            default -> {
            }
        }
        return out;
    }

    private Dataset<Row> reference(RecordType type, Map<RecordType, Dataset<Row>> accepted) {
        Dataset<Row> ds = accepted.get(type);
        if (ds == null && lake.exists(spark, type.table())) {
            ds = lake.read(spark, type.table());
        }
        return ds;
    }

    private static Dataset<Row> flagUnknown(Dataset<Row> rows, String column, Dataset<Row> reference, String refColumn,
                                            String reason, String detailFormat) {
        if (reference == null) {
            return rows;
        }
        Dataset<Row> keys = reference.select(col(refColumn).alias("_known")).distinct();
        Dataset<Row> joined = rows.join(org.apache.spark.sql.functions.broadcast(keys),
                rows.col(column).equalTo(keys.col("_known")), "left");
        Column unknown = col(RowValidator.REASON).isNull().and(col(column).isNotNull()).and(col("_known").isNull());
        String[] parts = detailFormat.split("%s", 2);
        return joined
                .withColumn(RowValidator.DETAIL, when(unknown, concat(lit(parts[0]), col(column), lit(parts[1])))
                        .otherwise(col(RowValidator.DETAIL)))
                .withColumn(RowValidator.REASON, when(unknown, lit(reason)).otherwise(col(RowValidator.REASON)))
                .drop("_known");
    }

    private static Map<RecordType, List<Path>> filesByType(Path dir, List<String> notes) {
        Map<RecordType, List<Path>> out = new EnumMap<>(RecordType.class);
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f) || name.startsWith(".")) {
                    continue;
                }
                if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    notes.add(name + ": not a CSV file, ignored");
                    continue;
                }
                var type = RecordType.forFileName(name);
                if (type.isEmpty()) {
                    notes.add(name + ": the name does not start with a record type (case, agency, procedure, …), ignored");
                    continue;
                }
                out.computeIfAbsent(type.get(), t -> new ArrayList<>()).add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list input folder " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover staging folder is harmless and named after its run
        }
    }
}
