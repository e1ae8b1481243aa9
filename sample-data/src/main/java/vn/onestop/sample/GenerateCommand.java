package vn.onestop.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: writes a sample province as canonical CSV files. Usable alone or as a subcommand of jobs. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a deterministic sample province (Kon Tum style) as canonical CSV files.")
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = GeneratorOptions.DEFAULT_SEED;

    @Option(names = "--cases", description = "Number of dossiers (default: ${DEFAULT-VALUE}).")
    long cases = GeneratorOptions.DEFAULT_CASES;

    @Option(names = "--from", description = "First day of reception, yyyy-MM-dd (default: ${DEFAULT-VALUE}).")
    LocalDate from = GeneratorOptions.DEFAULT_FROM;

    @Option(names = "--to", description = "Last day and data end, yyyy-MM-dd (default: ${DEFAULT-VALUE}).")
    LocalDate to = GeneratorOptions.DEFAULT_TO;

    @Option(names = "--bad-rows", description = "Invalid case rows to mix in (default: ${DEFAULT-VALUE}).")
    int badRows = 0;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("sample-province");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        GeneratorOptions options;
        try {
            options = new GeneratorOptions(seed, cases, from, to, badRows);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long start = System.nanoTime();
        GenerationSummary summary = ProvinceGenerator.generate(options, out);
        spec.commandLine().getOut().print(summary);
        spec.commandLine().getOut().printf("  in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateCommand()).execute(args));
    }
}
