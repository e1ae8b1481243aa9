package vn.onestop.sample;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The streamed files: dossiers and everything hanging off them, feedback, and the case-level ground truth. */
final class DossierFiles implements Closeable {
    static final String[] CASE_HEADER = {"case_id", "source", "agency_code", "receiving_agency_code", "procedure_code",
        "channel", "status", "applicant_kind", "applicant_name", "applicant_id", "applicant_phone", "applicant_email",
        "submitted_at", "received_at", "due_at", "finished_at", "returned_at", "rejected_at", "recorded_at",
        "has_uploaded_components", "reused_digitized_data", "from_personal_store", "vneid_verified",
        "population_db_used", "e_result_issued", "fee_amount", "paid_online", "synced_at", "updated_at"};

    private final CsvSink cases;
    private final CsvSink events;
    private final CsvSink supplements;
    private final CsvSink apologies;
    private final CsvSink ratings;
    final CsvSink feedback;
    final CsvSink truth;
    final CsvSink quarantine;
    private final List<CsvSink> all;

    DossierFiles(Path dir) {
        cases = new CsvSink(dir, "case.csv", CASE_HEADER);
        events = new CsvSink(dir, "case_event.csv", "case_id", "seq", "at", "status", "step", "unit", "officer");
        supplements = new CsvSink(dir, "case_supplement.csv", "case_id", "requested_at", "received_at",
                "previous_due_at", "new_due_at");
        apologies = new CsvSink(dir, "case_apology.csv", "case_id", "issued_at", "reason", "previous_due_at", "new_due_at");
        ratings = new CsvSink(dir, "case_rating.csv", "case_id", "rated_at", "satisfied", "score");
        feedback = new CsvSink(dir, "feedback.csv", "feedback_id", "agency_code", "case_id", "category",
                "submitted_at", "received_at", "rejected_at", "supplement_requested_at", "handled_at", "published_at",
                "likes", "dislikes", "complaint_after");
        truth = new CsvSink(dir, "ground_truth_cases.csv", "rule_id", "case_id", "agency_code", "planted");
        quarantine = new CsvSink(dir, "ground_truth_quarantine.csv", "file", "line", "expected_reason");
        all = List.of(cases, events, supplements, apologies, ratings, feedback, truth, quarantine);
    }

    /** Writes the dossier and its dependents; returns its case row for reuse by the bad-row maker. */
    List<String> write(Dossier d) {
        List<String> row = caseRow(d);
        cases.row(row);
        int seq = 1;
        for (Dossier.Event e : d.events) {
            events.row(d.caseId, seq++, e.at(), e.status(), e.step(), e.unit(), e.officer());
        }
        for (Dossier.Supplement s : d.supplements) {
            supplements.row(d.caseId, s.requestedAt(), s.receivedAt(), s.previousDueAt(), s.newDueAt());
        }
        for (Dossier.Apology a : d.apologies) {
            apologies.row(d.caseId, a.issuedAt(), a.reason(), a.previousDueAt(), a.newDueAt());
        }
        if (d.rating != null) {
            ratings.row(d.caseId, d.rating.ratedAt(), d.rating.satisfied(), d.rating.score());
        }
        return row;
    }

    void writeBadCaseRow(List<String> row) {
        cases.row(row);
    }

    /** Physical line of the last case row written (the header is line 1; no field holds a line break). */
    long lastCaseLine() {
        return cases.rows() + 1;
    }

    static List<String> caseRow(Dossier d) {
        Object[] v = {d.caseId, d.source, d.agency.code(), d.receivingAgencyCode, d.procedure.code(), d.channel,
            d.status, d.applicantKind, d.applicantName, d.applicantId, d.applicantPhone, d.applicantEmail,
            d.submittedAt, d.receivedAt, d.dueAtMissing ? null : d.dueAt, d.finishedAt, d.returnedAt, d.rejectedAt,
            d.recordedAt, d.hasUploadedComponents, d.reusedDigitizedData, d.fromPersonalStore, d.vneidVerified,
            d.populationDbUsed, d.eResultIssued, d.feeAmount, d.paidOnline, d.syncedAt, d.updatedAt};
        List<String> row = new ArrayList<>(v.length);
        for (Object o : v) {
            row.add(CsvSink.text(o));
        }
        return row;
    }

    static int column(String name) {
        int i = Arrays.asList(CASE_HEADER).indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no case column " + name);
        }
        return i;
    }

    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (CsvSink s : all) {
            counts.put(s.fileName, s.rows());
        }
        return counts;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (CsvSink s : all) {
            try {
                s.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
