package vn.onestop.jobs;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.onestop.inspection.draw.Verification;

/** Recomputes a stored draw; exit code 0 when it holds, 1 when any check fails. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recompute a sealed draw: its SHA-256 seal, its result from the recorded inputs and seed, the "
                + "published inputs of its run where the store still holds them, and its audit-log line.")
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    OneStopCli cli;

    @Option(names = "--draw", required = true, paramLabel = "ID", description = "The draw's number.")
    long drawId;

    @Override
    public Integer call() {
        try (InspectionSession session = new InspectionSession(cli.config())) {
            Verification v = session.inspection().draws().verify(drawId);
            for (Verification.Check c : v.checks()) {
                System.out.printf("%-7s %-8s %s%n", c.status(), c.code(), c.detail());
            }
            System.out.println(v.holds() ? "Draw " + drawId + " holds." : "Draw " + drawId + " does NOT hold.");
            return v.holds() ? 0 : 1;
        }
    }
}
