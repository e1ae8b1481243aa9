package vn.onestop.jobs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.onestop.core.config.ConfigException;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.sample.GenerateCommand;
import vn.onestop.sample.vendor.VendorActivityCommand;

/** The command line: every step of the chain by hand, the demo, and the schedule inside {@code serve}. */
@Command(name = "onestop", mixinStandardHelpOptions = true, version = "OneStop Monitor 0.1",
        description = "OneStop Monitor: indicators of Decision 766 and inspection rules over one-stop dossiers.",
        subcommands = {DemoCommand.class, GenerateCommand.class, IngestCommand.class, ComputeCommand.class,
            ServeCommand.class, IndicatorsCommand.class, UserCommand.class, ConfigCommand.class,
            ReconciliationCommand.class, VendorActivityCommand.class, DrawCommand.class, VerifyCommand.class,
            PlanCommand.class, SampleCommand.class, EvidenceCommand.class, SelfInspectionCommand.class,
            OutcomeCommand.class, InspectedCommand.class, RunsCommand.class})
public final class OneStopCli {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: ./onestop.properties when it exists).")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one configuration key.")
    Map<String, String> overrides = new LinkedHashMap<>();

    OneStopConfig config() {
        Path file = configFile;
        if (file == null && java.nio.file.Files.isRegularFile(Path.of("onestop.properties"))) {
            file = Path.of("onestop.properties");
        }
        OneStopConfig config = OneStopConfig.load(file, overrides);
        LogFormat.apply(config);
        return config;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new OneStopCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + message(e));
            return e instanceof ConfigException || e instanceof IllegalArgumentException ? 2 : 1;
        });
        return cli.execute(args);
    }

    /** The first message in the chain, and the root cause's when it says more ("Writing to the store failed: …"). */
    static String message(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String first = t.getMessage() == null ? t.toString() : t.getMessage();
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String last = root.getMessage() == null ? root.toString() : root.getMessage();
        return root == t || first.contains(last) ? first : first + ": " + last;
    }
}
