package vn.onestop.dashboard.ops;

import io.javalin.http.Context;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.published.RunHistory;
import vn.onestop.dashboard.published.RunInfo;
import vn.onestop.dashboard.sql.Sql;

/**
 * {@code /metrics} in Prometheus text format: HTTP requests and latency per route, JVM memory and threads, the
 * store's connection pool, the last run (status, age, duration, input rows by outcome) and the published run (age,
 * rows). A store that does not answer gives {@code onestop_store_up 0} and no run figures, never a failed scrape.
 */
public final class Metrics {
    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);

    private final HttpMetrics http;
    private final Store store;
    private final Clock clock;
    private final RunHistory history;
    /** Rows of the published run: they never change once published, so counted once per run. */
    private final AtomicReference<PublishedRows> publishedRows = new AtomicReference<>();

    private record PublishedRows(String runId, long values, long flags) {
    }

    public Metrics(HttpMetrics http, Store store, Clock clock) {
        this.http = http;
        this.store = store;
        this.clock = clock;
        this.history = new RunHistory(store);
    }

    public void scrape(Context ctx) {
        PrometheusText text = new PrometheusText();
        http.writeTo(text);
        jvm(text);
        pool(text);
        runs(text);
        ctx.contentType(PrometheusText.CONTENT_TYPE).result(text.toString());
    }

    private static void jvm(PrometheusText text) {
        var memory = ManagementFactory.getMemoryMXBean();
        MemoryUsage heap = memory.getHeapMemoryUsage();
        MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
        text.family("jvm_memory_used_bytes", "gauge", "JVM memory in use.");
        text.sample("jvm_memory_used_bytes", heap.getUsed(), "area", "heap");
        text.sample("jvm_memory_used_bytes", nonHeap.getUsed(), "area", "nonheap");
        text.family("jvm_memory_committed_bytes", "gauge", "JVM memory committed by the operating system.");
        text.sample("jvm_memory_committed_bytes", heap.getCommitted(), "area", "heap");
        text.sample("jvm_memory_committed_bytes", nonHeap.getCommitted(), "area", "nonheap");
        text.family("jvm_memory_max_bytes", "gauge", "Most JVM memory that can be used (-1: no limit).");
        text.sample("jvm_memory_max_bytes", heap.getMax(), "area", "heap");
        text.sample("jvm_memory_max_bytes", nonHeap.getMax(), "area", "nonheap");
        text.family("jvm_threads_live_threads", "gauge", "Live JVM threads.");
        text.sample("jvm_threads_live_threads", ManagementFactory.getThreadMXBean().getThreadCount());
        text.family("process_uptime_seconds", "gauge", "Time since the JVM started.");
        text.sample("process_uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    }

    private void pool(PrometheusText text) {
        Store.PoolStats pool = store.poolStats();
        gauge(text, "hikaricp_connections_active", "Store connections in use.", pool.active());
        gauge(text, "hikaricp_connections_idle", "Store connections open and idle.", pool.idle());
        gauge(text, "hikaricp_connections", "Store connections open.", pool.total());
        gauge(text, "hikaricp_connections_pending", "Threads waiting for a store connection.", pool.waiting());
        gauge(text, "hikaricp_connections_max", "Size of the store's connection pool (store.pool_size).", pool.max());
    }

    private static void gauge(PrometheusText text, String name, String help, double value) {
        text.family(name, "gauge", help).sample(name, value, "pool", "store");
    }

    private void runs(PrometheusText text) {
        Optional<RunInfo> last;
        Optional<PublishedRun> published;
        List<RunHistory.InputCount> inputs;
        PublishedRows rows;
        try {
            last = history.recentRuns().stream().findFirst();
            inputs = last.map(r -> history.inputCounts(r.runId())).orElse(List.of());
            published = PublishedRun.read(store);
            rows = published.map(this::rows).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("Metrics: the store does not answer: {}", e.getMessage());
            text.family("onestop_store_up", "gauge", "1 when the store answered this scrape.").sample("onestop_store_up", 0);
            return;
        }
        text.family("onestop_store_up", "gauge", "1 when the store answered this scrape.").sample("onestop_store_up", 1);
        if (last.isPresent()) {
            RunInfo run = last.get();
            text.family("onestop_last_run_info", "gauge", "The latest run started: its id, trigger and status.")
                    .sample("onestop_last_run_info", 1, "run_id", run.runId(), "trigger", run.triggerKind(),
                            "status", run.status());
            LocalDateTime end = run.finishedAt();
            text.family("onestop_last_run_age_seconds", "gauge",
                            "Time since the latest run finished (since it started while it runs).")
                    .sample("onestop_last_run_age_seconds", seconds(Duration.between(
                            (end == null ? run.startedAt() : end).atZone(PublishedRun.LOCAL_TIME).toInstant(),
                            clock.instant())));
            text.family("onestop_last_run_duration_seconds", "gauge",
                            "How long the latest run took (so far, while it runs).")
                    .sample("onestop_last_run_duration_seconds", seconds(end != null
                            ? Duration.between(run.startedAt(), end)
                            : Duration.between(run.startedAt().atZone(PublishedRun.LOCAL_TIME).toInstant(),
                                    clock.instant())));
            String name = "onestop_last_run_input_rows";
            text.family(name, "gauge", "Input rows of the latest run: read = accepted + quarantined + superseded.");
            text.sample(name, inputs.stream().mapToLong(RunHistory.InputCount::read).sum(), "outcome", "read");
            text.sample(name, inputs.stream().mapToLong(RunHistory.InputCount::accepted).sum(), "outcome", "accepted");
            text.sample(name, inputs.stream().mapToLong(RunHistory.InputCount::quarantined).sum(),
                    "outcome", "quarantined");
            text.sample(name, inputs.stream().mapToLong(RunHistory.InputCount::superseded).sum(),
                    "outcome", "superseded");
        }
        if (published.isPresent()) {
            text.family("onestop_published_run_info", "gauge", "The run the dashboard serves.")
                    .sample("onestop_published_run_info", 1, "run_id", published.get().runId());
            text.family("onestop_published_run_age_seconds", "gauge", "Time since the served run was published.")
                    .sample("onestop_published_run_age_seconds", seconds(published.get().age(clock)));
            text.family("onestop_published_rows", "gauge", "Rows the served run published, by table.")
                    .sample("onestop_published_rows", rows.values(), "table", "pub_value")
                    .sample("onestop_published_rows", rows.flags(), "table", "pub_case_flag");
        }
    }

    private PublishedRows rows(PublishedRun run) {
        PublishedRows known = publishedRows.get();
        if (known != null && known.runId().equals(run.runId())) {
            return known;
        }
        PublishedRows counted = new PublishedRows(run.runId(),
                Sql.count(store, "SELECT COUNT(*) FROM pub_value WHERE run_id = ?", run.runId()),
                Sql.count(store, "SELECT COUNT(*) FROM pub_case_flag WHERE run_id = ?", run.runId()));
        publishedRows.set(counted);
        return counted;
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
