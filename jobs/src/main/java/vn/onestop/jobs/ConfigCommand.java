package vn.onestop.jobs;

import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import vn.onestop.core.config.OneStopConfig;

/** Validates the configuration and lists every key with its effective value and meaning. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Check the configuration and list every key with its value.")
final class ConfigCommand implements Callable<Integer> {
    @ParentCommand
    OneStopCli cli;

    @Override
    public Integer call() {
        OneStopConfig config = cli.config();
        new TreeMap<>(OneStopConfig.knownKeys()).forEach((k, v) -> {
            String value = k.contains("password") && !config.string(k).isEmpty() ? "********" : config.string(k);
            System.out.printf("%-26s = %-40s # %s%n", k, value, v[1]);
        });
        return 0;
    }
}
