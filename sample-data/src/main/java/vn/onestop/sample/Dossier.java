package vn.onestop.sample;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** One dossier (hồ sơ) as it stands at the data end, with its history, supplements, apologies and rating. */
final class Dossier {
    static final int SUBMITTED = 1;
    static final int ACCEPTED = 2;
    static final int NOT_ACCEPTED = 3;
    static final int IN_PROGRESS = 4;
    static final int SUPPLEMENT_REQUESTED = 5;
    static final int FEES_REQUESTED = 6;
    static final int WITHDRAWN = 7;
    static final int STOPPED = 8;
    static final int FINISHED = 9;
    static final int RETURNED = 10;

    final Agency agency;
    final Procedure procedure;
    final Channel channel;
    String caseId;
    String source;
    String receivingAgencyCode;
    int status;
    int applicantKind;
    String applicantName;
    String applicantId;
    String applicantPhone;
    String applicantEmail;
    LocalDateTime submittedAt;
    LocalDateTime receivedAt;
    /** The promised return time; written empty when {@link #dueAtMissing}. */
    LocalDateTime dueAt;
    boolean dueAtMissing;
    LocalDateTime finishedAt;
    LocalDateTime returnedAt;
    LocalDateTime rejectedAt;
    LocalDateTime recordedAt;
    boolean hasUploadedComponents;
    boolean reusedDigitizedData;
    boolean fromPersonalStore;
    boolean vneidVerified;
    boolean populationDbUsed;
    boolean eResultIssued;
    Long feeAmount;
    int paidOnline;
    LocalDateTime syncedAt;
    LocalDateTime updatedAt;
    final List<Event> events = new ArrayList<>(8);
    final List<Supplement> supplements = new ArrayList<>(2);
    final List<Apology> apologies = new ArrayList<>(1);
    Rating rating;

    Dossier(Agency agency, Procedure procedure, Channel channel) {
        this.agency = agency;
        this.procedure = procedure;
        this.channel = channel;
    }

    boolean accepted() {
        return receivedAt != null && status != SUBMITTED && status != NOT_ACCEPTED;
    }

    /** One step of the handling history (tiến trình xử lý). */
    record Event(LocalDateTime at, int status, String step, String unit, String officer) {
    }

    /** A supplement request (yêu cầu bổ sung); {@code receivedAt} null while the citizen has not answered. */
    record Supplement(LocalDateTime requestedAt, LocalDateTime receivedAt, LocalDateTime previousDueAt,
                      LocalDateTime newDueAt) {
    }

    /** An apology and new-date slip (phiếu xin lỗi và hẹn lại ngày trả kết quả, form 04). */
    record Apology(LocalDateTime issuedAt, String reason, LocalDateTime previousDueAt, LocalDateTime newDueAt) {
    }

    /** The citizen's rating of the service. */
    record Rating(LocalDateTime ratedAt, boolean satisfied, int score) {
    }
}
