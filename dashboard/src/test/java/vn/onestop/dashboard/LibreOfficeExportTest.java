package vn.onestop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exports open cleanly where officials open them: LibreOffice converts each to PDF headless without a warning,
 * and the PDF's text (read back with poppler's pdftotext) carries the Vietnamese words and names exactly.
 */
class LibreOfficeExportTest extends RunningDashboard {
    /** The PDFs, kept for a person to look at. */
    private static final Path PDFS = Path.of("target", "export-pdfs");
    private static Browser inspector;

    @BeforeAll
    static void signIn() throws IOException {
        inspector = browser().login("inspector");
        Files.createDirectories(PDFS);
    }

    @BeforeEach
    void needsLibreOfficeAndPoppler() {
        ExternalTools.assumeInstalled(ExternalTools.isInstalled(ExternalTools.SOFFICE), "LibreOffice (soffice)");
        ExternalTools.assumeInstalled(ExternalTools.isInstalled(ExternalTools.PDFTOTEXT), "poppler-utils (pdftotext)");
    }

    @Test
    void officialProgressReportConvertsToPdfWithItsVietnameseLabelsAndNames() throws Exception {
        String text = pdfText("/export/report06.xlsx?period=bc-2024-03", "bao-cao-06a.xlsx");
        for (String expected : List.of("Biểu số II.06a/VPCP/KSTT", "Kỳ báo cáo tháng 3/2024",
                "Từ ngày 15/02/2024 đến ngày 14/03/2024", "Số hồ sơ đã giải quyết", "Đúng hạn", "Trước hạn",
                "Trực tiếp và dịch vụ bưu chính", "Sở Tư pháp", "UBND xã Đăk Hà", "Trung tâm Trợ giúp pháp lý",
                "Khối UBND cấp xã", "Tổng cộng (Toàn tỉnh)", "185")) {
            assertTrue(hasWordsInOrder(text, expected), () -> "PDF lacks '" + expected + "':\n" + text);
        }
    }

    @Test
    void indicatorWorkbookConvertsToPdfWithItsVietnameseHeadersAndNames() throws Exception {
        String text = pdfText("/export/indicators.xlsx?period=2024-03", "chi-so.xlsx");
        for (String expected : List.of("Tên đơn vị", "Giá trị (%)", "Sở Tư pháp", "UBND xã Đăk Hà",
                "Khối sở, ban, ngành", "90.91")) {
            assertTrue(hasWordsInOrder(text, expected), () -> "PDF lacks '" + expected + "':\n" + text);
        }
    }

    @Test
    void csvWithItsByteOrderMarkConvertsToPdfAsUtf8() throws Exception {
        String text = pdfText("/export/indicators.csv?period=2024-03", "chi-so.csv");
        for (String expected : List.of("agency_name", "Sở Tư pháp", "UBND xã Đăk Hà", "Toàn tỉnh")) {
            assertTrue(hasWordsInOrder(text, expected), () -> "PDF lacks '" + expected + "':\n" + text);
        }
    }

    /** Downloads an export, converts it with LibreOffice as a person's machine would, and reads the PDF's text. */
    private static String pdfText(String path, String fileName) throws Exception {
        Path work = Files.createTempDirectory(dir, "pdf");
        Path file = work.resolve(fileName);
        byte[] body = inspector.getBytes(path).body();
        Files.write(file, body);
        Path profile = work.resolve("profile");
        List<String> command = new ArrayList<>(List.of(ExternalTools.SOFFICE.toString(),
                "-env:UserInstallation=" + profile.toUri(), "--headless"));
        if (fileName.endsWith(".csv")) {
            // LibreOffice 7.4 does not take the byte order mark as the charset when converting: say UTF-8 (76), comma
            // separated, quoted with ", as a person picks in the import dialog.
            command.add("--infilter=CSV:44,34,76,1");
        }
        command.addAll(List.of("--convert-to", "pdf", "--outdir", work.toString(), file.toString()));
        Run convert = run(work, command.toArray(String[]::new));
        assertEquals(0, convert.exitCode(), convert::describe);
        assertEquals("", warnings(convert.stderr()), convert::describe);
        Path pdf = work.resolve(fileName.replaceAll("\\.[a-z]+$", ".pdf"));
        assertTrue(Files.isRegularFile(pdf) && Files.size(pdf) > 1000, () -> "no PDF: " + convert.describe());
        Run text = run(work, ExternalTools.PDFTOTEXT.toString(), "-enc", "UTF-8", pdf.toString(), "-");
        assertEquals(0, text.exitCode(), text::describe);
        Files.copy(pdf, PDFS.resolve(fileName.replaceAll("\\.[a-z]+$", ".pdf")), StandardCopyOption.REPLACE_EXISTING);
        return text.stdout().replaceAll("\\s+", " ");
    }

    /**
     * Whether the words of a phrase appear in the text in that order: a label wrapped inside its cell comes out of
     * the PDF over several lines, interleaved with its neighbours.
     */
    private static boolean hasWordsInOrder(String text, String phrase) {
        int from = 0;
        for (String word : phrase.split(" ")) {
            int at = text.indexOf(word, from);
            if (at < 0) {
                return false;
            }
            from = at + word.length();
        }
        return true;
    }

    /** Lines of stderr that are not blank: LibreOffice writes nothing there when a file opens cleanly. */
    private static String warnings(String stderr) {
        List<String> lines = new ArrayList<>();
        stderr.lines().filter(l -> !l.isBlank()).forEach(lines::add);
        return String.join("\n", lines);
    }

    private record Run(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    private static Run run(Path workDir, String... command) throws IOException, InterruptedException {
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
