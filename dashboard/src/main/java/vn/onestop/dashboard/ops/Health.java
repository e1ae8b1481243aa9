package vn.onestop.dashboard.ops;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.sql.Sql;

/**
 * {@code /health/live}: the process answers (nothing else is looked at, so a slow store never gets it restarted).
 * {@code /health/ready}: the store answers, every migration this program ships is applied, and a run is published
 * that is not older than {@code ops.max_run_age_hours} (0: age not checked); else 503 with the reason (decision 41).
 * A store that does not answer within {@link #DEADLINE} is unreachable: the pool would otherwise wait its 30 s for a
 * connection, longer than any probe waits (decision 91).
 */
public final class Health {
    private static final Logger LOG = LoggerFactory.getLogger(Health.class);
    static final String OK = "ok";
    static final Duration DEADLINE = Duration.ofSeconds(3);
    /** At most two checks wait on a silent store at once; a third probe is answered at once. */
    private static final ExecutorService CHECKING = new ThreadPoolExecutor(0, 2, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "readiness-check");
                t.setDaemon(true);
                return t;
            });

    private final Store store;
    private final Clock clock;
    private final int maxRunAgeHours;

    public Health(Store store, Clock clock, int maxRunAgeHours) {
        this.store = store;
        this.clock = clock;
        this.maxRunAgeHours = maxRunAgeHours;
    }

    public record Liveness(String status) {
    }

    /**
     * {@code reason}: the first check that failed ({@code store_unreachable}, {@code migrations_not_applied},
     * {@code no_published_run}, {@code published_run_too_old}), null when ready; {@code checks}: each check's word.
     */
    public record Readiness(String status, String reason, String detail, Map<String, String> checks,
                            String publishedRun, String publishedAt, Long publishedRunAgeSeconds,
                            int maxRunAgeHours) {
    }

    public void live(Context ctx) {
        ctx.json(new Liveness("live"));
    }

    public void ready(Context ctx) {
        Readiness r = readiness();
        ctx.status(r.reason() == null ? 200 : 503).json(r);
    }

    Readiness readiness() {
        Future<Readiness> checked;
        try {
            checked = CHECKING.submit(this::checks);
        } catch (RejectedExecutionException e) {
            return unreachable("earlier checks are still waiting for it");
        }
        try {
            return checked.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Not cancelled: interrupting a thread inside the JDBC driver can break the connection it holds.
            return unreachable("it did not answer within " + DEADLINE.toSeconds() + " s");
        } catch (ExecutionException e) {
            return unreachable(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable("the check was interrupted");
        }
    }

    private Readiness unreachable(String why) {
        LOG.warn("Readiness: the store does not answer: {}", why);
        return notReady("store_unreachable", "The store does not answer (store.url); see the log.",
                Map.of("store", "unreachable"), null);
    }

    private Readiness checks() {
        Map<String, String> checks = new LinkedHashMap<>();
        Sql.count(store, "SELECT 1");
        checks.put("store", OK);
        List<String> missing = store.migrationsNotApplied();
        checks.put("migrations", missing.isEmpty() ? OK : "not_applied");
        Optional<PublishedRun> published = PublishedRun.read(store);
        if (published.isEmpty()) {
            checks.put("publishedRun", "none");
        } else {
            boolean tooOld = maxRunAgeHours > 0
                    && published.get().age(clock).compareTo(Duration.ofHours(maxRunAgeHours)) > 0;
            checks.put("publishedRun", tooOld ? "too_old" : OK);
        }
        if (!missing.isEmpty()) {
            return notReady("migrations_not_applied", "Migrations not applied: " + String.join(", ", missing)
                    + ". Start the program that ships them once, or restore the store.", checks, published.orElse(null));
        }
        if (published.isEmpty()) {
            return notReady("no_published_run", "No run has been published yet: run 'ingest' or 'compute'.", checks,
                    null);
        }
        if (!OK.equals(checks.get("publishedRun"))) {
            long hours = published.get().age(clock).toHours();
            return notReady("published_run_too_old", "The published run " + published.get().runId() + " is " + hours
                    + " h old, more than ops.max_run_age_hours = " + maxRunAgeHours
                    + ". See the failed runs on the data page.", checks, published.get());
        }
        return new Readiness("ready", null, null, checks, published.get().runId(),
                published.get().publishedAt().atZone(PublishedRun.LOCAL_TIME).toOffsetDateTime().toString(),
                published.get().age(clock).toSeconds(), maxRunAgeHours);
    }

    private Readiness notReady(String reason, String detail, Map<String, String> checks, PublishedRun run) {
        return new Readiness("not_ready", reason, detail, checks, run == null ? null : run.runId(),
                run == null ? null : run.publishedAt().atZone(PublishedRun.LOCAL_TIME).toOffsetDateTime().toString(),
                run == null ? null : run.age(clock).toSeconds(), maxRunAgeHours);
    }
}
