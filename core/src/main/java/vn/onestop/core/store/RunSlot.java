package vn.onestop.core.store;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run at a time across every process that shares the store (the app, a second instance started by mistake, a
 * manual command): a run takes the slot by locking the one {@code run_lock} row and finding no other live running
 * run, and then renews its heartbeat while it works. A run whose heartbeat is older than {@code staleAfter} belongs
 * to a process that died (killed, crashed, machine restarted): the next run to take the slot records it as failed,
 * removes its partial rows and goes ahead. The same rows on H2 and PostgreSQL; no database-specific lock.
 */
public final class RunSlot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunSlot.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    /** Host and process id, as the JVM names itself ({@code 1234@host}), shown beside a running run. */
    static final String OWNER = ManagementFactory.getRuntimeMXBean().getName();

    private final Store store;
    private final String runId;
    private final ScheduledExecutorService heartbeat;

    private RunSlot(Store store, String runId, Duration staleAfter) {
        this.store = store;
        this.runId = runId;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-heartbeat-" + runId);
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(200, staleAfter.toMillis() / 4);
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    public String runId() {
        return runId;
    }

    /**
     * Records the run as running and takes the slot, or fails at once naming the run that holds it.
     *
     * @throws RunInProgressException when another live run holds the slot
     */
    public static RunSlot take(Store store, String runId, String trigger, Duration staleAfter) {
        claim(store, runId, trigger, staleAfter);
        return new RunSlot(store, runId, staleAfter);
    }

    /**
     * Records the run as queued and waits for the slot (a scheduled run behind a manual one), polling every
     * {@code poll}; a queued run cancelled meanwhile ends the wait with {@link RunCancelledException}.
     */
    public static RunSlot waitFor(Store store, String runId, String trigger, Duration staleAfter, Duration poll)
            throws InterruptedException {
        RunLog.queue(store, runId, trigger);
        RunSlot slot = new RunSlot(store, runId, staleAfter);
        try {
            while (true) {
                if (RunLog.cancelRequested(store, runId)) {
                    throw new RunCancelledException(runId);
                }
                try {
                    claim(store, runId, trigger, staleAfter);
                    return slot;
                } catch (RunInProgressException busy) {
                    LOG.info("Run {} waits: {}", runId, busy.getMessage());
                    Thread.sleep(poll.toMillis());
                } catch (IllegalRunTransitionException cancelledMeanwhile) {
                    throw new RunCancelledException(runId);
                }
            }
        } catch (RuntimeException | InterruptedException e) {
            slot.close();
            throw e;
        }
    }

    private record Active(String runId, String trigger, RunState state, String stage, LocalDateTime startedAt,
                          LocalDateTime heartbeatAt, String owner) {
        boolean staleAt(LocalDateTime limit) {
            return heartbeatAt == null || heartbeatAt.isBefore(limit);
        }
    }

    private static void claim(Store store, String runId, String trigger, Duration staleAfter) {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM run_lock WHERE id = 1 FOR UPDATE");
                     ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("The store has no run_lock row; its migrations did not run.");
                    }
                }
                LocalDateTime now = RunLog.now();
                LocalDateTime limit = now.minus(staleAfter);
                List<Active> active = active(c, runId);
                for (Active a : active) {
                    if (a.state() == RunState.RUNNING && !a.staleAt(limit)) {
                        throw new RunInProgressException(a.runId(), describe(a));
                    }
                }
                for (Active a : active) {
                    if (a.staleAt(limit)) {
                        LOG.warn("Run {} gave no sign of life since {}: recorded as failed", a.runId(), a.heartbeatAt());
                        String since = a.heartbeatAt() == null ? null : TIME.format(a.heartbeatAt());
                        RunLog.end(c, a.runId(), RunState.FAILED, RunMessage.of("Abandoned: the process running it ("
                                + a.owner() + ") stopped without finishing (killed, crashed or restarted); no sign of "
                                + "life since " + (since == null ? "its start" : since) + ". Its partial results were "
                                + "removed; the previously published run kept serving.",
                                "Bị bỏ dở: tiến trình chạy lần này (" + a.owner() + ") đã dừng mà không kết thúc (bị "
                                + "tắt, gặp lỗi hoặc máy khởi động lại); không còn tín hiệu từ "
                                + (since == null ? "lúc bắt đầu" : since) + ". Kết quả dở dang đã được xóa; lần chạy đã "
                                + "công bố trước đó vẫn được dùng."));
                    }
                }
                String own = RunLog.status(c, runId);
                if (own == null) {
                    RunLog.insert(c, runId, trigger, RunState.RUNNING);
                } else {
                    RunLog.move(c, runId, RunState.RUNNING);
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE run SET heartbeat_at = ?, owner = ? WHERE run_id = ?")) {
                        ps.setObject(1, now);
                        ps.setString(2, OWNER);
                        ps.setString(3, runId);
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot take the run slot for run " + runId, e);
        }
    }

    private static List<Active> active(Connection c, String runId) throws SQLException {
        List<Active> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id, trigger_kind, status, stage, started_at, "
                + "heartbeat_at, owner FROM run WHERE status IN ('queued', 'running') AND run_id <> ? ORDER BY started_at")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Active(rs.getString(1), rs.getString(2), RunState.of(rs.getString(3)), rs.getString(4),
                            rs.getObject(5, LocalDateTime.class), rs.getObject(6, LocalDateTime.class),
                            rs.getString(7)));
                }
            }
        }
        return out;
    }

    private static String describe(Active a) {
        return "Run " + a.runId() + " (" + a.trigger() + ", started " + TIME.format(a.startedAt())
                + (a.stage() == null ? "" : ", stage " + a.stage()) + ") is in progress on " + a.owner()
                + ". Wait for it to end ('runs show " + a.runId() + "'), or stop it with 'runs cancel " + a.runId() + "'.";
    }

    private void beat() {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE run SET heartbeat_at = ? WHERE run_id = ? AND status IN ('queued', 'running')")) {
            ps.setObject(1, RunLog.now());
            ps.setString(2, runId);
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Run {}: heartbeat not recorded ({}); it is retried", runId, e.getMessage());
        }
    }

    /** Stops the heartbeat; the run's state is recorded by its transitions, not here. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
    }
}
