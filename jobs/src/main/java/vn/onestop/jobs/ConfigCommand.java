package vn.onestop.jobs;

import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import vn.onestop.core.config.OneStopConfig;

/** Lists every configuration key with its default and meaning. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "List the configuration keys.")
final class ConfigCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        new TreeMap<>(OneStopConfig.knownKeys()).forEach((k, v) ->
                System.out.printf("%-26s default %-20s %s%n", k, v[0].isEmpty() ? "(empty)" : v[0], v[1]));
        return 0;
    }
}
