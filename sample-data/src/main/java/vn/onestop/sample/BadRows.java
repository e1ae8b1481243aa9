package vn.onestop.sample;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deliberately invalid case rows, spread evenly through case.csv, each with exactly one defect, and the list of
 * where they are and which reason the ingest must give (ground_truth_quarantine.csv). A duplicate of an earlier
 * dossier with an older {@code updated_at} is expected to be SUPERSEDED, not quarantined.
 */
final class BadRows {
    /** The order in which defects are used, so that a handful of bad rows already covers the common ones. */
    enum Defect {
        MISSING_REQUIRED, BAD_TIMESTAMP, FINISHED_BEFORE_RECEIVED, UNKNOWN_AGENCY, BAD_CODE, SUPERSEDED,
        FUTURE_TIMESTAMP, DUE_BEFORE_RECEIVED, UNKNOWN_PROCEDURE
    }

    private static final int CASE_ID = DossierFiles.column("case_id");
    private static final int AGENCY = DossierFiles.column("agency_code");
    private static final int PROCEDURE = DossierFiles.column("procedure_code");
    private static final int CHANNEL = DossierFiles.column("channel");
    private static final int STATUS = DossierFiles.column("status");
    private static final int APPLICANT_KIND = DossierFiles.column("applicant_kind");
    private static final int RECEIVED = DossierFiles.column("received_at");
    private static final int DUE = DossierFiles.column("due_at");
    private static final int FINISHED = DossierFiles.column("finished_at");
    private static final int RETURNED = DossierFiles.column("returned_at");
    private static final int E_RESULT = DossierFiles.column("e_result_issued");
    private static final int SYNCED = DossierFiles.column("synced_at");
    private static final int UPDATED = DossierFiles.column("updated_at");
    private static final String[] TIMESTAMP_COLUMNS = {"submitted_at", "received_at", "due_at", "recorded_at",
        "synced_at", "updated_at"};

    private final int total;
    private final long cases;
    private final SplittableRandom rng;
    private int made;
    private List<String> lastOpenRow;
    private LocalDateTime lastOpenReceived;
    private List<String> lastFinishedRow;
    private LocalDateTime lastFinishedReceived;

    BadRows(int total, long cases, SplittableRandom rng) {
        this.total = total;
        this.cases = cases;
        this.rng = rng;
    }

    /** Called after each valid dossier; writes the bad rows whose turn has come. */
    void afterValid(Dossier d, List<String> row, long validRowsWritten, DossierFiles files) {
        if (d.accepted()) {
            lastOpenRow = row;
            lastOpenReceived = d.receivedAt;
            if (d.finishedAt != null && d.updatedAt.isAfter(d.receivedAt.plusMinutes(2))) {
                lastFinishedRow = row;
                lastFinishedReceived = d.receivedAt;
            }
        }
        while (made < total && lastFinishedRow != null && validRowsWritten >= (made + 1) * cases / (total + 1)) {
            write(files);
        }
    }

    /** Writes whatever is left at the end (only when there were too few dossiers to spread them). */
    void finish(DossierFiles files) {
        while (made < total && lastFinishedRow != null) {
            write(files);
        }
    }

    private void write(DossierFiles files) {
        Defect defect = Defect.values()[made % Defect.values().length];
        List<String> row = defect == Defect.SUPERSEDED ? olderVersion() : template();
        if (defect != Defect.SUPERSEDED) {
            row.set(CASE_ID, row.get(CASE_ID).replaceAll("-\\d+$", "") + String.format("-B%04d", made + 1));
        }
        LocalDateTime received = defect == Defect.SUPERSEDED ? lastFinishedReceived : lastOpenReceived;
        switch (defect) {
            case MISSING_REQUIRED -> row.set(new int[] {CASE_ID, AGENCY, RECEIVED}[made / Defect.values().length % 3], "");
            case BAD_TIMESTAMP -> row.set(RECEIVED, new String[] {"2024-13-05T09:15:00", "ngày 5 tháng 3",
                "05/13/2024 09:15"}[rng.nextInt(3)]);
            case FINISHED_BEFORE_RECEIVED -> {
                row.set(STATUS, "9");
                row.set(FINISHED, CsvSink.timestamp(received.minusHours(3)));
            }
            case UNKNOWN_AGENCY -> row.set(AGENCY, "H37.99.99");
            case BAD_CODE -> {
                int which = made / Defect.values().length % 3;
                row.set(which == 0 ? STATUS : which == 1 ? CHANNEL : APPLICANT_KIND, which == 0 ? "42" : which == 1 ? "FAX" : "9");
            }
            case FUTURE_TIMESTAMP -> {
                for (String c : TIMESTAMP_COLUMNS) {
                    int i = DossierFiles.column(c);
                    if (!row.get(i).isEmpty()) {
                        row.set(i, "2096" + row.get(i).substring(4)); // a leap year: 29 February stays a date
                    }
                }
            }
            case DUE_BEFORE_RECEIVED -> row.set(DUE, CsvSink.timestamp(received.minusDays(1).withHour(17).withMinute(0)));
            case UNKNOWN_PROCEDURE -> row.set(PROCEDURE, "9.999999");
            case SUPERSEDED -> { }
        }
        made++;
        files.writeBadCaseRow(row);
        files.quarantine.row("case.csv", files.lastCaseLine(), defect.name());
    }

    /** A plausible in-progress dossier to carry one defect: the last accepted one, reopened under a new id. */
    private List<String> template() {
        List<String> row = new ArrayList<>(lastOpenRow);
        row.set(STATUS, "4");
        row.set(FINISHED, "");
        row.set(RETURNED, "");
        row.set(E_RESULT, "false");
        return row;
    }

    /** The state an earlier finished dossier had a minute after reception, with that older updated_at. */
    private List<String> olderVersion() {
        List<String> row = new ArrayList<>(lastFinishedRow);
        row.set(STATUS, "2");
        row.set(FINISHED, "");
        row.set(RETURNED, "");
        row.set(E_RESULT, "false");
        row.set(SYNCED, "");
        row.set(UPDATED, CsvSink.timestamp(lastFinishedReceived.plusMinutes(1)));
        return row;
    }
}
