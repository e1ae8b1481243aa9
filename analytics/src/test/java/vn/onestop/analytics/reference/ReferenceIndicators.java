package vn.onestop.analytics.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import vn.onestop.core.calendar.DurationUnit;
import vn.onestop.core.calendar.WorkingCalendar;

/**
 * The indicator catalogue computed a second time, row by row in plain Java, straight from the canonical CSV files
 * and from the spec ({@code shared/spec/indicators.md}, {@code calendar.md}, {@code inspection.md}) as read in
 * {@code docs/decisions.md}. No Spark, no SQL, and deliberately not a translation of {@code models/*.sql}: every
 * definition is written the way the spec states it, in loops, so that the two implementations can only agree by
 * both being right.
 *
 * <p>Times are local (Asia/Ho_Chi_Minh, the CSV's own clock), kept as {@link LocalDateTime}. A period
 * {@code [start, end]} (dates, both inclusive) runs from {@code start 00:00} up to, not including,
 * {@code end + 1 day 00:00}; "at the end of the period" means at that instant.
 *
 * <p>Where the spec leaves a point open and decisions.md does not settle it, the reading taken here is written
 * beside the code as "Reading:"; these are the points to look at if the two sides ever disagree.
 */
public final class ReferenceIndicators {

    /** Every indicator id of the catalogue, in the order of indicators.md. */
    public static final List<String> IDS = List.of(
            "766.1.1", "766.1.2", "766.1.3", "766.1.4", "766.2.1", "766.2.2",
            "766.3.1", "766.3.2", "766.3.3", "766.3.4", "766.3.5", "766.3.6", "766.3.7",
            "766.4.1", "766.4.2", "766.4.3", "766.4.4", "766.4.5", "766.4.6", "766.4.7",
            "766.5.1", "766.5.2", "766.5.3", "766.5.4", "R01.rate", "R02.rate",
            "06a.3", "06a.4", "06a.5", "06a.6", "06a.7", "06a.8", "06a.9", "06a.10", "06a.11", "06a.12", "06a.13");

    /** Plain counts (form 06a): a numerator and no denominator. */
    public static boolean isCount(String id) {
        return id.startsWith("06a.");
    }

    /**
     * Points and targets of the default profile {@code dvcqg-2025}, copied from the table of indicators.md (not read
     * from the catalogue headers, so that those are checked too): id → {points, target %}. Indicators absent from
     * the map score no points (766.2.2, 766.5.1, the rule rates and the 06a columns).
     */
    public static final Map<String, int[]> POINTS_DVCQG_2025 = Map.ofEntries(
            Map.entry("766.1.1", new int[] {6, 100}), Map.entry("766.1.2", new int[] {4, 100}),
            Map.entry("766.1.3", new int[] {2, 100}), Map.entry("766.1.4", new int[] {6, 100}),
            Map.entry("766.2.1", new int[] {20, 100}),
            Map.entry("766.3.1", new int[] {0, 80}), Map.entry("766.3.2", new int[] {0, 100}),
            Map.entry("766.3.3", new int[] {0, 50}), Map.entry("766.3.4", new int[] {12, 100}),
            Map.entry("766.3.5", new int[] {2, 80}), Map.entry("766.3.6", new int[] {2, 100}),
            Map.entry("766.3.7", new int[] {6, 100}),
            Map.entry("766.4.1", new int[] {6, 100}), Map.entry("766.4.2", new int[] {4, 80}),
            Map.entry("766.4.3", new int[] {2, 80}), Map.entry("766.4.4", new int[] {4, 100}),
            Map.entry("766.4.5", new int[] {2, 100}), Map.entry("766.4.6", new int[] {2, 100}),
            Map.entry("766.4.7", new int[] {2, 100}),
            Map.entry("766.5.2", new int[] {6, 100}), Map.entry("766.5.3", new int[] {6, 100}),
            Map.entry("766.5.4", new int[] {6, 90}));

    /** A period to compute: its kind (only a label here), first and last day. */
    public record Span(String kind, LocalDate start, LocalDate end) {
        LocalDateTime from() {
            return start.atStartOfDay();
        }

        /** The end of the period: midnight after its last day. */
        LocalDateTime until() {
            return end.plusDays(1).atStartOfDay();
        }

        boolean holds(LocalDateTime t) {
            return t != null && !t.isBefore(from()) && t.isBefore(until());
        }

        boolean holds(LocalDate d) {
            return d != null && !d.isBefore(start) && !d.isAfter(end);
        }
    }

    /** Numerator and denominator of one indicator for one agency and period, with what was counted in each. */
    public static final class Tally {
        long numerator;
        long denominator;
        final List<String> numeratorIds = new ArrayList<>();
        final List<String> denominatorIds = new ArrayList<>();

        void count(String id, boolean inNumerator, boolean inDenominator) {
            if (inNumerator) {
                numerator++;
                numeratorIds.add(id);
            }
            if (inDenominator) {
                denominator++;
                denominatorIds.add(id);
            }
        }

        public long numerator() {
            return numerator;
        }

        public long denominator() {
            return denominator;
        }

        /** Dossier, procedure or feedback ids counted in the numerator (for 766.2.2: "id:days"). */
        public List<String> numeratorIds() {
            return numeratorIds;
        }

        public List<String> denominatorIds() {
            return denominatorIds;
        }
    }

    /**
     * The figures of one agency in one period: indicator id → tally; and the dossiers that, at the end of the period,
     * wait for the citizen's answer to a second supplement request (a situation the tests single out).
     */
    public record AgencyPeriod(String agencyCode, Span period, Map<String, Tally> tallies,
                               List<String> waitingOnSecondRequest) {
        public Tally get(String id) {
            return tallies.get(id);
        }
    }

    // ------------------------------------------------------------------------------------------------ input rows

    record AgencyRow(String code, String kind, LocalDate validFrom, LocalDate validTo) {
        boolean existsDuring(Span p) {
            return (validFrom == null || !validFrom.isAfter(p.end())) && (validTo == null || !validTo.isBefore(p.start()));
        }
    }

    record ProcedureRow(String code, BigDecimal legalDuration, String durationUnit, String onlineLevel,
                        boolean fullOnlineEligible, boolean resultIsDocument, boolean hasFee, String applicantKinds,
                        LocalDate announcedOn, LocalDate legalBasisEffectiveOn, LocalDate publishedOn,
                        boolean componentsComplete) {
        boolean onlineCapable() {
            return "PARTIAL".equals(onlineLevel) || "FULL".equals(onlineLevel);
        }

        /** data-contract.md: applicant_kinds is individual / organisation / both. */
        boolean forIndividuals() {
            return "individual".equalsIgnoreCase(applicantKinds) || "both".equalsIgnoreCase(applicantKinds);
        }
    }

    record Supplement(LocalDateTime requestedAt, LocalDateTime answeredAt) {
    }

    /** An accepted dossier with everything the definitions need. */
    static final class Dossier {
        String id;
        String agency;
        ProcedureRow procedure;
        String channel;
        int status;
        LocalDateTime receivedAt;
        LocalDateTime dueAt;
        boolean dueComputed;
        LocalDateTime finishedAt;
        LocalDateTime syncedAt;
        boolean uploaded;
        boolean reused;
        boolean personalStore;
        boolean populationDb;
        boolean eResult;
        BigDecimal fee;
        int paidOnline;
        boolean copyCertification;
        /** End time and the status it ended with; null while not finished. */
        LocalDateTime endAt;
        int endStatus;
        /** Supplement requests made during handling, oldest first. */
        final List<Supplement> supplements = new ArrayList<>();
        LocalDateTime firstApologyAt;
        /** When the citizen first showed dissatisfaction: a bad rating, or feedback about the dossier. */
        final List<LocalDateTime> dissatisfiedAt = new ArrayList<>();
        final List<LocalDateTime> linkedFeedbackAt = new ArrayList<>();

        boolean online() {
            return "ONLINE".equals(channel);
        }
    }

    static final class Feedback {
        String id;
        String agency;
        String caseId;
        String category;
        LocalDateTime submittedAt;
        LocalDateTime receivedAt;
        LocalDateTime rejectedAt;
        LocalDateTime supplementRequestedAt;
        LocalDateTime handledAt;
        LocalDateTime publishedAt;
        int likes;
        int dislikes;
        boolean complaintAfter;

        /**
         * Reading: feedback is "received" when the source says it was (received_at). The spec counts feedback by
         * reception; a feedback with no received_at has not been received (yet) and is in no period.
         */
        LocalDateTime inAt() {
            return receivedAt;
        }

        /** Handling ends with a refusal or with the answer (reached "awaiting publication"). */
        LocalDateTime closedAt() {
            return rejectedAt != null ? rejectedAt : handledAt;
        }
    }

    private final WorkingCalendar calendar;
    private final Map<String, AgencyRow> agencies = new TreeMap<>();
    private final Map<String, ProcedureRow> procedures = new HashMap<>();
    private final Map<String, List<ProcedureRow>> proceduresOfAgency = new HashMap<>();
    private final List<Dossier> dossiers = new ArrayList<>();
    private final List<Feedback> feedback = new ArrayList<>();
    /** How often each situation the definitions distinguish occurs in the data, to show the comparison is not idle. */
    private final Map<String, Long> situations = new TreeMap<>();

    private ReferenceIndicators(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    // ------------------------------------------------------------------------------------------------- reading

    /**
     * Reads a folder of canonical CSV files as the generator writes them (headers = canonical names, timestamps
     * {@code yyyy-MM-dd'T'HH:mm:ss} local time, dates ISO, booleans true/false, null = empty).
     *
     * @param copyCertificationProcedures the procedure codes of 766.4.7 (configuration)
     */
    public static ReferenceIndicators read(Path dir, WorkingCalendar calendar, List<String> copyCertificationProcedures) {
        ReferenceIndicators r = new ReferenceIndicators(calendar);
        for (CSVRecord row : csv(dir, "agency.csv")) {
            r.agencies.put(row.get("agency_code"), new AgencyRow(row.get("agency_code"), row.get("kind"),
                    date(row, "valid_from"), date(row, "valid_to")));
        }
        for (CSVRecord row : csv(dir, "procedure.csv")) {
            r.procedures.put(row.get("procedure_code"), new ProcedureRow(row.get("procedure_code"),
                    text(row, "legal_duration") == null ? null : new BigDecimal(row.get("legal_duration")),
                    text(row, "duration_unit"), text(row, "online_level") == null ? "NONE" : row.get("online_level"),
                    bool(row, "full_online_eligible"), bool(row, "result_is_document"), bool(row, "has_fee"),
                    text(row, "applicant_kinds"), date(row, "announced_on"), date(row, "legal_basis_effective_on"),
                    date(row, "published_on"), bool(row, "components_complete")));
        }
        for (CSVRecord row : csv(dir, "agency_procedure.csv")) {
            ProcedureRow p = r.procedures.get(row.get("procedure_code"));
            if (p != null) {
                r.proceduresOfAgency.computeIfAbsent(row.get("agency_code"), a -> new ArrayList<>()).add(p);
            }
        }
        Map<String, Dossier> byId = new HashMap<>();
        for (CSVRecord row : csv(dir, "case.csv")) {
            int status = Integer.parseInt(row.get("status"));
            LocalDateTime received = timestamp(row, "received_at");
            // indicators.md: accepted = received_at set and status not 1 (submitted) or 3 (not accepted).
            if (received == null || status == 1 || status == 3) {
                continue;
            }
            Dossier d = new Dossier();
            d.id = row.get("case_id");
            d.agency = row.get("agency_code");
            d.procedure = r.procedures.get(row.get("procedure_code"));
            d.channel = text(row, "channel") == null ? "DIRECT" : row.get("channel");
            d.status = status;
            d.receivedAt = received;
            d.dueAt = timestamp(row, "due_at");
            if (d.dueAt == null) {
                // calendar.md: a missing promise is computed from the procedure's legal handling time.
                d.dueAt = calendar.dueAt(received, d.procedure.legalDuration().longValueExact(),
                        DurationUnit.parse(d.procedure.durationUnit()));
                d.dueComputed = true;
            }
            d.finishedAt = timestamp(row, "finished_at");
            d.syncedAt = timestamp(row, "synced_at");
            d.uploaded = bool(row, "has_uploaded_components");
            d.reused = bool(row, "reused_digitized_data");
            d.personalStore = bool(row, "from_personal_store");
            d.populationDb = bool(row, "vneid_verified") || bool(row, "population_db_used");
            d.eResult = bool(row, "e_result_issued");
            d.fee = text(row, "fee_amount") == null ? BigDecimal.ZERO : new BigDecimal(row.get("fee_amount"));
            d.paidOnline = text(row, "paid_online") == null ? 0 : Integer.parseInt(row.get("paid_online"));
            d.copyCertification = copyCertificationProcedures.contains(d.procedure.code());
            r.dossiers.add(d);
            byId.put(d.id, d);
        }
        // The end time (decisions.md 3): the first status 9 in the history, else the first 10, else 8, else 7;
        // finished_at when the history has none of them.
        Map<String, Map<Integer, LocalDateTime>> firstByStatus = new HashMap<>();
        for (CSVRecord row : csv(dir, "case_event.csv")) {
            if (!byId.containsKey(row.get("case_id")) || text(row, "status") == null) {
                continue;
            }
            int status = Integer.parseInt(row.get("status"));
            LocalDateTime at = timestamp(row, "at");
            firstByStatus.computeIfAbsent(row.get("case_id"), c -> new HashMap<>())
                    .merge(status, at, (a, b) -> a.isBefore(b) ? a : b);
        }
        for (Dossier d : r.dossiers) {
            // indicators.md: "finished: finished_at set; the end time is the first of status 9 → 10 → 8 → 7 in the
            // history; if the source only gives finished_at, that is the end time."
            if (d.finishedAt == null) {
                continue;
            }
            Map<Integer, LocalDateTime> first = firstByStatus.getOrDefault(d.id, Map.of());
            for (int status : new int[] {9, 10, 8, 7}) {
                if (first.containsKey(status)) {
                    d.endAt = first.get(status);
                    d.endStatus = status;
                    break;
                }
            }
            if (d.endAt == null) {
                d.endAt = d.finishedAt;
                d.endStatus = d.status;
            }
        }
        for (CSVRecord row : csv(dir, "case_supplement.csv")) {
            Dossier d = byId.get(row.get("case_id"));
            LocalDateTime requested = timestamp(row, "requested_at");
            // "during handling": asked after reception and before the dossier ended.
            if (d != null && !requested.isBefore(d.receivedAt) && (d.endAt == null || requested.isBefore(d.endAt))) {
                d.supplements.add(new Supplement(requested, timestamp(row, "received_at")));
            }
        }
        for (Dossier d : r.dossiers) {
            d.supplements.sort(Comparator.comparing(Supplement::requestedAt));
        }
        for (CSVRecord row : csv(dir, "case_apology.csv")) {
            Dossier d = byId.get(row.get("case_id"));
            LocalDateTime issued = timestamp(row, "issued_at");
            if (d != null && (d.firstApologyAt == null || issued.isBefore(d.firstApologyAt))) {
                d.firstApologyAt = issued;
            }
        }
        for (CSVRecord row : csv(dir, "case_rating.csv")) {
            Dossier d = byId.get(row.get("case_id"));
            // data-contract.md: satisfied (bool) or a 1–5 score, ≤ 2 counting as dissatisfied.
            boolean dissatisfied = "false".equalsIgnoreCase(row.get("satisfied"))
                    || (text(row, "score") != null && Integer.parseInt(row.get("score")) <= 2);
            if (d != null && dissatisfied) {
                d.dissatisfiedAt.add(timestamp(row, "rated_at"));
            }
        }
        for (CSVRecord row : csv(dir, "feedback.csv")) {
            Feedback f = new Feedback();
            f.id = row.get("feedback_id");
            f.agency = row.get("agency_code");
            f.caseId = text(row, "case_id");
            f.category = text(row, "category");
            f.submittedAt = timestamp(row, "submitted_at");
            f.receivedAt = timestamp(row, "received_at");
            f.rejectedAt = timestamp(row, "rejected_at");
            f.supplementRequestedAt = timestamp(row, "supplement_requested_at");
            f.handledAt = timestamp(row, "handled_at");
            f.publishedAt = timestamp(row, "published_at");
            f.likes = text(row, "likes") == null ? 0 : Integer.parseInt(row.get("likes"));
            f.dislikes = text(row, "dislikes") == null ? 0 : Integer.parseInt(row.get("dislikes"));
            f.complaintAfter = bool(row, "complaint_after");
            r.feedback.add(f);
            Dossier d = f.caseId == null ? null : byId.get(f.caseId);
            if (d != null && f.inAt() != null) {
                d.linkedFeedbackAt.add(f.inAt());
            }
        }
        return r;
    }

    public int dossierCount() {
        return dossiers.size();
    }

    public int feedbackCount() {
        return feedback.size();
    }

    /** Situation → number of dossier-periods (or feedback-periods) in which it occurred, over the last compute. */
    public Map<String, Long> situations() {
        return situations;
    }

    // ------------------------------------------------------------------------------------- a dossier at period end

    /** Where a dossier to handle in P stands at the end of P. */
    final class AtPeriodEnd {
        final Dossier d;
        final boolean receivedInPeriod;
        final boolean ended;
        /** Ended with a result (status 9 or 10): decisions.md 8. */
        final boolean endedWithResult;
        /** Not ended, and the last supplement request made so far is still unanswered: the clock is stopped. */
        final boolean waiting;
        /** Waiting, and what the citizen has not answered yet is a second request. */
        final boolean waitingOnSecondRequest;
        final boolean pending;
        /** Resolved (ended or waiting) and late in the sense of 766.2.1 and the compliance rules. */
        final boolean resolvedLate;
        final boolean resolvedEarly;
        final boolean pendingOverdue;
        final LocalDateTime effectiveDue;
        final boolean hasApology;
        final boolean apologyTooLate;
        final boolean complaint;
        final Integer handlingDays;

        AtPeriodEnd(Dossier d, Span p) {
            this.d = d;
            LocalDateTime until = p.until();
            receivedInPeriod = !d.receivedAt.isBefore(p.from());
            ended = d.endAt != null && d.endAt.isBefore(until);
            endedWithResult = ended && (d.endStatus == 9 || d.endStatus == 10);

            List<Supplement> asked = new ArrayList<>();
            for (Supplement s : d.supplements) {
                if (s.requestedAt().isBefore(until)) {
                    asked.add(s);
                }
            }
            // calendar.md + decisions.md 6: the first pause moves the due time by (answer − request), once the
            // citizen has answered, and only when the request came before the due time.
            Supplement first = asked.isEmpty() ? null : asked.get(0);
            boolean firstPauseCounts = first != null && first.requestedAt().isBefore(d.dueAt)
                    && first.answeredAt() != null && first.answeredAt().isBefore(until);
            effectiveDue = firstPauseCounts
                    ? d.dueAt.plus(Duration.between(first.requestedAt(), first.answeredAt())) : d.dueAt;
            // decisions.md 7: a second request makes the dossier late from the moment it is made.
            boolean secondRequest = asked.size() >= 2;
            Supplement last = asked.isEmpty() ? null : asked.get(asked.size() - 1);
            waiting = !ended && last != null && (last.answeredAt() == null || !last.answeredAt().isBefore(until));
            waitingOnSecondRequest = waiting && secondRequest;
            pending = !ended && !waiting;

            if (ended) {
                if (d.endStatus == 7 || d.endStatus == 8) {
                    // decisions.md 4: withdrawn or stopped count as resolved on time, never late or early.
                    resolvedLate = false;
                    resolvedEarly = false;
                } else {
                    resolvedLate = secondRequest || d.endAt.isAfter(effectiveDue);
                    // calendar.md: early = finished on a calendar day before the day of the (effective) due time.
                    resolvedEarly = !resolvedLate && d.endAt.toLocalDate().isBefore(effectiveDue.toLocalDate());
                }
                pendingOverdue = false;
            } else if (waiting) {
                // calendar.md + decisions.md 5: on time if the request came before the (effective) due time; late
                // if it came after it, or if it is a second request.
                resolvedLate = secondRequest || !last.requestedAt().isBefore(effectiveDue);
                resolvedEarly = false;
                pendingOverdue = false;
            } else {
                resolvedLate = false;
                resolvedEarly = false;
                // indicators.md: overdue if P.end is past the effective due time; decisions.md 7: or asked twice.
                pendingOverdue = secondRequest || effectiveDue.isBefore(until);
            }
            hasApology = d.firstApologyAt != null && d.firstApologyAt.isBefore(until);
            // decisions.md 11: after 17:00 of the working day before the effective due day.
            apologyTooLate = hasApology && d.firstApologyAt.isAfter(calendar.deadlineBefore(effectiveDue, 1));
            // Reading (766.5.4): a bad rating or linked feedback counts from the period in which it was given
            // (rated, or received) on, like every other fact "at the end of the period".
            boolean c = false;
            for (LocalDateTime t : d.dissatisfiedAt) {
                c |= t.isBefore(until);
            }
            for (LocalDateTime t : d.linkedFeedbackAt) {
                c |= t.isBefore(until);
            }
            complaint = c;
            if (endedWithResult) {
                // 766.2.2 in working days (catalogue formula): working days after the day of reception up to the
                // day of the end, less the first pause when the citizen answered it before the end. Reading: the
                // citizen's time is never the agency's, so the pause is excluded even if asked after the due time.
                int days = calendar.workingDaysBetween(d.receivedAt.toLocalDate(), d.endAt.toLocalDate());
                if (first != null && first.answeredAt() != null && !first.answeredAt().isAfter(d.endAt)) {
                    days -= calendar.workingDaysBetween(first.requestedAt().toLocalDate(),
                            first.answeredAt().toLocalDate());
                }
                handlingDays = days;
            } else {
                handlingDays = null;
            }
            situation(receivedInPeriod ? "dossier received in the period" : "dossier carried over");
            situation(ended ? "ended " + d.endStatus : waiting ? "waiting for the citizen" : "pending");
            if (waitingOnSecondRequest) {
                situation("waiting for the citizen on a second request");
            }
            if (secondRequest) {
                situation("second supplement request by the period end");
            }
            if (firstPauseCounts) {
                situation("due time moved by the first pause");
            }
            if (resolvedLate) {
                situation("resolved late");
            }
            if (pendingOverdue) {
                situation("pending overdue");
            }
            if (d.dueComputed) {
                situation("due time computed from the legal duration");
            }
            if (hasApology) {
                situation(apologyTooLate ? "apology too late" : "apology in time");
            }
            if (complaint) {
                situation("complaint (rating or feedback)");
            }
        }

        boolean late() {
            return resolvedLate || pendingOverdue;
        }

        /** Resolved early or on time, or pending and not yet due: the numerator of 766.2.1. */
        boolean fine() {
            return ((ended || waiting) && !resolvedLate) || (pending && !pendingOverdue);
        }
    }

    private void situation(String what) {
        situations.merge(what, 1L, Long::sum);
    }

    // -------------------------------------------------------------------------------------------- computation

    /** Every agency × period of {@code periods}, every indicator of {@link #IDS}. */
    public Map<String, AgencyPeriod> compute(List<Span> periods) {
        situations.clear();
        Map<String, AgencyPeriod> out = new LinkedHashMap<>();
        for (Span p : periods) {
            Map<String, List<AtPeriodEnd>> dossiersOf = new TreeMap<>();
            for (Dossier d : dossiers) {
                // to handle in P = received in P + carried over (received before P, not finished before P.start)
                boolean toHandle = d.receivedAt.isBefore(p.until()) && (d.endAt == null || !d.endAt.isBefore(p.from()));
                if (toHandle) {
                    dossiersOf.computeIfAbsent(d.agency, a -> new ArrayList<>()).add(new AtPeriodEnd(d, p));
                }
            }
            Map<String, List<Feedback>> feedbackOf = new TreeMap<>();
            for (Feedback f : feedback) {
                LocalDateTime in = f.inAt();
                LocalDateTime closed = f.closedAt();
                boolean alive = in != null && in.isBefore(p.until()) && (closed == null || !closed.isBefore(p.from()));
                if (alive) {
                    feedbackOf.computeIfAbsent(f.agency, a -> new ArrayList<>()).add(f);
                }
            }
            // decisions.md 15: an agency appears in a period when it existed during it or has data in it.
            Set<String> shown = new TreeSet<>();
            agencies.values().stream().filter(a -> a.existsDuring(p)).forEach(a -> shown.add(a.code()));
            shown.addAll(dossiersOf.keySet());
            shown.addAll(feedbackOf.keySet());
            for (String agency : shown) {
                Map<String, Tally> t = new LinkedHashMap<>();
                IDS.forEach(id -> t.put(id, new Tally()));
                AgencyRow a = agencies.get(agency);
                List<AtPeriodEnd> ds = dossiersOf.getOrDefault(agency, List.of());
                dossierIndicators(ds, t);
                procedureIndicators(a != null && a.existsDuring(p) ? proceduresOfAgency.getOrDefault(agency, List.of())
                        : List.of(), ds, p, t);
                feedbackIndicators(feedbackOf.getOrDefault(agency, List.of()), p, t);
                List<String> waitingOnSecond = ds.stream().filter(s -> s.waitingOnSecondRequest).map(s -> s.d.id).toList();
                out.put(key(agency, p.kind(), p.start()), new AgencyPeriod(agency, p, t, waitingOnSecond));
            }
        }
        return out;
    }

    public static String key(String agency, String kind, LocalDate start) {
        return agency + " " + kind + " " + start;
    }

    private void dossierIndicators(List<AtPeriodEnd> ds, Map<String, Tally> t) {
        for (AtPeriodEnd s : ds) {
            Dossier d = s.d;
            String id = d.id;
            boolean rec = s.receivedInPeriod;
            // "when the result is a document and the dossier is finished, with an electronic result" (decisions.md 8)
            boolean resultDigitalIfDue = !(d.procedure.resultIsDocument() && s.endedWithResult) || d.eResult;

            t.get("766.1.4").count(id, rec && d.syncedAt != null, rec);
            t.get("766.2.1").count(id, s.fine(), true);
            // Reading (766.2.2): "resolved in P" here is finished with a result (9 or 10), the catalogue's "from
            // reception to the result"; withdrawn, stopped and waiting dossiers have no handling time to average.
            if (s.endedWithResult) {
                Tally h = t.get("766.2.2");
                h.numerator += s.handlingDays;
                h.numeratorIds.add(id + ":" + s.handlingDays);
                h.denominator++;
                h.denominatorIds.add(id);
            }
            t.get("766.3.3").count(id, rec && d.online() && resultDigitalIfDue, rec);
            t.get("766.3.4").count(id, rec && d.online() && "FULL".equals(d.procedure.onlineLevel()),
                    rec && d.procedure.fullOnlineEligible());
            boolean feeBearing = d.fee.signum() > 0;
            boolean paidOnline = d.paidOnline == 1 || d.paidOnline == 2;
            // Reading: indicators.md's numerator ("paid_online ∈ {1, 2}") is taken among its denominator (a fee
            // to pay), so that the rate cannot pass 100 %.
            t.get("766.3.7").count(id, rec && feeBearing && paidOnline, rec && feeBearing);
            // Reading (766.4.1, 766.4.7): "resolved" = finished with a result (9 or 10), as in decisions.md 8: a
            // withdrawn or stopped dossier has no result to issue electronically.
            boolean documentResult = s.endedWithResult && d.procedure.resultIsDocument();
            t.get("766.4.1").count(id, documentResult && d.eResult, documentResult);
            t.get("766.4.2").count(id, rec && d.uploaded && resultDigitalIfDue, rec);
            t.get("766.4.3").count(id, rec && d.reused, rec);
            t.get("766.4.4").count(id, rec && d.personalStore, rec);
            t.get("766.4.6").count(id, rec && d.populationDb, rec);
            boolean copy = s.endedWithResult && d.copyCertification;
            t.get("766.4.7").count(id, copy && d.eResult, copy);
            // 766.5.4: 100 % − late ÷ to handle − with complaint ÷ to handle, as one numerator over "to handle".
            Tally sat = t.get("766.5.4");
            sat.numerator += 1 - (s.late() ? 1 : 0) - (s.complaint ? 1 : 0);
            sat.denominator++;
            if (!s.late() && !s.complaint) {
                sat.numeratorIds.add(id);
            }
            sat.denominatorIds.add(id);
            // R01 (decisions.md 10) and R02 (decisions.md 11)
            t.get("R01.rate").count(id, s.late() && !s.hasApology, s.late());
            // Reading (R02.rate): over the dossiers to handle that have an apology by the end of the period.
            t.get("R02.rate").count(id, s.apologyTooLate, s.hasApology);
            // form 06a (indicators.md): withdrawn, stopped and waiting dossiers all go under (9).
            t.get("06a.3").count(id, true, false);
            t.get("06a.4").count(id, rec && d.online(), false);
            t.get("06a.5").count(id, rec && !d.online(), false);
            t.get("06a.6").count(id, !rec, false);
            t.get("06a.7").count(id, s.ended || s.waiting, false);
            boolean early = s.ended && s.resolvedEarly;
            boolean lateEnd = s.ended && s.resolvedLate;
            t.get("06a.8").count(id, early, false);
            t.get("06a.9").count(id, s.waiting || (s.ended && !early && !lateEnd), false);
            t.get("06a.10").count(id, lateEnd, false);
            t.get("06a.11").count(id, s.pending, false);
            t.get("06a.12").count(id, s.pending && !s.pendingOverdue, false);
            t.get("06a.13").count(id, s.pending && s.pendingOverdue, false);
        }
    }

    private void procedureIndicators(List<ProcedureRow> ofAgency, List<AtPeriodEnd> ds, Span p, Map<String, Tally> t) {
        List<Dossier> received = new ArrayList<>();
        for (AtPeriodEnd s : ds) {
            if (s.receivedInPeriod) {
                received.add(s.d);
            }
        }
        for (ProcedureRow pr : ofAgency) {
            String id = pr.code();
            boolean announced = p.holds(pr.announcedOn());
            // 766.1.1: announced at least 5 working days before the legal basis takes effect.
            boolean announcedOnTime = pr.announcedOn() != null && pr.legalBasisEffectiveOn() != null
                    && !pr.announcedOn().isAfter(calendar.workingDaysBefore(pr.legalBasisEffectiveOn(), 5));
            // 766.1.2: made public at most 5 working days after the announcement.
            boolean publishedOnTime = pr.announcedOn() != null && pr.publishedOn() != null
                    && !pr.publishedOn().isAfter(calendar.addWorkingDays(pr.announcedOn(), 5));
            t.get("766.1.1").count(id, announced && announcedOnTime, announced);
            t.get("766.1.2").count(id, announced && publishedOnTime, announced);
            boolean published = pr.publishedOn() != null && !pr.publishedOn().isAfter(p.end());
            t.get("766.1.3").count(id, published && pr.componentsComplete(), published);
            t.get("766.3.1").count(id, pr.onlineCapable(), true);
            boolean onlineDossier = false;
            boolean feeDossier = false;
            for (Dossier d : received) {
                if (d.procedure.code().equals(pr.code())) {
                    onlineDossier |= d.online();
                    feeDossier |= d.fee.signum() > 0;
                }
            }
            t.get("766.3.2").count(id, pr.onlineCapable() && onlineDossier, pr.onlineCapable());
            t.get("766.3.5").count(id, pr.hasFee() && feeDossier, pr.hasFee());
        }
        // 766.3.6 and 766.4.5 are over the procedures that had dossiers in the period.
        Map<String, boolean[]> byProcedure = new TreeMap<>(); // code → {paid online, population db}
        Map<String, ProcedureRow> rows = new HashMap<>();
        for (Dossier d : received) {
            boolean[] b = byProcedure.computeIfAbsent(d.procedure.code(), c -> new boolean[2]);
            rows.put(d.procedure.code(), d.procedure);
            b[0] |= d.paidOnline == 1 || d.paidOnline == 2;
            b[1] |= d.populationDb;
        }
        byProcedure.forEach((code, b) -> {
            ProcedureRow pr = rows.get(code);
            t.get("766.3.6").count(code, pr.hasFee() && b[0], pr.hasFee());
            // Reading (766.4.5): the numerator is taken among the denominator's procedures (for individuals).
            t.get("766.4.5").count(code, pr.forIndividuals() && b[1], pr.forIndividuals());
        });
    }

    private void feedbackIndicators(List<Feedback> fs, Span p, Map<String, Tally> t) {
        LocalDateTime until = p.until();
        for (Feedback f : fs) {
            boolean receivedIn = p.holds(f.inAt());
            boolean closedIn = p.holds(f.closedAt());
            boolean openAtEnd = f.closedAt() == null || !f.closedAt().isBefore(until);
            boolean onTime = onTimeAtEnd(f, until);
            t.get("766.5.1").count(f.id, receivedIn && ("RULE".equals(f.category) || "CONDUCT".equals(f.category)),
                    receivedIn);
            t.get("766.5.2").count(f.id, onTime && (closedIn || (receivedIn && openAtEnd)), receivedIn || closedIn);
            boolean disliked = f.dislikes > f.likes;
            t.get("766.5.3").count(f.id, receivedIn && !disliked && onTime && !f.complaintAfter, receivedIn);
            if (receivedIn || closedIn) {
                situation(onTime ? "feedback on time at the period end" : "feedback late at the period end");
            }
        }
    }

    /**
     * 766.5.2: refused ≤ 2 working days after submission; first supplement request ≤ 5; handled ≤ 15; published ≤ 2
     * working days after it was handled. "N working days after" = the end (17:00) of the N-th working day after the
     * day (calendar.md's deadline arithmetic). Judged at the end of the period on what has happened by then: a step
     * not yet taken is late only once its deadline has passed.
     */
    private boolean onTimeAtEnd(Feedback f, LocalDateTime until) {
        if (f.rejectedAt != null && f.rejectedAt.isBefore(until)) {
            return !f.rejectedAt.isAfter(workingDaysAfter(f.submittedAt, 2));
        }
        if (f.supplementRequestedAt != null && f.supplementRequestedAt.isBefore(until)
                && f.supplementRequestedAt.isAfter(workingDaysAfter(f.submittedAt, 5))) {
            return false;
        }
        if (f.handledAt != null && f.handledAt.isBefore(until)) {
            if (f.handledAt.isAfter(workingDaysAfter(f.submittedAt, 15))) {
                return false;
            }
            LocalDateTime publishBy = workingDaysAfter(f.handledAt, 2);
            if (f.publishedAt != null && f.publishedAt.isBefore(until)) {
                return !f.publishedAt.isAfter(publishBy);
            }
            return !until.isAfter(publishBy);
        }
        return !until.isAfter(workingDaysAfter(f.submittedAt, 15));
    }

    private LocalDateTime workingDaysAfter(LocalDateTime t, int n) {
        return calendar.addWorkingDays(t.toLocalDate(), n).atTime(calendar.dayEnd());
    }

    // ------------------------------------------------------------------------------------- values and points

    /** value_pct of a percent indicator: 2 decimals half up, null for an empty denominator (indicators.md). */
    public static BigDecimal percent(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    /**
     * The published value of an indicator from the agency-period's tallies: rates in percent; 766.3.3 times the
     * 766.1.4 rate (one rounding of the product); 766.5.4 floored at 0; 766.2.2 the mean in days; null for the
     * 06a counts and for no data.
     */
    public static BigDecimal value(String id, Map<String, Tally> t) {
        Tally x = t.get(id);
        if (isCount(id)) {
            return null;
        }
        if (id.equals("766.2.2")) {
            return x.denominator == 0 ? null : BigDecimal.valueOf(x.numerator)
                    .divide(BigDecimal.valueOf(x.denominator), 2, RoundingMode.HALF_UP);
        }
        if (id.equals("766.3.3")) {
            Tally sync = t.get("766.1.4");
            if (x.denominator == 0 || sync.denominator == 0) {
                return null;
            }
            return BigDecimal.valueOf(x.numerator).multiply(BigDecimal.valueOf(sync.numerator))
                    .multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(x.denominator).multiply(BigDecimal.valueOf(sync.denominator)), 2,
                            RoundingMode.HALF_UP);
        }
        BigDecimal v = percent(x.numerator, x.denominator);
        if (v != null && id.equals("766.5.4") && v.signum() < 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return v;
    }

    /** Points = weight × min(1, value ÷ target), 2 decimals half up (decisions.md 13); null without points or data. */
    public static BigDecimal points(String id, BigDecimal value) {
        int[] wt = POINTS_DVCQG_2025.get(id);
        if (wt == null || value == null) {
            return null;
        }
        BigDecimal target = BigDecimal.valueOf(wt[1]);
        return value.min(target).multiply(BigDecimal.valueOf(wt[0])).divide(target, 2, RoundingMode.HALF_UP);
    }

    /** 766.total: {score, available maximum, normalised score} with the normalised score null when nothing scores. */
    public static BigDecimal[] total(Map<String, Tally> t) {
        BigDecimal score = BigDecimal.ZERO.setScale(2);
        BigDecimal max = BigDecimal.ZERO.setScale(2);
        for (String id : IDS) {
            BigDecimal pts = points(id, value(id, t));
            if (id.startsWith("766.") && pts != null) {
                score = score.add(pts);
                max = max.add(BigDecimal.valueOf(POINTS_DVCQG_2025.get(id)[0]).setScale(2));
            }
        }
        BigDecimal normalised = max.signum() == 0 ? null
                : score.multiply(BigDecimal.valueOf(100)).divide(max, 2, RoundingMode.HALF_UP);
        return new BigDecimal[] {score, max, normalised};
    }

    // ---------------------------------------------------------------------------------------------- CSV helpers

    private static List<CSVRecord> csv(Path dir, String file) {
        Path f = dir.resolve(file);
        if (!Files.exists(f)) {
            return List.of();
        }
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(CSVRecord r, String column) {
        String s = r.isMapped(column) ? r.get(column) : null;
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDateTime timestamp(CSVRecord r, String column) {
        String s = text(r, column);
        return s == null ? null : LocalDateTime.parse(s);
    }

    private static LocalDate date(CSVRecord r, String column) {
        String s = text(r, column);
        return s == null ? null : LocalDate.parse(s);
    }

    private static boolean bool(CSVRecord r, String column) {
        return "true".equalsIgnoreCase(text(r, column));
    }
}
