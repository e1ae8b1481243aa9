package vn.onestop.ingest.portal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import vn.onestop.ingest.InputCount;
import vn.onestop.ingest.QuarantinedRow;
import vn.onestop.ingest.RawBatch;
import vn.onestop.ingest.RecordIngest;
import vn.onestop.ingest.RecordType;
import vn.onestop.ingest.drop.DropFileStager.UnreadableDropException;
import vn.onestop.ingest.drop.DropFolder;
import vn.onestop.ingest.drop.StagingCsv;

/**
 * The national portal's copy of the province's dossiers (DVCQG feed: JSON files in a folder, or the HTTP feed) as
 * canonical records in the lake tables {@code portal_case}, {@code portal_case_event} and
 * {@code portal_case_supplement}, through the same validation, quarantine and balance as every source. A feed is a
 * snapshot of what the portal holds: each read replaces those tables. They feed the reconciliation and the sync
 * time of the province's own dossiers ({@link SyncPresence}).
 */
public final class PortalFeed {
    public static final String PREFIX = "portal_";
    /** The record types a feed holds, in the order they are loaded. */
    public static final List<RecordType> TYPES = List.of(RecordType.CASE, RecordType.CASE_EVENT,
            RecordType.CASE_SUPPLEMENT);

    private final SparkSession spark;
    private final RecordIngest ingest;
    private final Path work;

    /**
     * @param work a folder of the run's own, for staging files
     */
    public PortalFeed(SparkSession spark, RecordIngest ingest, Path work) {
        this.spark = spark;
        this.ingest = ingest;
        this.work = work;
    }

    /**
     * Reads the feed's files and/or its HTTP endpoint as one snapshot of what the portal holds.
     *
     * @param dir    a folder whose {@code .json}, {@code .jsonl} and {@code .ndjson} files hold dossiers, or null
     * @param client the HTTP feed, or null
     * @param now    the run's clock: the HTTP feed is observed now, a file when it was written (never later)
     */
    public List<RecordIngest.Outcome> read(Path dir, PortalClient client, LocalDateTime now) {
        List<Path> files = dir == null ? List.of() : files(dir);
        if (files.isEmpty() && client == null) {
            return List.of();
        }
        return load(sink -> {
            for (Path f : files) {
                String observed = observed(f, now);
                String source = f.getFileName().toString();
                long[] n = {0};
                try (InputStream in = Files.newInputStream(f)) {
                    PortalJson.forEachDossier(in, d -> sink.add(d, source, ++n[0], observed));
                } catch (IOException e) {
                    throw new UnreadableDropException(PortalJson.unreadable(f, e));
                }
            }
            if (client != null) {
                long[] n = {0};
                client.pull(d -> sink.add(d, PortalDossier.SOURCE, ++n[0], now.withNano(0).toString()));
            }
        });
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UnreadableDropException("source.portal.dir = " + dir + " is not a folder. Give the folder of "
                    + "the portal's dossier JSON files.");
        }
        return DropFolder.files(dir).stream().filter(f -> {
            String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson");
        }).toList();
    }

    /** Stages every dossier, then loads the three tables, dossiers first. */
    private List<RecordIngest.Outcome> load(Consumer<Sink> read) {
        Path dir = work.resolve("portal-" + ingest.runId());
        List<RecordIngest.Outcome> out = new ArrayList<>();
        Sink sink = new Sink(dir);
        try (sink) {
            read.accept(sink);
        }
        Map<String, Long> dossiers = new LinkedHashMap<>(sink.cases.rowsBySource());
        sink.refused.forEach(q -> dossiers.merge(q.location().substring(0, q.location().lastIndexOf(':')), 1L,
                Long::sum));
        Dataset<Row> staged = StagingCsv.read(spark, RecordType.CASE, dir.resolve("0.csv").toString());
        out.add(ingest.load(new RawBatch(RecordType.CASE, staged, () -> dossiers, sink.refused, "", true), PREFIX,
                RecordIngest.Mode.REPLACE));
        Dataset<Row> latest = latestCopies(staged);
        for (int i = 1; i < TYPES.size(); i++) {
            RecordType type = TYPES.get(i);
            out.add(withoutStaleCopies(type, StagingCsv.read(spark, type, dir.resolve(i + ".csv").toString()), latest));
        }
        return out;
    }

    /**
     * Where each dossier's copy read last is ({@code case_id, _source, _line}): the feed carries no version, so of
     * several copies of a dossier the last one read is the portal's, as for the dossier row itself.
     */
    private static Dataset<Row> latestCopies(Dataset<Row> cases) {
        var byCase = Window.partitionBy(col("case_id")).orderBy(col(RawBatch.SOURCE).desc(), col(RawBatch.LINE).desc());
        return cases.withColumn("_copy", row_number().over(byCase)).filter(col("_copy").equalTo(1))
                .select(col("case_id").alias("_case"), col(RawBatch.SOURCE).alias("_at_source"),
                        col(RawBatch.LINE).alias("_at_line"));
    }

    /**
     * Loads a dossier's history or supplements from its latest copy only: an older copy's rows are superseded
     * whole, so that a history that changed between copies is never mixed from two of them.
     */
    private RecordIngest.Outcome withoutStaleCopies(RecordType type, Dataset<Row> rows, Dataset<Row> latest) {
        Column ofLatest = rows.col("case_id").eqNullSafe(latest.col("_case"))
                .and(rows.col(RawBatch.SOURCE).equalTo(latest.col("_at_source")))
                .and(rows.col(RawBatch.LINE).equalTo(latest.col("_at_line")));
        Map<String, Long> stale = new LinkedHashMap<>();
        for (Row r : rows.join(latest, ofLatest, "left_anti").groupBy(RawBatch.SOURCE).count().collectAsList()) {
            stale.put(r.getString(0), r.getLong(1));
        }
        RecordIngest.Outcome loaded = ingest.load(RawBatch.of(type, stale.isEmpty() ? rows
                : rows.join(latest, ofLatest, "left_semi")), PREFIX, RecordIngest.Mode.REPLACE);
        if (stale.isEmpty()) {
            return loaded;
        }
        List<InputCount> counts = new ArrayList<>();
        for (InputCount c : loaded.counts()) {
            long s = stale.getOrDefault(c.source(), 0L);
            stale.remove(c.source());
            counts.add(new InputCount(c.source(), c.recordType(), c.read() + s, c.accepted(), c.quarantined(),
                    c.superseded() + s));
        }
        stale.forEach((source, s) -> counts.add(new InputCount(source, PREFIX + type.table(), s, 0, 0, s)));
        return new RecordIngest.Outcome(counts, loaded.quarantined());
    }

    /** A file's observation time: when it was written, but never after the run's clock. */
    private static String observed(Path f, LocalDateTime now) {
        try {
            LocalDateTime written = LocalDateTime.ofInstant(Files.getLastModifiedTime(f).toInstant(),
                    ZoneId.of("Asia/Ho_Chi_Minh"));
            return (written.isBefore(now) ? written : now).withNano(0).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The staging files of the three record types, and the feed's elements refused whole. */
    private static final class Sink implements AutoCloseable {
        private final StagingCsv cases;
        private final StagingCsv events;
        private final StagingCsv supplements;
        private final List<QuarantinedRow> refused = new ArrayList<>();

        Sink(Path dir) {
            cases = new StagingCsv(dir.resolve("0.csv"), RecordType.CASE);
            events = new StagingCsv(dir.resolve("1.csv"), RecordType.CASE_EVENT);
            supplements = new StagingCsv(dir.resolve("2.csv"), RecordType.CASE_SUPPLEMENT);
        }

        void add(JsonNode dossier, String source, long line, String observed) {
            try {
                PortalDossier.stage(dossier, source, line, observed, cases, events, supplements);
            } catch (PortalDossier.NotADossier e) {
                refused.add(new QuarantinedRow(PREFIX + RecordType.CASE.table(), source + ":" + line, e.reason,
                        e.getMessage(), dossier.toString()));
            }
        }

        @Override
        public void close() {
            cases.close();
            events.close();
            supplements.close();
        }
    }
}
