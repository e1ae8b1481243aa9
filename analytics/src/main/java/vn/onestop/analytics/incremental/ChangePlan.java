package vn.onestop.analytics.incremental;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.onestop.analytics.period.Period;
import vn.onestop.analytics.period.PeriodKind;

/**
 * Which periods a run must compute and publish afresh, and which it may carry over from the run published before
 * it (decisions.md, "Incremental nightly runs"). A period is recomputed when
 * <ul>
 *   <li>it is the range, or it ends on or after the day the previous run's range ended (its end moved, and every
 *       dossier still open at that end has aged);</li>
 *   <li>it ends on or after the earliest moment a changed dossier or feedback had in either of its versions — a
 *       moment the periods compare with their ends (received, ended, supplement requested or answered, apology,
 *       rating, linked feedback); a change to what every period reads (agency, procedure, channel, due time, …),
 *       or a dossier that appeared or disappeared, counts from its reception;</li>
 *   <li>it holds the reception of a dossier whose values judged at reception changed (synced, recorded, status,
 *       its electronic-component flags): then only for the agencies of such dossiers — the period is
 *       <em>partial</em>. Nothing else in it moved, so the other agencies' counts, values and flags are the previous
 *       run's; the groups, the province, the risk scores and R12 of the period are recomputed from those counts
 *       and the recomputed agencies' (decisions.md, 78).</li>
 * </ul>
 * Every other period holds the same dossiers in the same state at its end as before, so its values, flags, risk
 * scores and silent-procedure flags are copied from the previous run; copied flags of a changed dossier get its
 * current status, end and apology time. The periods just before the recomputed ones are scored too (not
 * published), from the previous run's counts: the risk trend of a period compares it with the one before.
 *
 * @param baseRunId   the run whose results are carried over; null for a full run
 * @param fullReason  why the run is full, in English and Vietnamese (null when incremental)
 * @param touched     the periods published afresh (every period in a full run)
 * @param computed    the periods scored: the touched ones and the period before each
 * @param partial     of the touched periods, those recomputed for some agencies only: "kind|start" → agency codes
 * @param reopenedFrom the day from which every period was recomputed (the earliest changed moment, or the base
 *                    run's end); null in a full run
 * @param receptionDays days of reception of dossiers whose values judged at reception changed
 */
public record ChangePlan(String baseRunId, vn.onestop.core.store.RunMessage fullReason, List<Period> touched, List<Period> computed,
                         Map<String, Set<String>> partial, long changedDossiers, long changedFeedback, LocalDate reopenedFrom, int receptionDays) {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public static ChangePlan full(vn.onestop.core.store.RunMessage reason, List<Period> periods) {
        return new ChangePlan(null, reason, periods, periods, Map.of(), 0, 0, null, 0);
    }

    public boolean incremental() {
        return baseRunId != null;
    }

    /** "kind|start" of every touched period, the key the carried-over rows are matched on. */
    public Set<String> touchedKeys() {
        Set<String> out = new java.util.HashSet<>();
        touched.forEach(p -> out.add(key(p.kind().code(), p.start())));
        return out;
    }

    public static String key(String kind, LocalDate start) {
        return kind + "|" + start;
    }

    public static String key(Period p) {
        return key(p.kind().code(), p.start());
    }

    /** What this run recomputes, for questions asked row by row. */
    public Recomputed recomputed() {
        return new Recomputed(touchedKeys(), partial);
    }

    /** The touched periods ("kind|start") and, of those, the partial ones with their agencies. */
    public record Recomputed(Set<String> periods, Map<String, Set<String>> partial) {
        public boolean period(String periodKind, LocalDate periodStart) {
            return periods.contains(key(periodKind, periodStart));
        }

        /** Whether the agency's numbers of the period are recomputed (every agency's of a whole touched period). */
        public boolean agency(String periodKind, LocalDate periodStart, String agencyCode) {
            String key = key(periodKind, periodStart);
            Set<String> agencies = partial.get(key);
            return agencies != null ? agencies.contains(agencyCode) : periods.contains(key);
        }

        /** Whether a published row of the scope is written afresh: a group's or the province's in every touched period. */
        public boolean scope(String periodKind, LocalDate periodStart, String scopeCode, boolean agencyScope) {
            return agencyScope ? agency(periodKind, periodStart, scopeCode) : period(periodKind, periodStart);
        }
    }

    /** The touched periods recomputed for every agency. */
    public List<Period> whole() {
        return touched.stream().filter(p -> !partial.containsKey(key(p))).toList();
    }

    /** One line for the run's log and the command line. */
    public String describe() {
        return incremental()
                ? String.format("nightly run on top of %s: %,d changed dossiers, %,d changed feedback; %d of the "
                        + "periods recomputed (%d whole: those ending on or after %s and the range; %d for the "
                        + "%,d agencies × periods holding %,d reception days), %d scored", baseRunId, changedDossiers,
                        changedFeedback, touched.size(), touched.size() - partial.size(), reopenedFrom, partial.size(),
                        partial.values().stream().mapToInt(Set::size).sum(), receptionDays, computed.size())
                : "full run (" + fullReason.en() + ")";
    }

    /** The same line in Vietnamese, for the runs page: numbers and dates as Vietnamese officials write them. */
    public String describeVi() {
        if (!incremental()) {
            return "Lần chạy đầy đủ (" + (fullReason.vi() != null ? fullReason.vi() : fullReason.en()) + ")";
        }
        java.text.NumberFormat n = java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("vi-VN"));
        String day = reopenedFrom.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        return "Lần chạy hằng đêm trên nền lần chạy " + baseRunId + ": " + n.format(changedDossiers)
                + " hồ sơ và " + n.format(changedFeedback) + " phản ánh, kiến nghị thay đổi; tính lại "
                + n.format(touched.size()) + " kỳ (" + n.format(touched.size() - partial.size())
                + " kỳ toàn bộ: các kỳ kết thúc từ ngày " + day + " trở đi và cả khoảng thời gian; "
                + n.format(partial.size()) + " kỳ chỉ cho " + n.format(partial.values().stream().mapToInt(Set::size)
                .sum()) + " lượt cơ quan × kỳ có hồ sơ của " + n.format(receptionDays) + " ngày tiếp nhận), chấm điểm "
                + n.format(computed.size()) + " kỳ";
    }

    /** Both lines, as the run's record keeps them. */
    public vn.onestop.core.store.RunMessage message() {
        return vn.onestop.core.store.RunMessage.of(describe(), describeVi());
    }

    /**
     * Compares the fingerprints of the lake now ({@code case_fingerprint}, {@code feedback_fingerprint} views) with
     * those the base run left, and chooses the periods.
     *
     * @param baseTo the last day of the base run's range
     */
    public static ChangePlan plan(SparkSession spark, String baseRunId, LocalDate baseTo, List<Period> periods) {
        Row r = spark.sql(Fingerprints.changesSql()).first();
        long dossiers = r.getLong(0);
        Instant earliest = r.isNullAt(1) ? null : r.getAs(1);
        long feedback = r.getLong(2);
        Instant earliestFeedback = r.isNullAt(3) ? null : r.getAs(3);
        // day of reception → the agencies whose dossiers received that day changed a verdict judged at reception
        java.util.TreeMap<LocalDate, Set<String>> receptions = new java.util.TreeMap<>();
        for (Row d : spark.sql(Fingerprints.receptionDaysSql()).collectAsList()) {
            receptions.computeIfAbsent(d.getAs(0), k -> new TreeSet<>()).add(d.getString(1));
        }
        LocalDate from = baseTo;
        for (Instant t : new Instant[] {earliest, earliestFeedback}) {
            if (t != null) {
                LocalDate day = LocalDate.ofInstant(t, ZONE);
                from = day.isBefore(from) ? day : from;
            }
        }
        List<Period> touched = new ArrayList<>();
        Map<String, Set<String>> partial = new HashMap<>();
        for (Period p : periods) {
            if (p.kind() == PeriodKind.RANGE || !p.end().isBefore(from)) {
                touched.add(p);
                continue;
            }
            Set<String> agencies = new TreeSet<>();
            receptions.subMap(p.start(), true, p.end(), true).values().forEach(agencies::addAll);
            if (!agencies.isEmpty()) {
                touched.add(p);
                partial.put(key(p), agencies);
            }
        }
        return new ChangePlan(baseRunId, null, touched, withPrevious(touched, periods), partial, dossiers, feedback,
                from, receptions.size());
    }

    /** The touched periods and, for each, the period of the same kind that ends the day before it starts. */
    static List<Period> withPrevious(Collection<Period> touched, List<Period> periods) {
        Map<String, Period> byEnd = new HashMap<>();
        periods.forEach(p -> byEnd.put(p.kind() + "|" + p.end(), p));
        Set<Period> wanted = new LinkedHashSet<>(touched);
        for (Period p : touched) {
            Period before = byEnd.get(p.kind() + "|" + p.start().minusDays(1));
            if (before != null) {
                wanted.add(before);
            }
        }
        return periods.stream().filter(wanted::contains).toList();
    }
}
