package vn.onestop.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} formats without picocli's warnings: a percent sign in a description is a format
 * specifier unless doubled, and a bad one prints a warning above the help (as {@code bench --help} did).
 */
class CliHelpTest {
    @Test
    void everyCommandsHelpFormatsWithoutWarnings() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder usages = new StringBuilder();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            CommandLine root = new CommandLine(new OneStopCli());
            usages.append(root.getUsageMessage());
            for (CommandLine sub : root.getSubcommands().values()) {
                usages.append(sub.getUsageMessage());
            }
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
        assertTrue(usages.toString().contains("vendor-activity"), usages::toString);
        assertTrue(usages.toString().contains("Usage: onestop draw"), usages::toString);
    }
}
