package vn.onestop.analytics.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.catalogue.IndicatorDefinition;

/**
 * The agency risk score of inspection.md: inputs per agency and period (rule rates, gaps to the 766 targets,
 * feedback per 1,000 dossiers, CONDUCT feedback), each compared within the peer group (same kind); an input is an
 * outlier above Q3 + 1.5 × IQR of the peers; risk = Σ weight × input normalised within the peers (0–100). Agencies
 * under the minimum volume are not scored and say so. Reasons are worded as reasons to look, not findings.
 */
public final class RiskScoring {
    public static final List<String> PERIOD_KINDS = List.of("month", "quarter", "year", "range");
    private static final int MIN_PEERS_FOR_OUTLIERS = 4;

    private final Catalogue catalogue;
    private final Map<String, BigDecimal> weights;
    private final int minDossiers;
    private final int minDenominator;

    /**
     * @param minDenominator a rule rate over fewer dossiers is left out: 1 late apology of 2 is 50 %, and noise
     */
    public RiskScoring(Catalogue catalogue, Map<String, BigDecimal> weights, int minDossiers, int minDenominator) {
        this.catalogue = catalogue;
        this.weights = weights;
        this.minDossiers = minDossiers;
        this.minDenominator = minDenominator;
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

    public record Input(String id, Double value, Double peerMedian, Double outlierAbove, boolean outlier,
                        BigDecimal weight, double contribution) {
    }

    public record AgencyRisk(String agencyCode, String periodKind, LocalDate periodStart, String peerGroup,
                             long dossiers, boolean scored, BigDecimal score, Integer peerRank, Integer peerSize,
                             int outliers, String reasonsVi, String reasonsEn, List<Input> inputs) {
    }

    public List<AgencyRisk> score(List<IndicatorValue> values, List<Agency> agencies) {
        Map<String, Agency> byCode = new HashMap<>();
        agencies.forEach(a -> byCode.put(a.code(), a));
        // (period, agency) → input → value
        Map<String, Map<String, Map<String, Double>>> inputs = new LinkedHashMap<>();
        Map<String, Map<String, Long>> volume = new HashMap<>();
        Map<String, Map<String, Long>> feedback = new HashMap<>();
        for (IndicatorValue v : values) {
            if (v.scopeKind() != IndicatorValue.ScopeKind.AGENCY || !PERIOD_KINDS.contains(v.periodKind())
                    || !byCode.containsKey(v.scopeCode())) {
                continue;
            }
            String period = v.periodKind() + "|" + v.periodStart();
            Map<String, Double> in = inputs.computeIfAbsent(period, p -> new LinkedHashMap<>())
                    .computeIfAbsent(v.scopeCode(), a -> new LinkedHashMap<>());
            String id = v.indicatorId();
            if (id.startsWith("R") && id.endsWith(".rate") && v.valuePct() != null
                    && v.denominator().longValue() >= minDenominator) {
                in.put(id, v.valuePct().doubleValue());
            } else if (weights.containsKey("gap:" + id) && v.valuePct() != null) {
                IndicatorDefinition d = catalogue.find(id).orElseThrow();
                in.put("gap:" + id, Math.max(0, 100 * (1 - v.valuePct().doubleValue() / d.target().doubleValue())));
            } else if (id.equals("PAKN.conduct")) {
                in.put("conduct_feedback", v.numerator().doubleValue());
            }
            if (id.equals("766.2.1") && v.denominator() != null) {
                volume.computeIfAbsent(period, p -> new HashMap<>()).put(v.scopeCode(), v.denominator().longValue());
            }
            if (id.equals("766.5.1") && v.denominator() != null) {
                feedback.computeIfAbsent(period, p -> new HashMap<>()).put(v.scopeCode(), v.denominator().longValue());
            }
        }
        List<AgencyRisk> out = new ArrayList<>();
        for (var periodEntry : inputs.entrySet()) {
            String[] key = periodEntry.getKey().split("\\|");
            Map<String, Long> vol = volume.getOrDefault(periodEntry.getKey(), Map.of());
            Map<String, Long> fb = feedback.getOrDefault(periodEntry.getKey(), Map.of());
            Map<String, List<String>> peers = new LinkedHashMap<>();
            for (String agency : periodEntry.getValue().keySet()) {
                long n = vol.getOrDefault(agency, 0L);
                if (n > 0) {
                    periodEntry.getValue().get(agency).put("feedback_per_1000", 1000.0 * fb.getOrDefault(agency, 0L) / n);
                }
                peers.computeIfAbsent(byCode.get(agency).groupCode(), g -> new ArrayList<>()).add(agency);
            }
            for (var group : peers.entrySet()) {
                out.addAll(scoreGroup(key[0], LocalDate.parse(key[1]), group.getKey(), group.getValue(),
                        periodEntry.getValue(), vol));
            }
        }
        return out;
    }

    private List<AgencyRisk> scoreGroup(String kind, LocalDate start, String group, List<String> agencies,
                                        Map<String, Map<String, Double>> inputs, Map<String, Long> volume) {
        List<String> scored = agencies.stream().filter(a -> volume.getOrDefault(a, 0L) >= minDossiers).toList();
        Map<String, double[]> stats = new HashMap<>(); // input → {median, outlierAbove, min, max, peers}
        for (String input : weights.keySet()) {
            double[] xs = scored.stream().map(a -> inputs.get(a).get(input)).filter(x -> x != null)
                    .mapToDouble(Double::doubleValue).sorted().toArray();
            if (xs.length == 0) {
                continue;
            }
            double q1 = quantile(xs, 0.25);
            double q3 = quantile(xs, 0.75);
            stats.put(input, new double[] {quantile(xs, 0.5), q3 + 1.5 * (q3 - q1), xs[0], xs[xs.length - 1], xs.length});
        }
        Map<String, AgencyRisk> results = new LinkedHashMap<>();
        for (String agency : agencies) {
            long n = volume.getOrDefault(agency, 0L);
            boolean isScored = n >= minDossiers;
            List<Input> list = new ArrayList<>();
            double weighted = 0;
            double weightSum = 0;
            int outliers = 0;
            for (var w : weights.entrySet()) {
                Double x = inputs.get(agency).get(w.getKey());
                double[] st = stats.get(w.getKey());
                if (x == null || st == null || !isScored) {
                    continue;
                }
                double norm = st[3] > st[2] ? (x - st[2]) / (st[3] - st[2]) : 0;
                boolean outlier = st[4] >= MIN_PEERS_FOR_OUTLIERS && x > st[1] + 1e-9;
                outliers += outlier ? 1 : 0;
                double contribution = w.getValue().doubleValue() * norm;
                weighted += contribution;
                weightSum += w.getValue().doubleValue();
                list.add(new Input(w.getKey(), x, st[0], st[1], outlier, w.getValue(), contribution));
            }
            BigDecimal score = !isScored || weightSum == 0 ? null
                    : BigDecimal.valueOf(100 * weighted / weightSum).setScale(2, RoundingMode.HALF_UP);
            String[] reasons = isScored ? reasons(list) : new String[] {
                "Chưa chấm điểm: " + n + " hồ sơ phải giải quyết, dưới mức tối thiểu " + minDossiers + ".",
                "Not scored: " + n + " dossiers to handle, under the minimum of " + minDossiers + "."};
            results.put(agency, new AgencyRisk(agency, kind, start, group, n, isScored, score, null, null, outliers,
                    reasons[0], reasons[1], list));
        }
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

    /** Linear interpolation between order statistics (the common "type 7" quantile). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The three largest contributions, outliers first, in words a head of agency can read without offence. */
    private String[] reasons(List<Input> inputs) {
        List<Input> top = inputs.stream().filter(i -> i.contribution() > 0)
                .sorted(Comparator.comparing((Input i) -> !i.outlier()).thenComparing(i -> -i.contribution()))
                .limit(3).toList();
        if (top.isEmpty()) {
            return new String[] {"Không có dấu hiệu nổi bật so với đơn vị cùng loại.",
                "Nothing stands out against peer agencies."};
        }
        List<String> vi = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (Input i : top) {
            vi.add(describe(i, true));
            en.add(describe(i, false));
        }
        return new String[] {String.join("; ", vi) + ".", String.join("; ", en) + "."};
    }

    private String describe(Input i, boolean vi) {
        NumberFormat f = NumberFormat.getNumberInstance(vi ? Locale.forLanguageTag("vi-VN") : Locale.ENGLISH);
        f.setMaximumFractionDigits(1);
        String peers = vi ? " (trung vị đơn vị cùng loại " : " (peers' median ";
        if (i.id().startsWith("gap:")) {
            IndicatorDefinition d = catalogue.find(i.id().substring(4)).orElseThrow();
            double value = d.target().doubleValue() * (1 - i.value() / 100);
            double median = d.target().doubleValue() * (1 - i.peerMedian() / 100);
            return (vi ? d.nameVi() + " đạt " : d.nameEn() + " at ") + f.format(value) + " %"
                    + (vi ? ", chỉ tiêu " : ", target ") + f.format(d.target()) + " %" + peers + f.format(median) + " %)";
        }
        if (i.id().equals("feedback_per_1000")) {
            return f.format(i.value()) + (vi ? " phản ánh, kiến nghị trên 1.000 hồ sơ" : " feedback items per 1,000 dossiers")
                    + peers + f.format(i.peerMedian()) + ")";
        }
        if (i.id().equals("conduct_feedback")) {
            return f.format(i.value()) + (vi ? " phản ánh về hành vi cán bộ" : " complaints about staff conduct")
                    + peers + f.format(i.peerMedian()) + ")";
        }
        IndicatorDefinition d = catalogue.find(i.id()).orElseThrow();
        return (vi ? d.nameVi() + ": " : d.nameEn() + ": ") + f.format(i.value()) + " %" + peers
                + f.format(i.peerMedian()) + " %)";
    }
}
