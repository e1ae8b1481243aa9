package vn.onestop.jobs;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import vn.onestop.dashboard.DashboardServer;

/** Serves the dashboard from the store and runs the nightly chain on its schedule. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the dashboard and run the scheduled ingest → compute → publish.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    OneStopCli cli;

    @Override
    public Integer call() throws InterruptedException {
        Environment env = new Environment(cli.config());
        serve(env);
        return 0;
    }

    /** Starts the dashboard (and the schedule when enabled), then blocks until the process is stopped. */
    static void serve(Environment env) throws InterruptedException {
        DashboardServer server = DashboardServer.start(env.config(), env.store());
        Pipeline pipeline = new Pipeline(env);
        NightlySchedule schedule = env.config().bool("schedule.enabled")
                ? NightlySchedule.start(env.store(), NightlySchedule.Settings.from(env.config()),
                        fire -> pipeline.runScheduled())
                : null;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (schedule != null) {
                // A run in progress stops at its next check and is recorded as cancelled, not left to go stale.
                pipeline.cancelActive();
                schedule.close();
            }
            server.stop();
            env.close();
            stopped.countDown();
        }, "onestop-shutdown"));
        System.out.println("Dashboard: " + server.url() + "   (Ctrl+C to stop)");
        stopped.await();
    }
}
