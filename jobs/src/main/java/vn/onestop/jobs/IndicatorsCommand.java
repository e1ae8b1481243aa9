package vn.onestop.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.onestop.analytics.ComputeJob;
import vn.onestop.analytics.IndicatorSettings;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.catalogue.IndicatorDefinition;
import vn.onestop.analytics.model.IndicatorValue;
import vn.onestop.analytics.period.Period;
import vn.onestop.analytics.period.PeriodKind;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.core.store.RunLog;
import vn.onestop.dashboard.export.CsvIndicatorWriter;
import vn.onestop.dashboard.export.IndicatorExportRow;
import vn.onestop.ingest.FolderIngest;
import vn.onestop.ingest.IngestReport;
import vn.onestop.ingest.Lake;

/**
 * The acceptance interface: canonical CSV files in, the indicator export of indicators.md out, for every agency,
 * agency group and the province, for the months, quarters and years the range covers and for the range itself.
 * Uses a temporary lake and leaves no state behind.
 */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "Compute the indicator export (CSV) from a folder of canonical CSV files.")
final class IndicatorsCommand implements Callable<Integer> {
    @ParentCommand
    OneStopCli cli;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "Folder of canonical CSV files.")
    Path input;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day, inclusive.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day, inclusive.")
    LocalDate to;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write the export.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(input) || !Files.isReadable(input)) {
            throw new IllegalArgumentException("--input " + input + " is not a readable folder.");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from + ".");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("--out " + out + ": folder " + parent + " does not exist.");
        }
        OneStopConfig config = cli.config();
        Path tmp = Files.createTempDirectory("onestop-indicators");
        try (Environment env = new Environment(config)) {
            Lake lake = new Lake(tmp.resolve("lake").toString());
            IngestReport report = new FolderIngest(env.spark(), lake, LocalDateTime.now(RunLog.ZONE))
                    .run(input, tmp, "indicators");
            System.err.print(Pipeline.describe(report));
            ComputeJob job = new ComputeJob(env.spark(), lake, env.calendar(), env.catalogue(),
                    IndicatorSettings.from(config));
            ComputeJob.Computation computation = job.compute(from, to);
            List<IndicatorExportRow> rows = exportRows(computation, env.catalogue(), config.pointsProfile());
            try (OutputStream os = Files.newOutputStream(out)) {
                CsvIndicatorWriter.write(rows, os);
            }
            System.err.println("Wrote " + rows.size() + " rows to " + out);
            return 0;
        } finally {
            deleteRecursively(tmp);
        }
    }

    /**
     * One row per scope × distinct period × indicator of the 766 index and the rule rates (plain counts, such as
     * the 06a columns, have their own report), ordered by period, then province, groups and agencies, then the catalogue's order.
     */
    static List<IndicatorExportRow> exportRows(ComputeJob.Computation computation, Catalogue catalogue, String profile) {
        Map<String, Integer> order = new HashMap<>();
        for (IndicatorDefinition d : catalogue.definitions()) {
            order.put(d.id(), d.sortOrder());
        }
        order.put(Catalogue.TOTAL_ID, Integer.MAX_VALUE);
        List<String> spans = new ArrayList<>();
        Map<String, String> kindOfSpan = new HashMap<>();
        var calendarKinds = java.util.EnumSet.of(PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR, PeriodKind.RANGE);
        for (Period p : Period.distinctSpans(Period.ofKinds(computation.periods(), calendarKinds))) {
            spans.add(p.start() + "/" + p.end());
            kindOfSpan.put(p.start() + "/" + p.end(), p.kind().code());
        }
        return computation.values().stream()
                .filter(v -> catalogue.find(v.indicatorId()).map(d -> d.unit() != IndicatorDefinition.Unit.COUNT)
                        .orElse(true))
                .filter(v -> v.periodKind().equals(kindOfSpan.get(v.periodStart() + "/" + v.periodEnd())))
                .sorted(Comparator.comparing((IndicatorValue v) -> spans.indexOf(v.periodStart() + "/" + v.periodEnd()))
                        .thenComparing(v -> v.scopeKind().ordinal())
                        .thenComparing(IndicatorValue::scopeCode)
                        .thenComparing(v -> order.getOrDefault(v.indicatorId(), Integer.MAX_VALUE - 1)))
                .map(v -> new IndicatorExportRow(v.periodStart(), v.periodEnd(), v.scopeCode(), v.scopeName(),
                        v.indicatorId(), v.numerator(), v.denominator(), v.valuePct(), v.points(), v.maxPoints(),
                        profile))
                .toList();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
