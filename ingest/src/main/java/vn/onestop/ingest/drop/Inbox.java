package vn.onestop.ingest.drop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import vn.onestop.ingest.InputCount;
import vn.onestop.ingest.QuarantinedRow;
import vn.onestop.ingest.RecordIngest;
import vn.onestop.ingest.RecordType;
import vn.onestop.ingest.drop.DropFileStager.UnreadableDropException;

/**
 * The watched inbox where communes and offices drop CSV (UTF-8 with or without BOM, UTF-16 as Excel writes it) and
 * XLSX files with canonical headers. Each run takes the files that have stopped changing, upserts their rows into
 * the lake (a drop adds to what the lake holds; it does not replace it), then moves each file away with a report
 * beside it: to the archive when it was read (its rows accepted, quarantined or superseded), to the rejected folder
 * when it could not be read at all (the report says why and what to do). Files stay in the inbox when the run
 * fails, and are read again by the next one.
 */
public final class Inbox {
    /** Where the inbox and its archive and rejected folders are, and how long a file must be left alone first. */
    public record Settings(Path dir, Path archive, Path rejected, Duration minAge) {
    }

    /** What a run did with the inbox. */
    public record Result(List<InputCount> counts, List<QuarantinedRow> quarantined, List<String> notes,
                         List<Path> archived, List<Path> rejected) {
    }

    /** Drops are named {@code inbox:<file>} in the balance, apart from a snapshot folder's files of the same name. */
    public static final String PREFIX = "inbox:";

    private final SparkSession spark;
    private final Settings settings;

    public Inbox(SparkSession spark, Settings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    public Result run(RecordIngest ingest, Path work) {
        List<InputCount> counts = new ArrayList<>();
        List<QuarantinedRow> quarantined = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!Files.isDirectory(settings.dir())) {
            return new Result(counts, quarantined, notes, List.of(), List.of());
        }
        Map<Path, String> rejected = new LinkedHashMap<>();
        Map<Path, List<String>> fileNotes = new LinkedHashMap<>();
        Map<RecordType, List<Path>> byType = new EnumMap<>(RecordType.class);
        Instant settled = Instant.now().minus(settings.minAge());
        for (Path f : DropFolder.files(settings.dir())) {
            if (modified(f).isAfter(settled)) {
                notes.add(f.getFileName() + ": still changing, left for the next run");
                continue;
            }
            var type = DropFolder.typeOf(f);
            if (type.isEmpty()) {
                rejected.put(f, DropFileStager.isDrop(f.getFileName().toString())
                        ? "The file name does not start with a record type. Name it after what it holds: case…, "
                        + "case_apology…, feedback…, agency…, procedure… (" + String.join(", ", typeNames()) + ")."
                        : "Only CSV (UTF-8, or UTF-16 as Excel saves \"Unicode text\") and XLSX files are read.");
                continue;
            }
            byType.computeIfAbsent(type.get(), t -> new ArrayList<>()).add(f);
        }
        List<Path> read = new ArrayList<>();
        Path staging = work.resolve("inbox-" + ingest.runId());
        for (var entry : byType.entrySet()) {
            DropFolder.Staged staged = new DropFolder.Staged(entry.getKey(), staging);
            for (Path f : entry.getValue()) {
                try {
                    List<String> said = staged.add(f).notes();
                    fileNotes.put(f, said);
                    said.forEach(n -> notes.add(f.getFileName() + ": " + n));
                    read.add(f);
                } catch (UnreadableDropException e) {
                    rejected.put(f, e.getMessage());
                }
            }
            if (!staged.isEmpty()) {
                RecordIngest.Outcome outcome = ingest.load(staged.batch(spark, PREFIX), "", RecordIngest.Mode.UPSERT);
                counts.addAll(outcome.counts());
                quarantined.addAll(outcome.quarantined());
            }
        }
        List<Path> archived = new ArrayList<>();
        Path archiveDir = settings.archive().resolve(ingest.runId());
        for (Path f : read) {
            String name = f.getFileName().toString();
            archived.add(move(f, archiveDir, DropReport.read(name, ingest.runId(),
                    counts.stream().filter(c -> c.source().equals(PREFIX + name)).toList(),
                    quarantined.stream().filter(q -> q.location().startsWith(name + ":")).toList(),
                    fileNotes.get(f))));
        }
        List<Path> moved = new ArrayList<>();
        Path rejectedDir = settings.rejected().resolve(ingest.runId());
        rejected.forEach((f, why) -> {
            moved.add(move(f, rejectedDir, DropReport.rejected(f.getFileName().toString(), ingest.runId(), why)));
            notes.add(f.getFileName() + ": rejected — " + why);
        });
        return new Result(counts, quarantined, notes, archived, moved);
    }

    private static List<String> typeNames() {
        return java.util.stream.Stream.of(RecordType.values()).map(RecordType::table).toList();
    }

    private static Instant modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a file into {@code dir} and writes its report beside it; returns the new place. */
    private static Path move(Path file, Path dir, String report) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(file.getFileName());
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(dir.resolve(file.getFileName() + ".report.txt"), report, StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + file + " to " + dir + ": " + e.getMessage(), e);
        }
    }
}
