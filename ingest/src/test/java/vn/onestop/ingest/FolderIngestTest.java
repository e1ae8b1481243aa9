package vn.onestop.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.ingest.drop.DropFileStager.UnreadableDropException;

class FolderIngestTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 6, 30, 12, 0);
    private static final String CASE_HEADER = String.join(",", RecordType.CASE.columnNames());

    @TempDir
    Path tmp;

    private final SparkSession spark = SparkSessions.local();

    private Path inbox() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("agency.csv"), """
                agency_code,name,kind,parent_code,valid_from,valid_to,successor_code
                A1,Sở Y tế,department,,2020-01-01,,
                A2,UBND xã Hòa Bình,commune_ppc,,2020-01-01,,
                """);
        Files.writeString(in.resolve("procedure.csv"), """
                procedure_code,name,legal_duration,duration_unit
                1.001,Cấp giấy phép hành nghề,5,WORKING_DAYS
                """);
        return in;
    }

    /** A case row with only the fields these tests care about. */
    private static String caseRow(String id, String agency, String status, String received, String due,
                                  String finished, String updated) {
        Map<String, String> v = Map.of("case_id", id, "agency_code", agency, "procedure_code", "1.001",
                "status", status, "received_at", received, "due_at", due, "finished_at", finished,
                "updated_at", updated, "channel", "2");
        return RecordType.CASE.columnNames().stream().map(c -> v.getOrDefault(c, "")).collect(Collectors.joining(","));
    }

    private IngestReport ingest(Path in) {
        return new FolderIngest(spark, new Lake(tmp.resolve("lake").toString()), NOW).run(in, tmp, "r1");
    }

    @Test
    void everyRowIsAcceptedQuarantinedWithReasonOrSuperseded() throws IOException {
        Path in = inbox();
        Files.writeString(in.resolve("case.csv"), String.join("\n", CASE_HEADER,
                caseRow("C1", "A1", "9", "2024-02-01T10:00", "2024-02-15T17:00", "2024-02-14T09:00", "2024-02-14T09:00"),
                caseRow("C2", "A2", "4", "05/03/2024 14:30", "", "", "2024-03-05T14:30"),
                caseRow("", "A1", "4", "2024-03-05T14:30", "", "", ""),
                caseRow("C3", "A1", "9", "2024-03-05T14:30", "", "2024-03-01T08:00", ""),
                caseRow("C4", "ZZ", "4", "2024-03-05T14:30", "", "", ""),
                caseRow("C5", "A1", "42", "2024-03-05T14:30", "", "", ""),
                caseRow("C6", "A1", "4", "2024-13-45T14:30", "", "", ""),
                caseRow("C7", "A1", "4", "2024-07-05T14:30", "", "", ""),
                caseRow("C1", "A1", "4", "2024-02-01T10:00", "2024-02-15T17:00", "", "2024-02-01T10:00"),
                "C8,too,few,fields") + "\n");

        IngestReport report = ingest(in);

        InputCount cases = report.counts().stream().filter(c -> c.recordType().equals("case")).findFirst().orElseThrow();
        assertEquals(new InputCount("case.csv", "case", 10, 2, 7, 1), cases);
        assertTrue(report.balances());
        Map<String, String> reasonByLocation = report.quarantined().stream()
                .collect(Collectors.toMap(QuarantinedRow::location, QuarantinedRow::reason));
        assertEquals(Map.of(
                "case.csv:4", "MISSING_REQUIRED",
                "case.csv:5", "FINISHED_BEFORE_RECEIVED",
                "case.csv:6", "UNKNOWN_AGENCY",
                "case.csv:7", "BAD_CODE",
                "case.csv:8", "BAD_TIMESTAMP",
                "case.csv:9", "FUTURE_TIMESTAMP",
                "case.csv:11", "MALFORMED_ROW"), reasonByLocation);

        List<Row> lake = spark.read().parquet(tmp.resolve("lake/case").toString())
                .orderBy("case_id").select("case_id", "status", "received_at", "channel").collectAsList();
        assertEquals(2, lake.size());
        assertEquals("C1", lake.get(0).getString(0));
        assertEquals(9, lake.get(0).getInt(1), "the newest version of C1 (finished) wins");
        assertEquals(LocalDateTime.of(2024, 3, 5, 14, 30).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant(),
                lake.get(1).getAs("received_at"), "dd/MM/yyyy HH:mm is local time");
        assertEquals("ONLINE", lake.get(1).getString(3));
    }

    @Test
    void detailNamesTheFieldAndTheValueSeen() throws IOException {
        Path in = inbox();
        Files.writeString(in.resolve("case.csv"), CASE_HEADER + "\n"
                + caseRow("C6", "A1", "4", "2024-13-45T14:30", "", "", "") + "\n");
        QuarantinedRow q = ingest(in).quarantined().get(0);
        assertEquals("received_at = '2024-13-45T14:30' is not a date/time", q.detail());
        assertTrue(q.rawValue().contains("case_id=C6"));
    }

    @Test
    void utf16WithBomAsExcelWritesItIsRead() throws IOException {
        Path in = inbox();
        String text = CASE_HEADER + "\r\n"
                + caseRow("C9", "A2", "4", "2024-03-05T14:30", "", "", "") + "\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(in.resolve("case_utf16.csv"), withBom);

        IngestReport report = ingest(in);

        assertEquals(new InputCount("case_utf16.csv", "case", 1, 1, 0, 0), report.counts().stream()
                .filter(c -> c.recordType().equals("case")).findFirst().orElseThrow());
        Row agency = spark.read().parquet(tmp.resolve("lake/agency").toString()).filter("agency_code = 'A2'").first();
        assertEquals("UBND xã Hòa Bình", agency.getAs("name"));
    }

    @Test
    void aMissingFolderIsAClearError() {
        var e = assertThrows(UnreadableDropException.class, () -> ingest(tmp.resolve("nope")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aFileWithoutTheRequiredColumnsNamesThem() throws IOException {
        Path in = inbox();
        Files.writeString(in.resolve("case.csv"), "id,agency\n1,A1\n");
        var e = assertThrows(UnreadableDropException.class, () -> ingest(in));
        assertTrue(e.getMessage().startsWith("case.csv has no column case_id, agency_code, status"), e.getMessage());
    }
}
