package vn.onestop.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.onestop.inspection.Inspection;
import vn.onestop.inspection.draw.Candidate;
import vn.onestop.inspection.draw.DrawRecord;
import vn.onestop.inspection.draw.Draws;
import vn.onestop.inspection.draw.Selection;

/** A sealed surprise-inspection draw (kiểm tra đột xuất) from the published run, printed with its seal. */
@Command(name = "draw", mixinStandardHelpOptions = true,
        description = "Draw agencies for surprise inspection from the published risk scores (a risk-weighted share and "
                + "a random share per kind), seal the record (SHA-256) and print it.")
final class DrawCommand implements Callable<Integer> {
    @ParentCommand
    OneStopCli cli;

    @Option(names = "--period", paramLabel = "PERIOD",
            description = "Period whose risk and feedback count: 2024-Q1, 2024-03, 2024 (default: the run's latest quarter).")
    String period;

    @Option(names = "--quota", paramLabel = "KIND=N",
            description = "Agencies to draw of a kind, e.g. --quota department=3 --quota commune_ppc=20 "
                    + "(default: inspection.quotas).")
    Map<String, Integer> quotas = new LinkedHashMap<>();

    @Option(names = "--random-share", paramLabel = "PCT", description = "Share drawn uniformly at random, 0–100 "
            + "(default: inspection.random_share_pct).")
    Integer randomShare;

    @Option(names = "--recent-months", paramLabel = "M", description = "Exclude agencies inspected within the last M "
            + "months (default: inspection.recent_months; 0: none).")
    Integer recentMonths;

    @Option(names = "--override", paramLabel = "CODE=REASON",
            description = "Draw an excluded agency all the same, for the reason given.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: a fresh one, recorded).")
    Long seed;

    @Option(names = "--by", paramLabel = "NAME", description = "Who draws (default: the operating-system user).")
    String by;

    @Override
    public Integer call() {
        try (InspectionSession session = new InspectionSession(cli.config())) {
            Inspection i = session.inspection();
            Draws.SealedDraw d = i.draws().draw(new Draws.Request(period,
                    quotas.isEmpty() ? i.defaults().quotas() : quotas,
                    randomShare != null ? randomShare : i.defaults().randomSharePct(),
                    recentMonths != null ? recentMonths : i.defaults().recentMonths(), overrides, seed),
                    InspectionSession.actor(by));
            print(d);
            return 0;
        }
    }

    static void print(Draws.SealedDraw d) {
        DrawRecord r = d.record();
        System.out.println("Draw " + d.id() + " · run " + r.runId() + " · " + r.parameters().period().label() + " · seed "
                + r.seed() + " · by " + r.drawnBy() + " at " + DrawRecord.TIME.format(r.drawnAt()));
        Map<String, Candidate> byCode = new LinkedHashMap<>();
        r.candidates().forEach(c -> byCode.put(c.agencyCode(), c));
        r.candidates().stream().filter(Candidate::feedbackTriggered).forEach(c -> System.out.println(
                "  feedback-triggered candidate: " + c.agencyCode() + " " + c.name() + " (" + c.conductFeedback()
                        + " CONDUCT feedback)" + (c.eligible() ? "" : " — excluded: " + String.join(", ", c.exclusions()))));
        for (Selection s : r.outcome().selected()) {
            Candidate c = byCode.get(s.agencyCode());
            System.out.printf("%3d. %-6s %-12s %-14s %s%s%n", s.order(), s.share(), s.agencyCode(), s.kind(), c.name(),
                    c.risk() == null ? " (not scored)" : " (risk " + c.risk() + ")");
        }
        r.outcome().shortfall().forEach((kind, n) -> {
            if (n > 0) {
                System.out.println("  shortfall: " + n + " place(s) of " + kind + " left empty, too few eligible agencies");
            }
        });
        System.out.println("Seal (SHA-256): " + d.seal());
    }
}
