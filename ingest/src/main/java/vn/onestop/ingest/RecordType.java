package vn.onestop.ingest;

import static vn.onestop.ingest.Field.code;
import static vn.onestop.ingest.Field.of;
import static vn.onestop.ingest.Field.required;
import static vn.onestop.ingest.Field.requiredCode;
import static vn.onestop.ingest.Field.requiredOf;
import static vn.onestop.ingest.Field.text;
import static vn.onestop.ingest.FieldType.BOOLEAN;
import static vn.onestop.ingest.FieldType.DATE;
import static vn.onestop.ingest.FieldType.DECIMAL;
import static vn.onestop.ingest.FieldType.INT;
import static vn.onestop.ingest.FieldType.TIMESTAMP;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The canonical records of spec/data-contract.md, in the order they are ingested (reference data first, so that
 * cases can be checked against it). Each type is a lake table of the same name.
 */
public enum RecordType {
    AGENCY("agency", List.of("agency_code"), null,
            required("agency_code"), required("name"),
            requiredCode("kind", "department", "province_ppc", "district_ppc", "commune_ppc", "branch", "vertical"),
            text("parent_code"), of("valid_from", DATE), of("valid_to", DATE), text("successor_code")),
    PROCEDURE("procedure", List.of("procedure_code"), null,
            required("procedure_code"), required("name"), text("field_code"), text("field_name"),
            code("authority_level", "PROVINCE", "COMMUNE"), of("legal_duration", DECIMAL),
            code("duration_unit", "HOURS", "DAYS", "WORKING_DAYS", "MONTHS"),
            code("online_level", "NONE", "PARTIAL", "FULL"), of("full_online_eligible", BOOLEAN),
            of("result_is_document", BOOLEAN), of("has_fee", BOOLEAN), text("applicant_kinds"),
            of("announced_on", DATE), of("legal_basis_effective_on", DATE), of("published_on", DATE),
            of("components_complete", BOOLEAN)),
    AGENCY_PROCEDURE("agency_procedure", List.of("agency_code", "procedure_code"), null,
            required("agency_code"), required("procedure_code")),
    CASE("case", List.of("case_id"), "updated_at",
            required("case_id"), text("source"), required("agency_code"), text("receiving_agency_code"),
            text("procedure_code"), code("channel", "DIRECT", "ONLINE", "POSTAL"),
            new Field("status", INT, true, List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10")),
            new Field("applicant_kind", INT, false, List.of("1", "2", "3", "4")),
            text("applicant_name"), text("applicant_id"), text("applicant_phone"), text("applicant_email"),
            of("submitted_at", TIMESTAMP), of("received_at", TIMESTAMP), of("due_at", TIMESTAMP),
            of("finished_at", TIMESTAMP), of("returned_at", TIMESTAMP), of("rejected_at", TIMESTAMP),
            of("recorded_at", TIMESTAMP), of("has_uploaded_components", BOOLEAN),
            of("reused_digitized_data", BOOLEAN), of("from_personal_store", BOOLEAN), of("vneid_verified", BOOLEAN),
            of("population_db_used", BOOLEAN), of("e_result_issued", BOOLEAN), of("fee_amount", DECIMAL),
            new Field("paid_online", INT, false, List.of("0", "1", "2")), of("synced_at", TIMESTAMP),
            of("updated_at", TIMESTAMP)),
    CASE_EVENT("case_event", List.of("case_id", "seq"), null,
            required("case_id"), requiredOf("seq", INT), requiredOf("at", TIMESTAMP),
            new Field("status", INT, false, List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10")),
            text("step"), text("unit"), text("officer")),
    CASE_SUPPLEMENT("case_supplement", List.of("case_id", "requested_at"), null,
            required("case_id"), requiredOf("requested_at", TIMESTAMP), of("received_at", TIMESTAMP),
            of("previous_due_at", TIMESTAMP), of("new_due_at", TIMESTAMP)),
    CASE_APOLOGY("case_apology", List.of("case_id", "issued_at"), null,
            required("case_id"), requiredOf("issued_at", TIMESTAMP), text("reason"),
            of("previous_due_at", TIMESTAMP), of("new_due_at", TIMESTAMP)),
    CASE_RATING("case_rating", List.of("case_id", "rated_at"), null,
            required("case_id"), requiredOf("rated_at", TIMESTAMP), of("satisfied", BOOLEAN),
            new Field("score", INT, false, List.of("1", "2", "3", "4", "5"))),
    FEEDBACK("feedback", List.of("feedback_id"), null,
            required("feedback_id"), required("agency_code"), text("case_id"),
            code("category", "RULE", "CONDUCT", "OTHER"), requiredOf("submitted_at", TIMESTAMP),
            of("received_at", TIMESTAMP), of("rejected_at", TIMESTAMP), of("supplement_requested_at", TIMESTAMP),
            of("handled_at", TIMESTAMP), of("published_at", TIMESTAMP), of("likes", INT), of("dislikes", INT),
            of("complaint_after", BOOLEAN));

    private final String table;
    private final List<String> key;
    private final String versionColumn;
    private final List<Field> fields;

    RecordType(String table, List<String> key, String versionColumn, Field... fields) {
        this.table = table;
        this.key = key;
        this.versionColumn = versionColumn;
        this.fields = List.of(fields);
    }

    /** Lake table name and file-name prefix. */
    public String table() {
        return table;
    }

    /** Columns that identify a record: of several rows with one key, only the newest is kept. */
    public List<String> key() {
        return key;
    }

    /** Column saying which version is newest (null: the row read last wins). */
    public String versionColumn() {
        return versionColumn;
    }

    public List<Field> fields() {
        return fields;
    }

    public List<String> columnNames() {
        return fields.stream().map(Field::name).toList();
    }

    /** The type a drop file holds, from its name: the longest table name that prefixes it ({@code case_apology_03.csv}). */
    public static Optional<RecordType> forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return Stream.of(values())
                .filter(t -> lower.startsWith(t.table))
                .max(Comparator.comparingInt(t -> t.table.length()));
    }
}
