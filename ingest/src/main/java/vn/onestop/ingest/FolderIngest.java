package vn.onestop.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import vn.onestop.ingest.drop.DropFileStager;
import vn.onestop.ingest.drop.DropFolder;

/**
 * Ingests a folder of canonical drops (CSV or XLSX, one file or more per record type, the name prefix saying which)
 * into the lake as a snapshot: every row ends accepted, quarantined with a reason, or superseded by a newer version
 * of the same record. A record type that has files in the folder replaces its lake table; the others keep what the
 * lake has (decision 19).
 */
public final class FolderIngest {
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
        Map<RecordType, List<Path>> files = DropFolder.byType(DropFolder.files(inputDir), notes);
        if (files.isEmpty()) {
            throw new DropFileStager.UnreadableDropException("Input folder " + inputDir + " holds no canonical CSV "
                    + "or XLSX file (expected names like case.csv, agency.csv, case_apology.xlsx).");
        }
        lake.recover(spark);
        RecordIngest ingest = new RecordIngest(spark, lake, now, runId);
        List<InputCount> counts = new ArrayList<>();
        List<QuarantinedRow> quarantined = new ArrayList<>();
        Path staging = workDir.resolve("staging-" + runId);
        try {
            for (RecordType type : RecordType.values()) {
                List<Path> typeFiles = files.get(type);
                if (typeFiles == null) {
                    continue;
                }
                DropFolder.Staged staged = new DropFolder.Staged(type, staging);
                for (Path f : typeFiles) {
                    staged.add(f).notes().forEach(n -> notes.add(f.getFileName() + ": " + n));
                }
                RecordIngest.Outcome outcome = ingest.load(staged.batch(spark), "", RecordIngest.Mode.REPLACE);
                counts.addAll(outcome.counts());
                quarantined.addAll(outcome.quarantined());
            }
        } finally {
            deleteQuietly(staging);
        }
        return new IngestReport(runId, counts, quarantined, notes);
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover staging folder is harmless and named after its run
        } catch (UncheckedIOException ignored) {
            // same
        }
    }
}
