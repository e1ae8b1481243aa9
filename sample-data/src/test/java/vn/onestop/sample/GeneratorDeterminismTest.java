package vn.onestop.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorDeterminismTest {
    private static final GeneratorOptions SMALL = GeneratorOptions.defaults().withCases(3_000).withBadRows(9);

    @Test
    void sameOptionsGiveByteIdenticalFiles(@TempDir Path a, @TempDir Path b) {
        ProvinceGenerator.generate(SMALL, a);
        ProvinceGenerator.generate(SMALL, b);
        assertEquals(hashes(a), hashes(b));
    }

    @Test
    void anotherSeedGivesOtherDossiers(@TempDir Path a, @TempDir Path b) {
        ProvinceGenerator.generate(SMALL, a);
        ProvinceGenerator.generate(SMALL.withSeed(767), b);
        assertNotEquals(hashes(a).get("case.csv"), hashes(b).get("case.csv"));
        assertNotEquals(hashes(a).get("case_event.csv"), hashes(b).get("case_event.csv"));
    }

    @Test
    void tenThousandDossiersAreWrittenWithTheContractHeaders() throws IOException {
        Path dir = Sample.defaults();
        assertEquals(10_000, Sample.table(dir, "case.csv").rows().size());
        Map<String, String> headers = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                headers.put(f.getFileName().toString(), lines.get(0));
            }
        }
        assertEquals(Map.ofEntries(
                Map.entry("agency.csv", "agency_code,name,kind,parent_code,valid_from,valid_to,successor_code"),
                Map.entry("procedure.csv", "procedure_code,name,field_code,field_name,authority_level,legal_duration,"
                        + "duration_unit,online_level,full_online_eligible,result_is_document,has_fee,applicant_kinds,"
                        + "announced_on,legal_basis_effective_on,published_on,components_complete"),
                Map.entry("agency_procedure.csv", "agency_code,procedure_code"),
                Map.entry("case.csv", "case_id,source,agency_code,receiving_agency_code,procedure_code,channel,status,"
                        + "applicant_kind,applicant_name,applicant_id,applicant_phone,applicant_email,submitted_at,"
                        + "received_at,due_at,finished_at,returned_at,rejected_at,recorded_at,has_uploaded_components,"
                        + "reused_digitized_data,from_personal_store,vneid_verified,population_db_used,e_result_issued,"
                        + "fee_amount,paid_online,synced_at,updated_at"),
                Map.entry("case_event.csv", "case_id,seq,at,status,step,unit,officer"),
                Map.entry("case_supplement.csv", "case_id,requested_at,received_at,previous_due_at,new_due_at"),
                Map.entry("case_apology.csv", "case_id,issued_at,reason,previous_due_at,new_due_at"),
                Map.entry("case_rating.csv", "case_id,rated_at,satisfied,score"),
                Map.entry("feedback.csv", "feedback_id,agency_code,case_id,category,submitted_at,received_at,rejected_at,"
                        + "supplement_requested_at,handled_at,published_at,likes,dislikes,complaint_after"),
                Map.entry("ground_truth_agencies.csv", "agency_code,pattern,description"),
                Map.entry("ground_truth_silent_months.csv", "agency_code,month,recorded_share"),
                Map.entry("ground_truth_cases.csv", "rule_id,case_id,agency_code,planted"),
                Map.entry("ground_truth_quarantine.csv", "file,line,expected_reason")), headers);
    }

    @Test
    void summaryCountsTheRowsOfEveryFile(@TempDir Path dir) {
        GenerationSummary summary = ProvinceGenerator.generate(SMALL, dir);
        assertEquals(3_009, summary.rows("case.csv"));
        assertEquals(9, summary.rows("ground_truth_quarantine.csv"));
        assertEquals(Sample.table(dir, "case_event.csv").rows().size(), summary.rows("case_event.csv"));
        assertEquals(5, summary.plantedAgencies().size());
    }

    private static Map<String, String> hashes(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
                out.put(f.getFileName().toString(), HexFormat.of().formatHex(digest));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(13, out.size());
        return out;
    }
}
