package vn.onestop.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
    @Test
    void generateWritesTheRequestedDossiersAndBadRows(@TempDir Path out) {
        StringWriter printed = new StringWriter();
        CommandLine cli = new CommandLine(new GenerateCommand());
        cli.setOut(new PrintWriter(printed));
        int exit = cli.execute("--seed", "5", "--cases", "800", "--from", "2024-01-01", "--to", "2024-12-31",
                "--bad-rows", "3", "--out", out.toString());
        assertEquals(0, exit);
        assertEquals(803, Sample.table(out, "case.csv").rows().size());
        assertEquals(3, Sample.table(out, "ground_truth_quarantine.csv").rows().size());
        assertTrue(printed.toString().contains("case.csv"), printed.toString());
    }

    @Test
    void aPeriodBeyondTheCalendarIsRefusedWithTheReason(@TempDir Path out) {
        StringWriter errors = new StringWriter();
        CommandLine cli = new CommandLine(new GenerateCommand());
        cli.setErr(new PrintWriter(errors));
        int exit = cli.execute("--to", "2027-12-31", "--out", out.toString());
        assertEquals(2, exit);
        assertTrue(errors.toString().contains("calendar"), errors.toString());
    }
}
