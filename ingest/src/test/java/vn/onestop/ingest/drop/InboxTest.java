package vn.onestop.ingest.drop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.ingest.FolderIngest;
import vn.onestop.ingest.InputCount;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.LakeComparison;
import vn.onestop.ingest.LakeCopies;
import vn.onestop.ingest.RecordIngest;
import vn.onestop.ingest.RecordType;
import vn.onestop.ingest.SmallProvinces;
import vn.onestop.ingest.SparkSessions;

class InboxTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 6, 30, 12, 0);
    private static final List<RecordType> DROPPED = List.of(RecordType.CASE, RecordType.CASE_APOLOGY, RecordType.FEEDBACK);

    @TempDir
    Path tmp;

    private final SparkSession spark = SparkSessions.local();

    @Test
    void dropsInEveryEncodingAndXlsxGiveTheSameRecordsAsTheCsvAndMoveToTheArchive() throws IOException {
        Path province = SmallProvinces.small();
        Path csv = LakeCopies.subset(province, tmp.resolve("csv"), "agency.csv", "procedure.csv", "case.csv",
                "case_apology.csv", "feedback.csv");
        Lake expected = new Lake(tmp.resolve("expected").toString());
        new FolderIngest(spark, expected, NOW).run(csv, tmp, "csv");
        Lake actual = LakeCopies.copy(expected, tmp.resolve("actual"), "agency", "procedure");
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        for (RecordType type : DROPPED) {
            DropVariants v = new DropVariants(province.resolve(type.table() + ".csv"), type);
            v.utf8WithBom(inbox.resolve(type.table() + "_utf8bom.csv"), v.slice(0, 4));
            v.utf16Tabs(inbox.resolve(type.table() + "_unicode_text.csv"), v.slice(1, 4));
            v.semicolonsVietnameseDates(inbox.resolve(type.table() + "_vi.csv"), v.slice(2, 4));
            v.xlsx(inbox.resolve(type.table() + "_excel.xlsx"), v.slice(3, 4));
        }
        Files.writeString(inbox.resolve("ghi-chu.docx"), "not a drop");
        Files.writeString(inbox.resolve("case_broken.csv"), "ma_ho_so,don_vi\n1,2\n", StandardCharsets.UTF_8);

        Inbox.Result result = inbox(inbox).run(new RecordIngest(spark, actual, NOW, "run1"), tmp);

        for (RecordType type : DROPPED) {
            LakeComparison.assertSameTable(spark, expected, actual, type.table());
        }
        assertTrue(result.counts().stream().allMatch(InputCount::balances));
        assertEquals(12, result.counts().size(), result.counts().toString());
        assertTrue(result.counts().stream().allMatch(c -> c.source().startsWith("inbox:")), "named apart from snapshots");
        assertEquals(12, result.archived().size());
        assertEquals(2, result.rejected().size());
        try (var left = Files.list(inbox)) {
            assertEquals(0, left.count(), "the inbox is empty after the run");
        }
        String report = Files.readString(tmp.resolve("rejected/run1/case_broken.csv.report.txt"));
        assertTrue(report.contains("case_broken.csv has no column case_id"), report);
        assertTrue(Files.readString(tmp.resolve("archive/run1/case_excel.xlsx.report.txt"))
                .contains("accepted 150"), "the archived report gives the balance");
    }

    @Test
    void aRowWithAnUnknownAgencyIsRetriedOnceTheAgencyArrives() throws IOException {
        Path province = SmallProvinces.small();
        Lake lake = new Lake(tmp.resolve("lake").toString());
        new FolderIngest(spark, lake, NOW).run(LakeCopies.subset(province, tmp.resolve("ref"), "agency.csv",
                "procedure.csv"), tmp, "ref");
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        String header = String.join(",", RecordType.CASE.columnNames());
        String row = String.join(",", RecordType.CASE.columnNames().stream().map(c -> switch (c) {
            case "case_id" -> "NEW-0001";
            case "agency_code" -> "H37.99";
            case "procedure_code" -> "1.001193";
            case "status" -> "4";
            case "received_at" -> "05/03/2024 09:15";
            case "updated_at" -> "2024-03-05T09:15:00";
            default -> "";
        }).toList());
        Files.writeString(inbox.resolve("case_new_commune.csv"), header + "\n" + row + "\n");

        Inbox.Result first = inbox(inbox).run(new RecordIngest(spark, lake, NOW, "run1"), tmp);
        assertEquals("UNKNOWN_AGENCY", first.quarantined().get(0).reason());
        Files.writeString(inbox.resolve("agency_new.csv"), "agency_code,name,kind,parent_code\n"
                + "H37.99,UBND xã Mới,commune_ppc,H37\n");
        RecordIngest second = new RecordIngest(spark, lake, NOW, "run2");
        inbox(inbox).run(second, tmp);
        RecordIngest.Outcome retried = second.retryPending(RecordType.CASE, "");

        assertEquals(List.of(new InputCount("retry:case_new_commune.csv", "case", 1, 1, 0, 0)), retried.counts());
        assertEquals(1, lake.read(spark, "case").filter("case_id = 'NEW-0001'").count());
        assertTrue(second.retryPending(RecordType.CASE, "").counts().isEmpty(), "nothing is left to re-try");
    }

    private Inbox inbox(Path dir) {
        return new Inbox(spark, new Inbox.Settings(dir, tmp.resolve("archive"), tmp.resolve("rejected"), Duration.ZERO));
    }
}
