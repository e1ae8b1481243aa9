package vn.onestop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bench --help} prints its options in words, without picocli's warnings about its format strings; the header
 * names the JVMs a mode starts and no others; the table stays readable when a label is long.
 */
class BenchOutputTest {
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

    @Test
    void aLongLabelWrapsInsteadOfWideningTheTable() {
        String plan = "Nightly run: nightly run on top of 20261208-072727-c1d7: 89 changed dossiers, 0 changed "
                + "feedback; 10 of the periods recomputed (10 whole: those ending on or after 2026-10-30 and the range)";
        List<String> lines = BenchCommand.tableLines(List.of(
                Figure.info("nightly.plan", plan, 10, "periods recomputed"),
                Figure.atMost("ratio.nightly_vs_full", "Nightly run ÷ full run", 122, "%", 20)));
        assertEquals(List.of(
                String.format("%-102s %18s   %-14s", "figure", "value", "target"),
                "-".repeat(140),
                "Nightly run: nightly run on top of 20261208-072727-c1d7: 89 changed dossiers, 0 changed feedback; 10",
                String.format("%-102s %18s", "  of the periods recomputed (10 whole: those ending on or after "
                        + "2026-10-30 and the range)", "10 periods recomputed"),
                String.format("%-102s %18s   %-14s %s", "Nightly run ÷ full run", "122 %", "≤ 20 %", "✗")), lines);
        assertTrue(lines.stream().allMatch(l -> l.length() <= 160), lines::toString);
    }
}
