package vn.onestop.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.core.store.SourceWatermarks;
import vn.onestop.core.store.Store;
import vn.onestop.ingest.drop.Inbox;
import vn.onestop.ingest.jdbc.JdbcSource;
import vn.onestop.ingest.jdbc.SourceMapping;
import vn.onestop.ingest.portal.PortalClient;
import vn.onestop.ingest.portal.PortalFeed;
import vn.onestop.ingest.portal.PortalReconciliation;
import vn.onestop.ingest.portal.SyncPresence;

/**
 * Every source a run reads, from the configuration ({@code source.*}, {@code inbox.*}): an optional snapshot folder
 * given on the command line, the one-stop database over JDBC, the national portal's feed (files and/or HTTP) and the
 * watched inbox. Then rows quarantined for a missing reference are re-tried, dossiers seen on the portal get their
 * sync time, and the province is reconciled with the portal. A source that cannot be read fails the run with a
 * message naming it; what earlier sources wrote to the lake stays (it is idempotent), and nothing is published.
 */
public final class ConfiguredSources {
    private final JdbcSource.Settings jdbc;
    private final PortalClient.Settings portalHttp;
    private final Path portalDir;
    private final Inbox.Settings inbox;
    private final SourceRetry retry;

    public ConfiguredSources(JdbcSource.Settings jdbc, PortalClient.Settings portalHttp, Path portalDir,
                             Inbox.Settings inbox, SourceRetry retry) {
        this.jdbc = jdbc;
        this.portalHttp = portalHttp;
        this.portalDir = portalDir;
        this.inbox = inbox;
        this.retry = retry;
    }

    public static ConfiguredSources fromConfig(OneStopConfig c) {
        JdbcSource.Settings jdbc = c.string("source.jdbc.url").isEmpty() ? null
                : new JdbcSource.Settings(c.string("source.jdbc.name"), c.string("source.jdbc.url"),
                c.string("source.jdbc.user"), c.string("source.jdbc.password"),
                SourceMapping.load(c.string("source.jdbc.mapping")), c.integer("source.jdbc.partitions"),
                c.integer("source.jdbc.overlap_minutes"));
        PortalClient.Settings http = c.string("source.portal.url").isEmpty() ? null
                : new PortalClient.Settings(c.string("source.portal.url"), c.string("source.portal.token"),
                c.string("source.portal.token_url"), c.string("source.portal.client_id"),
                c.string("source.portal.client_secret"), c.integer("source.portal.page_size"));
        Path portalDir = c.string("source.portal.dir").isEmpty() ? null : Path.of(c.string("source.portal.dir"));
        Inbox.Settings inbox = new Inbox.Settings(c.inboxDir(), Path.of(c.string("inbox.archive_dir")),
                Path.of(c.string("inbox.rejected_dir")), Duration.ofSeconds(c.integer("inbox.min_age_seconds")));
        return new ConfiguredSources(jdbc, http, portalDir, inbox,
                new SourceRetry(c.integer("source.retry.attempts"), c.integer("source.retry.backoff_ms")));
    }

    /** No source but the snapshot folder given to {@link #run} (retries and the reconciliation still run). */
    public static ConfiguredSources none(OneStopConfig c) {
        return new ConfiguredSources(null, null, null, null,
                new SourceRetry(c.integer("source.retry.attempts"), c.integer("source.retry.backoff_ms")));
    }

    /** What a run read, and the reconciliation when the lake holds a portal copy. */
    public record Read(IngestReport report, Optional<PortalReconciliation.Result> reconciliation) {
    }

    /**
     * @param snapshot a folder of canonical drops to replace their lake tables with (or null)
     * @param progress the steps reached (each JDBC entry read, loaded, its watermark stored; each other source
     *                 loaded), to record progress and to stop a cancelled run between them
     */
    public Read run(SparkSession spark, Lake lake, Store store, LocalDateTime now, String runId, Path work,
                    Path snapshot, JdbcSource.Progress progress) {
        lake.recover(spark);
        RecordIngest ingest = new RecordIngest(spark, lake, now, runId);
        List<InputCount> counts = new ArrayList<>();
        List<QuarantinedRow> quarantined = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (snapshot != null) {
            IngestReport folder = new FolderIngest(spark, lake, now).run(snapshot, work, runId);
            add(folder.counts(), folder.quarantined(), counts, quarantined);
            notes.addAll(folder.notes());
            progress.reached("snapshot:loaded");
            if (jdbc != null) {
                // The snapshot replaced tables the database also feeds: read it in full again.
                new SourceWatermarks(store).clear(jdbc.name());
            }
        }
        if (jdbc != null) {
            for (RecordIngest.Outcome o : new JdbcSource(spark, jdbc, new SourceWatermarks(store), retry, progress)
                    .extract(ingest)) {
                add(o.counts(), o.quarantined(), counts, quarantined);
            }
        }
        if (portalHttp != null || portalDir != null) {
            PortalFeed feed = new PortalFeed(spark, ingest, work);
            PortalClient client = portalHttp == null ? null : new PortalClient(portalHttp, retry);
            for (RecordIngest.Outcome o : feed.read(portalDir, client, now)) {
                add(o.counts(), o.quarantined(), counts, quarantined);
            }
            progress.reached("portal:loaded");
        }
        if (inbox != null && Files.isDirectory(inbox.dir())) {
            Inbox.Result dropped = new Inbox(spark, inbox).run(ingest, work);
            add(dropped.counts(), dropped.quarantined(), counts, quarantined);
            notes.addAll(dropped.notes());
            progress.reached("inbox:loaded");
        }
        for (RecordType type : RecordType.values()) {
            RecordIngest.Outcome o = ingest.retryPending(type, "");
            add(o.counts(), o.quarantined(), counts, quarantined);
        }
        for (RecordType type : PortalFeed.TYPES) {
            RecordIngest.Outcome o = ingest.retryPending(type, PortalFeed.PREFIX);
            add(o.counts(), o.quarantined(), counts, quarantined);
        }
        progress.reached("retries:loaded");
        long synced = SyncPresence.apply(spark, ingest);
        if (synced > 0) {
            notes.add(synced + " dossiers without a sync time were found on the national portal: synced_at set");
        }
        Optional<PortalReconciliation.Result> reconciliation = PortalReconciliation.compute(spark, lake, runId);
        return new Read(new IngestReport(runId, counts, quarantined, notes), reconciliation);
    }

    private static void add(List<InputCount> c, List<QuarantinedRow> q, List<InputCount> counts,
                            List<QuarantinedRow> quarantined) {
        counts.addAll(c);
        quarantined.addAll(q);
    }
}
