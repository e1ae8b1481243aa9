package vn.onestop.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.onestop.core.config.ConfigException;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.core.store.Store;

/**
 * Runs ingest → compute → publish on the configured cron inside {@code serve}, with Quartz's JDBC job store in the
 * store itself (H2 or PostgreSQL), clustered: app instances sharing one store fire each scheduled time once, on one
 * of them. The trigger lives in the store, so a scheduled time missed while every instance was down is noticed at the
 * next start; more than {@code schedule.misfire_threshold_seconds} late it fires once at once (FIRE_ONCE_NOW,
 * decision 45), however many times were missed. A job never runs twice at once, and runs never overlap with manual
 * ones either: the run itself takes the run slot.
 */
final class NightlySchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NightlySchedule.class);
    static final String NAME = "onestop";
    private static final String WORK = "scheduled-work";
    private static final JobKey JOB = JobKey.jobKey("nightly-chain");
    private static final TriggerKey TRIGGER = TriggerKey.triggerKey("nightly-chain");
    static final TimeZone ZONE = TimeZone.getTimeZone("Asia/Ho_Chi_Minh");

    /** What a fired trigger does: the nightly run, or in tests whatever they count. */
    @FunctionalInterface
    interface ScheduledWork {
        void run(JobExecutionContext fire) throws Exception;
    }

    /** @param instanceId AUTO (host and start time) or a name unique in the cluster */
    record Settings(String cron, String instanceId, Duration misfireThreshold) {
        static Settings from(OneStopConfig config) {
            return new Settings(config.string("schedule.cron"), config.string("schedule.instance_id"),
                    Duration.ofSeconds(config.integer("schedule.misfire_threshold_seconds")));
        }
    }

    private final Scheduler scheduler;

    private NightlySchedule(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    static NightlySchedule start(Store store, Settings settings, ScheduledWork work) {
        if (!CronExpression.isValidExpression(settings.cron())) {
            throw new ConfigException("schedule.cron = '" + settings.cron() + "' is not a Quartz cron expression "
                    + "(seconds minutes hours day-of-month month day-of-week), e.g. 0 0 2 * * ? for 02:00 every night.");
        }
        try {
            Scheduler s = create(store, settings);
            s.getContext().put(WORK, work);
            ensureTrigger(s, settings.cron());
            s.start();
            LOG.info("Schedule: ingest of the configured sources → compute → publish at cron '{}' (Asia/Ho_Chi_Minh), "
                    + "instance {} of cluster '{}' in the {}", settings.cron(), s.getSchedulerInstanceId(), NAME,
                    store.describe());
            return new NightlySchedule(s);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot start the schedule in the " + store.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Scheduler create(Store store, Settings settings) throws SchedulerException {
        // Quartz looks data sources up by name in one JVM-wide registry: a name of our own per scheduler.
        String dataSource = "onestop-store-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new StoreConnections(store));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", NAME);
        p.setProperty("org.quartz.scheduler.instanceId", settings.instanceId());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", store.isPostgres()
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(settings.misfireThreshold().toMillis()));
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        Scheduler s = new StdSchedulerFactory(p).getScheduler();
        // The registry also holds schedulers by name, one per name; we keep our own reference, and a second
        // member of the same cluster in this JVM (tests) must not be handed this one.
        SchedulerRepository.getInstance().remove(NAME);
        return s;
    }

    /** Keeps a stored trigger with the same cron (so that a missed time is noticed), replaces a changed one. */
    private static void ensureTrigger(Scheduler s, String cron) throws SchedulerException {
        CronTrigger wanted = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(ZONE)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        Trigger existing = s.getTrigger(TRIGGER);
        if (existing instanceof CronTrigger c && c.getCronExpression().equals(cron)
                && c.getTimeZone().getID().equals(ZONE.getID())) {
            return;
        }
        if (existing != null) {
            LOG.info("Schedule changed from '{}' to '{}'", existing instanceof CronTrigger c ? c.getCronExpression()
                    : existing, cron);
            s.rescheduleJob(TRIGGER, wanted);
            return;
        }
        JobDetail job = JobBuilder.newJob(ChainJob.class).withIdentity(JOB).storeDurably().requestRecovery().build();
        try {
            s.scheduleJob(job, java.util.Set.of(wanted), false);
        } catch (ObjectAlreadyExistsException racedByAnotherInstance) {
            LOG.debug("Another instance stored the schedule first");
        }
    }

    /** One fire of the trigger; Quartz never starts a second while one runs, on any instance. */
    @DisallowConcurrentExecution
    public static final class ChainJob implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            try {
                ((ScheduledWork) context.getScheduler().getContext().get(WORK)).run(context);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JobExecutionException(e, false);
            } catch (Exception e) {
                // The run is recorded as failed; the dashboard keeps serving the last good one.
                throw new JobExecutionException(e, false);
            }
        }
    }

    /** Quartz's connections come from the store's pool; the pool is the store's to close, not Quartz's. */
    private record StoreConnections(Store store) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return store.connection();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }

    /** Stops firing; {@code waitForRun} waits for a run in progress to end first. */
    void stop(boolean waitForRun) {
        try {
            scheduler.shutdown(waitForRun);
        } catch (SchedulerException e) {
            LOG.warn("Schedule did not stop cleanly: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        stop(true);
    }
}
