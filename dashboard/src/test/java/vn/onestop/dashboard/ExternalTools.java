package vn.onestop.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs some tests drive (Chromium, LibreOffice, poppler), installed by {@code .ci/run}. Outside CI a test is
 * skipped, saying why, when its program is missing; in CI ({@code CI} set) it always runs, and fails without it.
 */
final class ExternalTools {
    static final Path SOFFICE = Path.of("/usr/bin/soffice");
    static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");

    private ExternalTools() {
    }

    static void assumeInstalled(boolean installed, String what) {
        Assumptions.assumeTrue(installed || System.getenv("CI") != null,
                what + " is not installed: skipped outside CI (.ci/run installs it; set CI=1 to insist)");
    }

    static boolean isInstalled(Path program) {
        return Files.isExecutable(program);
    }
}
