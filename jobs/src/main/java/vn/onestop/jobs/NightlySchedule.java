package vn.onestop.jobs;

import java.util.Properties;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.onestop.core.config.ConfigException;

/**
 * Runs ingest → compute → publish on the configured cron inside {@code serve}. Never two runs at once; a run
 * missed while the app was down fires once when it comes back (misfire: fire and proceed).
 */
final class NightlySchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NightlySchedule.class);
    private static final String PIPELINE = "pipeline";

    private final Scheduler scheduler;

    private NightlySchedule(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    static NightlySchedule start(Pipeline pipeline, String cron) {
        if (!CronExpression.isValidExpression(cron)) {
            throw new ConfigException("schedule.cron = '" + cron + "' is not a Quartz cron expression "
                    + "(seconds minutes hours day-of-month month day-of-week), e.g. 0 0 2 * * ? for 02:00 every night.");
        }
        try {
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", "onestop");
            p.setProperty("org.quartz.threadPool.threadCount", "1");
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            Scheduler s = new StdSchedulerFactory(p).getScheduler();
            s.getContext().put(PIPELINE, pipeline);
            s.scheduleJob(JobBuilder.newJob(ChainJob.class).withIdentity("nightly-chain").build(),
                    TriggerBuilder.newTrigger().withIdentity("nightly-chain")
                            .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                                    .inTimeZone(java.util.TimeZone.getTimeZone("Asia/Ho_Chi_Minh"))
                                    .withMisfireHandlingInstructionFireAndProceed())
                            .build());
            s.start();
            LOG.info("Schedule: ingest of the configured sources → compute → publish at cron '{}' (Asia/Ho_Chi_Minh)",
                    cron);
            return new NightlySchedule(s);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot start the schedule: " + e.getMessage(), e);
        }
    }

    /** One run of the chain; Quartz never starts a second while one runs. */
    @DisallowConcurrentExecution
    public static final class ChainJob implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            try {
                Pipeline pipeline = (Pipeline) context.getScheduler().getContext().get(PIPELINE);
                pipeline.run("scheduled", null, true, null, null);
            } catch (SchedulerException | RuntimeException e) {
                // The run is recorded as failed; the dashboard keeps serving the last good one.
                throw new JobExecutionException(e, false);
            }
        }
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("Schedule did not stop cleanly: {}", e.getMessage());
        }
    }
}
