package vn.onestop.ingest.drop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import vn.onestop.ingest.QuarantinedRow;
import vn.onestop.ingest.RawBatch;
import vn.onestop.ingest.RecordType;
import vn.onestop.ingest.drop.DropFileStager.StagedFile;

/** Drop files (CSV or XLSX, the name prefix saying the record type) and their staging into raw batches. */
public final class DropFolder {
    private DropFolder() {
    }

    /** The record type a drop holds, from its name, or empty when it is not a drop. */
    public static Optional<RecordType> typeOf(Path file) {
        String name = file.getFileName().toString();
        return DropFileStager.isDrop(name) ? RecordType.forFileName(name) : Optional.empty();
    }

    /** Regular, visible files of a folder, sorted by name. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Drops by type; every other file gets a note. */
    public static Map<RecordType, List<Path>> byType(List<Path> files, List<String> notes) {
        Map<RecordType, List<Path>> out = new EnumMap<>(RecordType.class);
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (!DropFileStager.isDrop(name)) {
                notes.add(name + ": not a CSV or XLSX file, ignored");
                continue;
            }
            var type = RecordType.forFileName(name);
            if (type.isEmpty()) {
                notes.add(name + ": the name does not start with a record type (case, agency, procedure, …), ignored");
                continue;
            }
            out.computeIfAbsent(type.get(), t -> new ArrayList<>()).add(f);
        }
        return out;
    }

    /** Staged drops of one type: each file in its own staging file, so that a bad file can be left out alone. */
    public static final class Staged {
        private final RecordType type;
        private final Path dir;
        private final List<StagedFile> files = new ArrayList<>();

        public Staged(RecordType type, Path workDir) {
            this.type = type;
            this.dir = workDir.resolve(type.table());
        }

        /** Stages a file; throws {@link DropFileStager.UnreadableDropException} (and stages nothing) if it cannot. */
        public StagedFile add(Path file) {
            Path staging = dir.resolve(files.size() + ".csv");
            try (StagingCsv out = new StagingCsv(staging, type)) {
                StagedFile staged = DropFileStager.stage(file, type, out);
                files.add(staged);
                return staged;
            } catch (RuntimeException e) {
                try {
                    Files.deleteIfExists(staging);
                } catch (IOException ignored) {
                    // a leftover staging file of a rejected drop is harmless: the folder is the run's own
                }
                throw e;
            }
        }

        public boolean isEmpty() {
            return files.isEmpty();
        }

        public RawBatch batch(SparkSession spark) {
            return batch(spark, "");
        }

        /** @param countPrefix names the drops' inputs in the balance ({@code inbox:case_03.xlsx}) */
        public RawBatch batch(SparkSession spark, String countPrefix) {
            Map<String, Long> read = new LinkedHashMap<>();
            List<QuarantinedRow> malformed = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                StagedFile f = files.get(i);
                read.merge(f.source(), f.rowsRead(), Long::sum);
                for (String[] m : f.malformed()) {
                    malformed.add(new QuarantinedRow(type.table(), m[0] + ":" + m[1], m[2], m[3], m[4]));
                }
                paths.add(dir.resolve(i + ".csv").toString());
            }
            return new RawBatch(type, StagingCsv.read(spark, type, paths.toArray(String[]::new)), () -> read,
                    malformed, countPrefix, true);
        }
    }
}
