package vn.onestop.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.onestop.ingest.drop.DropFileStager.UnreadableDropException;
import vn.onestop.ingest.drop.Inbox;
import vn.onestop.ingest.portal.PortalFeed;

/**
 * The corpus of bad inputs (src/test/resources/bad-inputs, issue 8): each file goes the way it would in production —
 * CSV and XLSX through the watched inbox, JSON through the portal feed reader — and must end exactly as
 * {@code expected.csv} records: every row accepted, quarantined with its reason or superseded, or the whole file
 * rejected with a message that names it and says what to do. Never a crash, never a row lost. To stay quick, all
 * drops go through one inbox run and all readable feed files through one feed read, as they would on a busy
 * morning (their dossier ids are distinct); the assertions are per file.
 */
class BadInputCorpusTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 6, 30, 12, 0);
    private static final String HEADER = "case_id,agency_code,procedure_code,status,received_at,due_at,finished_at,"
            + "applicant_name,updated_at";
    /** Files too big to keep in the repository, written by the test itself. */
    private static final Set<String> GENERATED = Set.of("case_5mb_cell.csv", "case_100k_columns.csv");
    private static final Path CORPUS = corpus();
    private static final List<Expected> EXPECTED = expected();

    @TempDir
    static Path shared;

    private static Lake lake;
    private static Inbox.Result inbox;
    private static List<RecordIngest.Outcome> portal;
    /** The feed read's failure, if it failed: reported by each feed file's test rather than hiding the drops'. */
    private static RuntimeException portalFailure;
    private final SparkSession spark = SparkSessions.local();

    /** One line of expected.csv; {@code file} is a corpus file, or a file in a folder dropped as one batch. */
    record Expected(String file, String outcome, String table, String counts, String quarantine, String message,
                    String check) {
        String drop() {
            return file.contains("/") ? file.substring(0, file.indexOf('/')) : file;
        }

        String name() {
            return file.substring(file.lastIndexOf('/') + 1);
        }

        boolean feed() {
            return name().endsWith(".json") || name().endsWith(".jsonl");
        }

        /** The part compared as a whole: outcome, balance and quarantined lines. */
        String outcomeLine() {
            return String.join(",", name(), outcome, table, counts, quarantine);
        }
    }

    @BeforeAll
    static void dropEveryFileOnTheReferenceSnapshot() throws IOException {
        SparkSession spark = SparkSessions.local();
        Lake reference = new Lake(shared.resolve("reference").toString());
        new FolderIngest(spark, reference, NOW).run(CORPUS.resolve("_reference"), shared, "ref");
        lake = LakeCopies.copy(reference, shared.resolve("lake"), "agency", "procedure", "case");
        Path drops = Files.createDirectories(shared.resolve("inbox"));
        Path feed = Files.createDirectories(shared.resolve("feed"));
        for (Expected e : EXPECTED) {
            if (!e.outcome().equals("FAILED")) {
                place(e, e.feed() ? feed : drops);
            }
        }
        RecordIngest ingest = new RecordIngest(spark, lake, NOW, "bad");
        inbox = new Inbox(spark, new Inbox.Settings(drops, shared.resolve("archive"), shared.resolve("rejected"),
                Duration.ZERO)).run(ingest, shared);
        try {
            portal = new PortalFeed(spark, ingest, shared).read(feed, null, NOW);
        } catch (RuntimeException e) {
            portalFailure = e;
        }
        try (Stream<Path> left = Files.list(drops)) {
            assertEquals(List.of(), left.toList(), "every drop leaves the inbox");
        }
    }

    static Stream<String> drops() {
        return EXPECTED.stream().map(Expected::drop).distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drops")
    void everyBadInputEndsAsRecorded(String drop) throws IOException {
        List<Expected> expected = EXPECTED.stream().filter(e -> e.drop().equals(drop)).toList();

        List<String> actual = expected.get(0).feed() ? throughThePortalFeed(expected) : throughTheInbox(expected);

        assertEquals(expected.stream().map(Expected::outcomeLine).distinct().sorted().collect(Collectors.joining("\n")),
                actual.stream().sorted().collect(Collectors.joining("\n")));
        for (Expected e : expected) {
            if (!e.check().isEmpty()) {
                String[] check = e.check().split(" => ");
                assertEquals(Long.parseLong(check[1]), lake.read(spark, e.table()).filter(check[0]).count(), e.check());
            }
        }
    }

    private List<String> throughTheInbox(List<Expected> expected) throws IOException {
        List<String> actual = new ArrayList<>();
        for (Expected e : expected) {
            for (InputCount c : inbox.counts()) {
                if (c.source().equals(Inbox.PREFIX + e.name())) {
                    assertTrue(c.balances(), c.toString());
                    actual.add(line(e.name(), "READ", c, inbox.quarantined()));
                }
            }
            Path report = shared.resolve(e.outcome().equals("READ") ? "archive" : "rejected").resolve("bad")
                    .resolve(e.name() + ".report.txt");
            if (e.outcome().equals("REJECTED")) {
                actual.add(String.join(",", e.name(), "REJECTED", "", "", "", "", "", ""));
                String note = inbox.notes().stream().filter(n -> n.startsWith(e.name() + ": rejected — "))
                        .findFirst().orElseThrow(() -> new AssertionError(e.name() + " was not rejected"));
                assertTrue(note.contains(e.message()) && note.indexOf(e.name(), 1) > 0,
                        "the reason names the file and says what is wrong: " + note);
            }
            String text = Files.readString(report);
            assertTrue(text.contains(e.message()), "report of " + e.name() + " says '" + e.message() + "':\n" + text);
        }
        assertQuarantineFitsTheStore(inbox.quarantined());
        return actual;
    }

    private List<String> throughThePortalFeed(List<Expected> expected) throws IOException {
        Expected first = expected.get(0);
        if (first.outcome().equals("FAILED")) {
            Path feed = Files.createDirectories(shared.resolve("failing").resolve(first.name()));
            place(first, feed);
            // A lake of its own: a file that wrongly read would replace the portal tables the other files wrote.
            Lake own = LakeCopies.copy(lake, shared.resolve("failing-lake").resolve(first.name()), "agency", "procedure");
            PortalFeed reader = new PortalFeed(spark, new RecordIngest(spark, own, NOW, "failing"),
                    shared.resolve("failing-work").resolve(first.name()));
            var e = assertThrows(UnreadableDropException.class, () -> reader.read(feed, null, NOW));
            assertTrue(e.getMessage().startsWith(first.name()) && e.getMessage().contains(first.message()),
                    "the message names the file and says what is wrong: " + e.getMessage());
            return List.of(String.join(",", first.name(), "FAILED", "", "", "", "", "", ""));
        }
        if (portalFailure != null) {
            throw new AssertionError("the feed read failed", portalFailure);
        }
        List<String> actual = new ArrayList<>();
        List<QuarantinedRow> quarantined = new ArrayList<>();
        for (RecordIngest.Outcome o : portal) {
            for (InputCount c : o.counts()) {
                if (c.source().equals(first.name())) {
                    assertTrue(c.balances(), c.toString());
                    actual.add(line(c.source(), "READ", c, o.quarantined()));
                }
            }
            quarantined.addAll(o.quarantined());
        }
        assertQuarantineFitsTheStore(quarantined);
        String details = quarantined.stream().filter(q -> q.location().startsWith(first.name() + ":"))
                .map(QuarantinedRow::detail).collect(Collectors.joining("\n"));
        for (Expected e : expected) {
            assertTrue(details.contains(e.message()), "a quarantined row says '" + e.message() + "':\n" + details);
        }
        return actual;
    }

    /** {@code file,READ,table,read,accepted,quarantined,superseded,line:REASON …} */
    private static String line(String file, String outcome, InputCount c, List<QuarantinedRow> quarantined) {
        String reasons = quarantined.stream()
                .filter(q -> q.recordType().equals(c.recordType()) && q.location().startsWith(file + ":"))
                .sorted(Comparator.comparingLong(q -> Long.parseLong(q.location().substring(file.length() + 1))))
                .map(q -> q.location().substring(file.length() + 1) + ":" + q.reason())
                .collect(Collectors.joining(" "));
        return String.join(",", file, outcome, c.recordType(), Long.toString(c.read()), Long.toString(c.accepted()),
                Long.toString(c.quarantined()), Long.toString(c.superseded()), reasons);
    }

    /** Quarantined rows go to run_quarantine (detail ≤ 1000, raw ≤ 4000 characters) and to PostgreSQL (no NUL). */
    private static void assertQuarantineFitsTheStore(List<QuarantinedRow> rows) {
        for (QuarantinedRow q : rows) {
            String where = q.location() + " " + q.reason();
            assertTrue(q.location().length() <= 400, where);
            assertTrue(q.detail() == null || q.detail().length() <= 1000, where + ": detail of " + q.detail().length());
            assertTrue(q.rawValue() == null || q.rawValue().length() <= 4000, where + ": raw of " + q.rawValue().length());
            assertTrue((q.detail() + q.rawValue()).chars().noneMatch(ch -> ch == 0), where + ": a NUL character");
        }
    }

    @Test
    void theCorpusHoldsAtLeastThirtyFilesEachWithItsReadmeLineAndExpectedOutcome() throws IOException {
        Set<String> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(Files::isRegularFile).map(p -> CORPUS.relativize(p).toString().replace('\\', '/'))
                    .filter(f -> !f.startsWith("_reference/") && !Set.of("README.md", "expected.csv", ".gitattributes")
                            .contains(f))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> recorded = EXPECTED.stream().map(Expected::file).filter(f -> !GENERATED.contains(f))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(files, recorded, "every corpus file has its expected outcome, and only those");
        String readme = Files.readString(CORPUS.resolve("README.md"));
        for (String drop : drops().toList()) {
            assertTrue(readme.contains("| `" + drop + (drop.contains(".") ? "`" : "/`") + " |"), drop + " in README");
        }
        assertTrue(drops().count() >= 30, "at least 30 bad inputs");
    }

    /** Copies a corpus file into a folder, or writes one of the generated ones. */
    private static void place(Expected e, Path in) throws IOException {
        Path target = in.resolve(e.name());
        if (Files.exists(target)) {
            return; // a file with more than one expected line (one per table)
        }
        switch (e.file()) {
            case "case_5mb_cell.csv" -> Files.writeString(target, HEADER + "\n" + row("MB-1", "Nguyễn Văn An") + "\n"
                    + row("MB-2", "A".repeat(5 * 1024 * 1024)) + "\n", StandardCharsets.UTF_8);
            case "case_100k_columns.csv" -> Files.writeString(target, HEADER + "\n" + row("KC-1", "Nguyễn Văn An")
                    + "\nKC-2" + ",x".repeat(99_999) + "\n", StandardCharsets.UTF_8);
            default -> Files.copy(CORPUS.resolve(e.file()), target);
        }
    }

    private static String row(String id, String name) {
        return id + ",H37.01,1.001193,4,2024-03-05T09:00,2024-03-19T17:00,," + name + ",2024-03-05T09:00";
    }

    private static Path corpus() {
        try {
            return Path.of(BadInputCorpusTest.class.getResource("/bad-inputs/expected.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Expected> expected() {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(CORPUS.resolve("expected.csv"), StandardCharsets.UTF_8);
             CSVParser p = format.parse(r)) {
            List<Expected> out = new ArrayList<>();
            for (CSVRecord rec : p) {
                String counts = String.join(",", rec.get("read"), rec.get("accepted"), rec.get("quarantined"),
                        rec.get("superseded"));
                out.add(new Expected(rec.get("file"), rec.get("outcome").toUpperCase(Locale.ROOT), rec.get("table"),
                        counts, rec.get("quarantine"), rec.get("message"), rec.get("check")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
