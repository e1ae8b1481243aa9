package vn.onestop.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.onestop.inspection.Inspection;
import vn.onestop.inspection.history.InspectionKind;
import vn.onestop.inspection.plan.PlanItem;
import vn.onestop.inspection.plan.PlanWorkbook;
import vn.onestop.inspection.published.PublishedAgency;

/** Kế hoạch kiểm tra: the year's plan, item by item, and its XLSX appendix. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Build the year's inspection plan and export it.",
        subcommands = {PlanCommand.Add.class, PlanCommand.ListItems.class, PlanCommand.Remove.class,
            PlanCommand.Export.class})
final class PlanCommand {
    @ParentCommand
    OneStopCli cli;

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an agency to the plan in a quarter.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        PlanCommand plan;

        @Option(names = "--year", required = true, description = "The plan's year.")
        int year;

        @Option(names = "--agency", required = true, paramLabel = "CODE", description = "The agency's code.")
        String agency;

        @Option(names = "--quarter", required = true, paramLabel = "1-4", description = "Quarter of the inspection.")
        int quarter;

        @Option(names = "--kind", defaultValue = "direct", description = "direct (announced, on site) or indirect.")
        String kind;

        @Option(names = "--start", paramLabel = "YYYY-MM-DD",
                description = "Planned start of a direct inspection: its notice date is inspection.notice_days before.")
        LocalDate start;

        @Option(names = "--notes", description = "Ghi chú of the appendix.")
        String notes;

        @Option(names = "--by", paramLabel = "NAME", description = "Who adds it (default: the operating-system user).")
        String by;

        @Override
        public Integer call() {
            try (InspectionSession session = new InspectionSession(plan.cli.config())) {
                Inspection i = session.inspection();
                long id = i.plans().add(year, agency, quarter, InspectionKind.parse(kind), start, notes,
                        InspectionSession.actor(by));
                PlanItem item = i.plans().item(id).orElseThrow();
                System.out.println("Added item " + id + ": " + agency + " in quarter " + quarter + " of " + year
                        + (item.noticeDate() == null ? "" : ", to be announced by " + item.noticeDate()));
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the year's plan.")
    static final class ListItems implements Callable<Integer> {
        @ParentCommand
        PlanCommand plan;

        @Option(names = "--year", required = true, description = "The plan's year.")
        int year;

        @Override
        public Integer call() {
            try (InspectionSession session = new InspectionSession(plan.cli.config())) {
                Inspection i = session.inspection();
                Map<String, String> names = names(i);
                System.out.println(i.plans().title(year));
                for (PlanItem item : i.plans().items(year)) {
                    System.out.printf("%5d  Q%d  %-9s %-12s %s%s%s%n", item.id(), item.quarter(), item.kind().code(),
                            item.agencyCode(), names.getOrDefault(item.agencyCode(), ""),
                            item.noticeDate() == null ? "" : "  start " + item.plannedStart() + ", notice " + item.noticeDate(),
                            item.notes() == null ? "" : "  — " + item.notes());
                }
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Withdraw an item from the plan (it stays on record as withdrawn).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        PlanCommand plan;

        @Option(names = "--item", required = true, paramLabel = "ID", description = "The item's number (plan list).")
        long item;

        @Option(names = "--by", paramLabel = "NAME", description = "Who withdraws it.")
        String by;

        @Override
        public Integer call() {
            try (InspectionSession session = new InspectionSession(plan.cli.config())) {
                session.inspection().plans().remove(item, InspectionSession.actor(by));
                System.out.println("Withdrew item " + item + ".");
                return 0;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the plan's appendix (STT · Tên cơ quan, đơn vị · Thời gian kiểm tra · Ghi chú) as XLSX.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        PlanCommand plan;

        @Option(names = "--year", required = true, description = "The plan's year.")
        int year;

        @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "Where to write it.")
        Path out;

        @Override
        public Integer call() throws IOException {
            try (InspectionSession session = new InspectionSession(plan.cli.config());
                 OutputStream o = Files.newOutputStream(out)) {
                Inspection i = session.inspection();
                PlanWorkbook.write(year, i.plans(), i.published().currentRunId()
                        .map(run -> i.published().agencies(run)).orElse(java.util.List.of()), o);
            }
            System.out.println("Wrote the " + year + " plan to " + out);
            return 0;
        }
    }

    static Map<String, String> names(Inspection i) {
        return i.published().currentRunId().map(run -> i.published().agencies(run).stream()
                .collect(Collectors.toMap(PublishedAgency::code, PublishedAgency::name))).orElse(Map.of());
    }
}
