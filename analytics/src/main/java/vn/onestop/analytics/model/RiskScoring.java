package vn.onestop.analytics.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Beta;
import vn.onestop.analytics.catalogue.Catalogue;

/**
 * The agency risk score of inspection.md, per agency and period, within the peer group (same kind). Inputs
 * ({@link RiskInputs}): rule rates, gaps to the 766 targets, feedback per 1,000 dossiers, CONDUCT feedback and the
 * trend. Rates over few dossiers are pulled toward the peers' median as if they rested on {@code priorDossiers} more
 * dossiers at that median. An input is an outlier above Q3 + 1.5 × IQR of its peers and, for a rate, when its count
 * is beyond chance at the other peers' rate. Each input is normalised to 0 at the peers' median and 1 at the outlier
 * threshold, an outlier up to 2; risk = 100 × Σ weight × normalised ÷ (2 × Σ weight). Agencies under the minimum
 * volume are not scored and say so. Reasons are worded as reasons to look, not findings (decisions.md).
 */
public final class RiskScoring {
    public static final List<String> PERIOD_KINDS = List.of("month", "quarter", "year", "range");
    private static final int MIN_PEERS_FOR_OUTLIERS = 4;
    /** An outlier counts up to twice an input at the outlier threshold; anything else at most once. */
    private static final double OUTLIER_CAP = 2;

    private final Map<String, BigDecimal> weights;
    private final int minDossiers;
    private final int priorDossiers;
    private final double outlierChance;
    private final RiskInputs inputs;
    private final RiskReasons reasons;

    /**
     * @param priorDossiers how many dossiers at the peers' median a rate is smoothed with (1 late apology of 2 is
     *                      50 %, and noise)
     * @param outlierChance an input above the threshold is an outlier only when chance alone would give its count
     *                      less often than this
     */
    public RiskScoring(Catalogue catalogue, Map<String, BigDecimal> weights, int minDossiers, int priorDossiers,
                       double outlierChance) {
        this.weights = weights;
        this.minDossiers = minDossiers;
        this.priorDossiers = priorDossiers;
        this.outlierChance = outlierChance;
        this.inputs = new RiskInputs(catalogue, weights);
        this.reasons = new RiskReasons(catalogue);
    }

    /** Parses {@code R01.rate=3,gap:766.2.1=2,…} (the risk.weights setting). */
    public static Map<String, BigDecimal> parseWeights(String text) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.lastIndexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("risk.weights: '" + p + "' should read input=weight");
            }
            out.put(p.substring(0, eq).strip(), new BigDecimal(p.substring(eq + 1).strip()));
        }
        return out;
    }

    /**
     * One input of one agency as compared: {@code value} in the input's unit after smoothing, the peers' median and
     * threshold in the same unit, and what was observed (the published rate and its counts) for the reasons.
     */
    public record Input(String id, Double value, Double peerMedian, Double outlierAbove, boolean outlier,
                        BigDecimal weight, double contribution, ObservedInput observed, Double observedPeerMedian) {
    }

    public record AgencyRisk(String agencyCode, String periodKind, LocalDate periodStart, String peerGroup,
                             long dossiers, boolean scored, BigDecimal score, Integer peerRank, Integer peerSize,
                             int outliers, String reasonsVi, String reasonsEn, List<Input> inputs) {
    }

    public List<AgencyRisk> score(List<IndicatorValue> values, List<Agency> agencies) {
        Map<String, Agency> byCode = new HashMap<>();
        agencies.forEach(a -> byCode.put(a.code(), a));
        List<AgencyRisk> out = new ArrayList<>();
        for (RiskInputs.PeriodInputs period : inputs.observe(values, byCode.keySet())) {
            Map<String, List<String>> peers = new LinkedHashMap<>();
            for (String agency : period.observed().keySet()) {
                peers.computeIfAbsent(byCode.get(agency).groupCode(), g -> new ArrayList<>()).add(agency);
            }
            for (var group : peers.entrySet()) {
                out.addAll(scoreGroup(period, group.getKey(), group.getValue()));
            }
        }
        return out;
    }

    /** The peers' statistics of one input: median, outlier threshold, totals for the chance test. */
    private record Peers(double median, double outlierAbove, int count, double observedMedian, long events, long of) {
    }

    private List<AgencyRisk> scoreGroup(RiskInputs.PeriodInputs period, String group, List<String> agencies) {
        List<String> scored = agencies.stream().filter(a -> period.dossiers(a) >= minDossiers).toList();
        Map<String, Map<String, Double>> value = new HashMap<>(); // agency → input → value compared
        Map<String, Peers> stats = new HashMap<>();
        for (String input : weights.keySet()) {
            List<String> having = scored.stream().filter(a -> period.observed(a, input) != null).toList();
            if (having.isEmpty()) {
                continue;
            }
            double prior = median(having.stream().mapToDouble(a -> period.observed(a, input).value()).toArray());
            long events = 0;
            long of = 0;
            for (String a : having) {
                ObservedInput o = period.observed(a, input);
                double x = o.isShare() ? inputs.inUnit(input, (o.events() + priorDossiers * prior) / (o.of() + priorDossiers))
                        : o.value();
                value.computeIfAbsent(a, k -> new HashMap<>()).put(input, x);
                events += o.isShare() ? o.events() : 0;
                of += o.isShare() ? o.of() : 0;
            }
            double[] xs = having.stream().mapToDouble(a -> value.get(a).get(input)).sorted().toArray();
            double q1 = quantile(xs, 0.25);
            double q3 = quantile(xs, 0.75);
            stats.put(input, new Peers(quantile(xs, 0.5), q3 + 1.5 * (q3 - q1), xs.length, prior, events, of));
        }
        Map<String, AgencyRisk> results = new LinkedHashMap<>();
        for (String agency : agencies) {
            long n = period.dossiers(agency);
            boolean isScored = n >= minDossiers;
            List<Input> list = new ArrayList<>();
            double weighted = 0;
            double weightSum = 0;
            int outliers = 0;
            for (var w : weights.entrySet()) {
                Double x = value.getOrDefault(agency, Map.of()).get(w.getKey());
                Peers st = stats.get(w.getKey());
                if (x == null || st == null || !isScored) {
                    continue;
                }
                ObservedInput o = period.observed(agency, w.getKey());
                boolean outlier = st.count() >= MIN_PEERS_FOR_OUTLIERS && x > st.outlierAbove() + 1e-9
                        && (!o.isShare() || beyondChance(o, st));
                outliers += outlier ? 1 : 0;
                double contribution = w.getValue().doubleValue() * normalised(x, st, outlier);
                weighted += contribution;
                weightSum += w.getValue().doubleValue();
                list.add(new Input(w.getKey(), x, st.median(), st.outlierAbove(), outlier, w.getValue(), contribution, o,
                        RiskInputs.shown(w.getKey(), st.observedMedian(), o.isShare())));
            }
            BigDecimal score = !isScored || weightSum == 0 ? null
                    : BigDecimal.valueOf(100 * weighted / (OUTLIER_CAP * weightSum)).setScale(2, RoundingMode.HALF_UP);
            String[] words = isScored ? reasons.of(list) : reasons.notScored(n, minDossiers);
            results.put(agency, new AgencyRisk(agency, period.kind(), period.start(), group, n, isScored, score, null,
                    null, outliers, words[0], words[1], list));
        }
        return ranked(results);
    }

    /** 0 at the peers' median, 1 at the outlier threshold; only an outlier goes on, up to 2. */
    static double normalised(double x, Peers st, boolean outlier) {
        double span = st.outlierAbove() - st.median();
        double ratio = span > 1e-12 ? (x - st.median()) / span : x > st.median() + 1e-12 ? Double.POSITIVE_INFINITY : 0;
        return Math.max(0, Math.min(ratio, outlier ? OUTLIER_CAP : 1));
    }

    /**
     * Whether the agency's count could hardly be chance at the other peers' rate: P(X ≥ events) under a binomial
     * with that rate is below {@code outlierChance}. Half an event is added to the others, so that one event is never
     * beyond chance only because the others had none.
     */
    private boolean beyondChance(ObservedInput o, Peers st) {
        long otherOf = st.of() - o.of();
        if (otherOf <= 0 || o.events() == 0) {
            return false;
        }
        double p = (st.events() - o.events() + 0.5) / (otherOf + 1.0);
        return p < 1 && upperTail(o.events(), o.of(), p) < outlierChance;
    }

    /** P(X ≥ k) for X binomial(n, p), 1 ≤ k ≤ n: the regularised incomplete beta I_p(k, n − k + 1). */
    static double upperTail(long k, long n, double p) {
        return Beta.regularizedBeta(p, k, n - k + 1);
    }

    private static List<AgencyRisk> ranked(Map<String, AgencyRisk> results) {
        List<AgencyRisk> ranked = results.values().stream().filter(r -> r.score() != null)
                .sorted(Comparator.comparing(AgencyRisk::score).reversed().thenComparing(AgencyRisk::agencyCode)).toList();
        List<AgencyRisk> out = new ArrayList<>();
        for (AgencyRisk r : results.values()) {
            int rank = ranked.indexOf(r);
            out.add(rank < 0 ? r : new AgencyRisk(r.agencyCode(), r.periodKind(), r.periodStart(), r.peerGroup(),
                    r.dossiers(), r.scored(), r.score(), rank + 1, ranked.size(), r.outliers(), r.reasonsVi(),
                    r.reasonsEn(), r.inputs()));
        }
        return out;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantile(sorted, 0.5);
    }

    /** Linear interpolation between order statistics (the common "type 7" quantile). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
