package vn.onestop.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance interface: {@code indicators --input DIR --from --to --out FILE.csv}. */
class IndicatorsCommandTest {
    @TempDir
    Path tmp;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(IndicatorsCommandTest.class.getResource("/fixtures/" + name).toURI());
    }

    @Test
    void theFebruaryTetFixtureGivesTheHandComputedExport() throws Exception {
        Path out = tmp.resolve("indicators.csv");
        int exit = OneStopCli.run("--set", "data.dir=" + tmp, "indicators", "--input",
                fixture("february-tet").toString(), "--from", "2024-02-01", "--to", "2024-02-29", "--out", out.toString());
        assertEquals(0, exit);
        byte[] expected = Files.readAllBytes(fixture("february-tet").resolve("expected.csv"));
        assertEquals(new String(expected, StandardCharsets.UTF_8), Files.readString(out, StandardCharsets.UTF_8));
        assertEquals((byte) 0xEF, Files.readAllBytes(out)[0], "UTF-8 with a BOM, for Excel");
    }

    private static int runCapturingErr(StringBuilder err, String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return OneStopCli.run(args);
        } finally {
            System.setErr(old);
            err.append(buf.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void anUnreadableFolderIsAClearErrorWithANonZeroExit() {
        StringBuilder err = new StringBuilder();
        int exit = runCapturingErr(err, "indicators", "--input", tmp.resolve("missing").toString(),
                "--from", "2024-02-01", "--to", "2024-02-29", "--out", tmp.resolve("x.csv").toString());
        assertEquals(2, exit);
        assertTrue(err.toString().contains("is not a readable folder"), err.toString());
    }

    @Test
    void badDatesAndReversedRangesAreRefused() {
        StringBuilder err = new StringBuilder();
        assertEquals(2, runCapturingErr(err, "indicators", "--input", tmp.toString(), "--from", "01/02/2024",
                "--to", "2024-02-29", "--out", tmp.resolve("x.csv").toString()));
        assertTrue(err.toString().contains("--from"), err.toString());
        StringBuilder err2 = new StringBuilder();
        assertEquals(2, runCapturingErr(err2, "indicators", "--input", tmp.toString(), "--from", "2024-03-01",
                "--to", "2024-02-01", "--out", tmp.resolve("x.csv").toString()));
        assertTrue(err2.toString().contains("is before --from"), err2.toString());
    }

    @Test
    void anUnknownConfigurationKeyIsNamed() {
        StringBuilder err = new StringBuilder();
        assertEquals(2, runCapturingErr(err, "--set", "store.ulr=x", "config"));
        assertTrue(err.toString().contains("Unknown configuration key 'store.ulr'"), err.toString());
    }
}
