package vn.onestop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bench --help} prints its options in words, without picocli's warnings about its format strings; the header
 * names the JVMs a mode starts and no others.
 */
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

    @Test
    void theHeaderNamesOnlyTheJvmsTheModeStarts() {
        assertEquals("JVMs: ingest -Xmx3g -XX:+UseParallelGC; Spark local[2]", jvmLine("--jdbc-only"));
        assertEquals("JVMs: ingest -Xmx2g, compute -Xmx1g (both -XX:+UseParallelGC); Spark local[2]",
                jvmLine("--compute-only", "--ingest-heap", "2g", "--compute-heap", "1g"));
        assertTrue(jvmLine().startsWith("JVMs: ingest -Xmx3g, compute -Xmx3g (both -XX:+UseParallelGC), "
                + "dashboard -Xmx160m "), jvmLine());
        assertTrue(jvmLine("--dashboard-only").startsWith("JVMs: dashboard -Xmx160m "), jvmLine("--dashboard-only"));
    }

    private static String jvmLine(String... args) {
        BenchCommand bench = new BenchCommand();
        new CommandLine(bench).parseArgs(args);
        return bench.jvmLine();
    }
}
