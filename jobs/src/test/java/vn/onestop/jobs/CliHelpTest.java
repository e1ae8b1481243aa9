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
            appendUsages(new CommandLine(new OneStopCli()), usages);
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
        assertTrue(usages.toString().contains("vendor-activity"), usages::toString);
        assertTrue(usages.toString().contains("Usage: onestop draw"), usages::toString);
        assertTrue(usages.toString().contains("Usage: onestop runs list"), "nested commands too");
    }

    /** A command's help and those of its subcommands, at every depth ({@code runs list}, {@code plan add}). */
    private static void appendUsages(CommandLine command, StringBuilder usages) {
        usages.append(command.getUsageMessage());
        command.getSubcommands().values().forEach(sub -> appendUsages(sub, usages));
    }
}
