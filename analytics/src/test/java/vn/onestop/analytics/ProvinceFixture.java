package vn.onestop.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.onestop.ingest.RecordType;

/** Builds small canonical CSV folders for hand-computed tests: only the fields a test cares about. */
final class ProvinceFixture {
    private final Map<RecordType, List<Map<String, String>>> rows = new LinkedHashMap<>();

    ProvinceFixture agency(String code, String name, String kind) {
        add(RecordType.AGENCY, Map.of("agency_code", code, "name", name, "kind", kind));
        return this;
    }

    ProvinceFixture procedure(String code, int workingDays, boolean resultIsDocument) {
        add(RecordType.PROCEDURE, Map.of("procedure_code", code, "name", "Thủ tục " + code,
                "legal_duration", Integer.toString(workingDays), "duration_unit", "WORKING_DAYS",
                "result_is_document", Boolean.toString(resultIsDocument)));
        return this;
    }

    Dossier dossier(String caseId) {
        Dossier d = new Dossier(caseId);
        add(RecordType.CASE, d.fields);
        return d;
    }

    ProvinceFixture supplement(String caseId, String requestedAt, String receivedAt) {
        Map<String, String> m = new LinkedHashMap<>(Map.of("case_id", caseId, "requested_at", requestedAt));
        if (receivedAt != null) {
            m.put("received_at", receivedAt);
        }
        add(RecordType.CASE_SUPPLEMENT, m);
        return this;
    }

    ProvinceFixture apology(String caseId, String issuedAt) {
        add(RecordType.CASE_APOLOGY, Map.of("case_id", caseId, "issued_at", issuedAt, "reason", "Hồ sơ phức tạp"));
        return this;
    }

    /** Any canonical row, field by field: {@code row(FEEDBACK, "feedback_id", "F1", "category", "RULE", …)}. */
    ProvinceFixture row(RecordType type, String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        add(type, m);
        return this;
    }

    private void add(RecordType type, Map<String, String> fields) {
        rows.computeIfAbsent(type, t -> new ArrayList<>()).add(fields);
    }

    Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (var e : rows.entrySet()) {
                List<String> columns = e.getKey().columnNames();
                StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
                for (Map<String, String> r : e.getValue()) {
                    csv.append(columns.stream().map(c -> r.getOrDefault(c, "")).collect(Collectors.joining(",")))
                            .append('\n');
                }
                Files.writeString(dir.resolve(e.getKey().table() + ".csv"), csv);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dossier, accepted and in progress until told otherwise. */
    static final class Dossier {
        final Map<String, String> fields = new LinkedHashMap<>();

        Dossier(String caseId) {
            fields.put("case_id", caseId);
            fields.put("status", "4");
            fields.put("channel", "DIRECT");
        }

        Dossier at(String agency, String procedure) {
            fields.put("agency_code", agency);
            fields.put("procedure_code", procedure);
            return this;
        }

        Dossier online() {
            fields.put("channel", "ONLINE");
            return this;
        }

        Dossier received(String at) {
            fields.put("received_at", at);
            return this;
        }

        Dossier due(String at) {
            fields.put("due_at", at);
            return this;
        }

        Dossier finished(String at) {
            fields.put("finished_at", at);
            fields.put("status", "9");
            return this;
        }

        Dossier withdrawn(String at) {
            fields.put("finished_at", at);
            fields.put("status", "7");
            return this;
        }

        Dossier notAccepted() {
            fields.put("status", "3");
            return this;
        }

        Dossier synced(String at) {
            fields.put("synced_at", at);
            return this;
        }

        Dossier uploaded() {
            fields.put("has_uploaded_components", "true");
            return this;
        }

        Dossier electronicResult() {
            fields.put("e_result_issued", "true");
            return this;
        }

        /** Any other canonical case field. */
        Dossier with(String field, String value) {
            fields.put(field, value);
            return this;
        }

        Dossier applicant(String name) {
            fields.put("applicant_name", name);
            return this;
        }
    }
}
