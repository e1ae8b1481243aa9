package vn.onestop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bench --help} prints its options in words, without picocli's warnings about its format strings. */
class BenchHelpTest {
    @Test
    void helpFormatsEveryOptionWithoutWarnings() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String usage;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            usage = new CommandLine(new BenchCommand()).getUsageMessage();
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
        // A percent sign in a description is a format specifier to picocli unless doubled.
        assertTrue(usage.replaceAll("\\s+", " ").contains("80 % of the machine's memory"), usage);
    }
}
