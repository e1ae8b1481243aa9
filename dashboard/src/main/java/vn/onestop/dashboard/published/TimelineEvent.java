package vn.onestop.dashboard.published;

import java.time.LocalDateTime;

/**
 * One step in the evidence timeline of a flagged dossier ({@code pub_case_timeline}), in time order: reception,
 * the source's own events, supplement requests and answers, apologies, the due time, the end and the sync.
 * Officers are pseudonymous ids.
 */
public record TimelineEvent(int seq, LocalDateTime at, String kind, Integer status, String label, String unit,
                            String officer) {
    public static final String RECEIVED = "received";
    public static final String EVENT = "event";
    public static final String SUPPLEMENT_REQUESTED = "supplement_requested";
    public static final String SUPPLEMENT_ANSWERED = "supplement_answered";
    public static final String APOLOGY = "apology";
    public static final String DUE = "due";
    public static final String FINISHED = "finished";
    public static final String SYNCED = "synced";
}
