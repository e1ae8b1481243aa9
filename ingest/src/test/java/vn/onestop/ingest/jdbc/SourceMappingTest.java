package vn.onestop.ingest.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.onestop.core.config.ConfigException;
import vn.onestop.ingest.FieldType;
import vn.onestop.ingest.RecordType;

class SourceMappingTest {
    private static String mapping(String entry) {
        return "// a vendor\n{\"time_zone\": \"Asia/Ho_Chi_Minh\", \"code_lists\": {\"tt\": {\"A\": \"1\"}}, \"entries\": ["
                + entry + "]}";
    }

    @Test
    void theSampleVendorMappingReadsEveryCaseRecordInIngestOrder() {
        SourceMapping m = SourceMapping.load(SourceMapping.SAMPLE_VENDOR);
        assertEquals(List.of(RecordType.AGENCY, RecordType.PROCEDURE, RecordType.AGENCY_PROCEDURE, RecordType.CASE,
                RecordType.CASE_EVENT, RecordType.CASE_SUPPLEMENT, RecordType.CASE_APOLOGY, RecordType.CASE_RATING),
                m.orderedEntries().stream().map(SourceMapping.Entry::type).toList());
        assertEquals("4", m.codeLists().get("trang_thai").get("5"), "awaiting signature is in progress");
        assertEquals("5", m.codeLists().get("trang_thai").get("7"), "supplemented, awaiting reception: still paused");
    }

    @Test
    void anUnknownColumnAMissingRequiredOneOrAnUnknownKeyIsAnErrorThatNamesIt() {
        var unknown = assertThrows(ConfigException.class, () -> SourceMapping.parse(mapping(
                "{\"name\": \"hs\", \"record\": \"case\", \"from\": \"hs\", \"key\": \"id\", \"columns\": "
                        + "{\"case_id\": \"ma\", \"agency_code\": \"dv\", \"status\": \"tt\", \"ma_ho_so\": \"x\"}}"), "m.json"));
        assertTrue(unknown.getMessage().contains("'ma_ho_so' is not a column of case"), unknown.getMessage());
        var missing = assertThrows(ConfigException.class, () -> SourceMapping.parse(mapping(
                "{\"name\": \"hs\", \"record\": \"case\", \"from\": \"hs\", \"key\": \"id\", \"columns\": "
                        + "{\"case_id\": \"ma\", \"status\": \"tt\"}}"), "m.json"));
        assertTrue(missing.getMessage().contains("does not map the required column agency_code"), missing.getMessage());
        var typo = assertThrows(ConfigException.class, () -> SourceMapping.parse(mapping(
                "{\"name\": \"hs\", \"record\": \"case\", \"form\": \"hs\"}"), "m.json"));
        assertTrue(typo.getMessage().startsWith("The mapping file m.json is not valid: Unrecognized field \"form\""),
                typo.getMessage());
    }

    @Test
    void vendorValuesBecomeCanonicalText() {
        ZoneId utc = ZoneId.of("UTC");
        assertEquals("2024-03-05T14:30", VendorRowText.text(LocalDateTime.of(2024, 3, 5, 7, 30), FieldType.TIMESTAMP, utc),
                "a vendor storing UTC times: converted to Asia/Ho_Chi_Minh");
        assertEquals("2024-03-05T14:30", VendorRowText.text(Instant.parse("2024-03-05T07:30:00Z"), FieldType.TIMESTAMP,
                ZoneId.of("Asia/Ho_Chi_Minh")));
        assertEquals("150000", VendorRowText.text(new java.math.BigDecimal("150000.00"), FieldType.DECIMAL, utc));
        assertEquals("0", VendorRowText.text(new java.math.BigDecimal("0.00"), FieldType.DECIMAL, utc));
    }
}
