package vn.onestop.jobs;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.onestop.inspection.outcome.ConfirmationRate;
import vn.onestop.inspection.outcome.Finding;
import vn.onestop.inspection.outcome.Outcome;

/** Inspectors' outcomes per flagged dossier, and each rule's confirmation rate. */
@Command(name = "outcome", mixinStandardHelpOptions = true,
        description = "Record what inspection found about a flagged dossier, or list each rule's confirmation rate.",
        subcommands = {OutcomeCommand.Record.class, OutcomeCommand.Rates.class})
final class OutcomeCommand {
    @ParentCommand
    OneStopCli cli;

    @Command(name = "record", mixinStandardHelpOptions = true,
            description = "Mark a flagged dossier and rule confirmed, not_violation or unclear (the latest mark counts).")
    static final class Record implements Callable<Integer> {
        @ParentCommand
        OutcomeCommand outcome;

        @Option(names = "--case", required = true, paramLabel = "ID", description = "The dossier.")
        String caseId;

        @Option(names = "--rule", required = true, paramLabel = "R01", description = "The rule that flagged it.")
        String rule;

        @Option(names = "--result", required = true, description = "confirmed, not_violation or unclear.")
        String result;

        @Option(names = "--note", description = "What was found.")
        String note;

        @Option(names = "--by", paramLabel = "NAME", description = "Who records it (default: the operating-system user).")
        String by;

        @Override
        public Integer call() {
            try (InspectionSession session = new InspectionSession(outcome.cli.config())) {
                Outcome o = session.inspection().outcomes().record(caseId, rule, Finding.parse(result), note,
                        InspectionSession.actor(by));
                System.out.println("Recorded " + o.finding().code() + " for " + o.caseId() + " · " + o.ruleId() + " ("
                        + o.agencyCode() + ").");
                return 0;
            }
        }
    }

    @Command(name = "rates", mixinStandardHelpOptions = true,
            description = "Each rule's confirmation rate = confirmed ÷ (confirmed + not_violation); unclear apart.")
    static final class Rates implements Callable<Integer> {
        @ParentCommand
        OutcomeCommand outcome;

        @Override
        public Integer call() {
            try (InspectionSession session = new InspectionSession(outcome.cli.config())) {
                System.out.printf("%-6s %9s %13s %7s %10s%n", "rule", "confirmed", "not_violation", "unclear", "rate");
                for (ConfirmationRate r : session.inspection().outcomes().rates()) {
                    System.out.printf("%-6s %9d %13d %7d %10s%n", r.ruleId(), r.confirmed(), r.notViolation(),
                            r.unclear(), r.ratePct() == null ? "no data" : r.ratePct() + " %");
                }
                return 0;
            }
        }
    }
}
