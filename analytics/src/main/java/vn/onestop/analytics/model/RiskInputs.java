package vn.onestop.analytics.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.catalogue.IndicatorDefinition;

/**
 * What the risk score compares, per agency and period, read from the published values: every input is oriented so
 * that higher is worse. Shares of dossiers keep their counts ({@code events} of {@code of}) so that they can be
 * smoothed and tested against chance: a rule rate (R01.rate: late dossiers without apology of late dossiers), a gap
 * to a 766 target (the dossiers that missed it), feedback per 1,000 dossiers. Plain figures: CONDUCT feedback, a count
 * of the catalogue (R12.count, silent procedure-months) and the trend — the share of the weight of the agency's rates
 * that got worse than in the previous period of the same kind (decisions.md).
 */
final class RiskInputs {
    static final String TREND = "trend";
    static final String FEEDBACK = "feedback_per_1000";
    static final String CONDUCT = "conduct_feedback";
    private static final String VOLUME = "766.2.1";

    /** The inputs of one period: agency → input → observed, and each agency's dossiers to handle. */
    record PeriodInputs(String kind, LocalDate start, Map<String, Map<String, ObservedInput>> observed,
                        Map<String, Long> volume) {
        ObservedInput observed(String agency, String input) {
            return observed.getOrDefault(agency, Map.of()).get(input);
        }

        long dossiers(String agency) {
            return volume.getOrDefault(agency, 0L);
        }
    }

    private record PeriodKey(String kind, LocalDate start, LocalDate end) {
    }

    private final Catalogue catalogue;
    private final Map<String, BigDecimal> weights;

    RiskInputs(Catalogue catalogue, Map<String, BigDecimal> weights) {
        this.catalogue = catalogue;
        this.weights = weights;
    }

    List<PeriodInputs> observe(List<IndicatorValue> values, Set<String> agencies) {
        Map<PeriodKey, Map<String, Map<String, IndicatorValue>>> byPeriod = new LinkedHashMap<>();
        for (IndicatorValue v : values) {
            if (v.scopeKind() == IndicatorValue.ScopeKind.AGENCY && RiskScoring.PERIOD_KINDS.contains(v.periodKind())
                    && agencies.contains(v.scopeCode())) {
                byPeriod.computeIfAbsent(new PeriodKey(v.periodKind(), v.periodStart(), v.periodEnd()),
                        p -> new LinkedHashMap<>()).computeIfAbsent(v.scopeCode(), a -> new HashMap<>())
                        .put(v.indicatorId(), v);
            }
        }
        Map<PeriodKey, Map<String, Map<String, ObservedInput>>> observed = new LinkedHashMap<>();
        Map<String, PeriodKey> byEnd = new HashMap<>();
        for (var p : byPeriod.entrySet()) {
            Map<String, Map<String, ObservedInput>> agencyInputs = new LinkedHashMap<>();
            p.getValue().forEach((agency, byId) -> agencyInputs.put(agency, observe(byId)));
            observed.put(p.getKey(), agencyInputs);
            byEnd.put(p.getKey().kind() + "|" + p.getKey().end(), p.getKey());
        }
        List<PeriodInputs> out = new ArrayList<>();
        for (var p : observed.entrySet()) {
            PeriodKey previous = p.getKey().kind().equals("range") ? null
                    : byEnd.get(p.getKey().kind() + "|" + p.getKey().start().minusDays(1));
            Map<String, Long> volume = new HashMap<>();
            for (var a : p.getValue().entrySet()) {
                IndicatorValue v = byPeriod.get(p.getKey()).get(a.getKey()).get(VOLUME);
                volume.put(a.getKey(), v == null || v.denominator() == null ? 0L : v.denominator().longValue());
                if (previous != null && weights.containsKey(TREND)) {
                    ObservedInput trend = trend(a.getValue(), observed.get(previous).get(a.getKey()));
                    if (trend != null) {
                        a.getValue().put(TREND, trend);
                    }
                }
            }
            out.add(new PeriodInputs(p.getKey().kind(), p.getKey().start(), p.getValue(), volume));
        }
        return out;
    }

    private Map<String, ObservedInput> observe(Map<String, IndicatorValue> byId) {
        Map<String, ObservedInput> out = new HashMap<>();
        for (String input : weights.keySet()) {
            ObservedInput o = switch (input) {
                case TREND -> null;
                case CONDUCT -> byId.containsKey("PAKN.conduct")
                        ? new ObservedInput(byId.get("PAKN.conduct").numerator().doubleValue(), null, null) : null;
                case FEEDBACK -> feedback(byId.get("766.5.1"), byId.get(VOLUME));
                default -> input.startsWith("gap:") ? missed(byId.get(input.substring(4)))
                        : isCount(input) ? count(byId.get(input)) : share(byId.get(input));
            };
            if (o != null) {
                out.put(input, o);
            }
        }
        return out;
    }

    private boolean isCount(String input) {
        return catalogue.find(input).map(d -> d.unit() == IndicatorDefinition.Unit.COUNT).orElse(false);
    }

    /** A count of the catalogue (R12.count): every agency of the period has one, 0 when nothing was found. */
    private static ObservedInput count(IndicatorValue v) {
        return v == null ? null : new ObservedInput(v.numerator().doubleValue(), null, null);
    }

    /** A rule rate: the flagged dossiers of its denominator. */
    private static ObservedInput share(IndicatorValue v) {
        if (v == null || v.denominator() == null || v.denominator().signum() <= 0) {
            return null;
        }
        return of(v.numerator().longValue(), v.denominator().longValue());
    }

    /** A 766 rate as the dossiers that missed it (the value, so that floors and products are those published). */
    private ObservedInput missed(IndicatorValue v) {
        if (v == null || v.valuePct() == null || v.denominator() == null || v.denominator().signum() <= 0) {
            return null;
        }
        IndicatorDefinition d = catalogue.find(v.indicatorId()).orElseThrow();
        long of = v.denominator().longValue();
        long met = d.multiplyBy() == null && d.floor() == null ? v.numerator().longValue()
                : Math.round(v.valuePct().doubleValue() * of / 100);
        return of(of - Math.max(0, Math.min(of, met)), of);
    }

    private static ObservedInput feedback(IndicatorValue feedback, IndicatorValue volume) {
        if (volume == null || volume.denominator() == null || volume.denominator().signum() <= 0) {
            return null;
        }
        long items = feedback == null || feedback.denominator() == null ? 0 : feedback.denominator().longValue();
        return of(items, volume.denominator().longValue());
    }

    private static ObservedInput of(long events, long of) {
        return new ObservedInput((double) events / of, events, of);
    }

    /** Share (%) of the weight of the rates present in both periods that rose. */
    private ObservedInput trend(Map<String, ObservedInput> now, Map<String, ObservedInput> before) {
        if (before == null) {
            return null;
        }
        double worse = 0;
        double compared = 0;
        for (var e : now.entrySet()) {
            ObservedInput then = before.get(e.getKey());
            if (!e.getValue().isShare() || then == null) {
                continue;
            }
            double w = weights.get(e.getKey()).doubleValue();
            compared += w;
            worse += e.getValue().value() > then.value() + 1e-12 ? w : 0;
        }
        return compared == 0 ? null : new ObservedInput(100 * worse / compared, null, null);
    }

    /** A share's bad fraction in the input's unit (higher is worse): %, points below target, per 1,000. */
    double inUnit(String input, double bad) {
        if (input.equals(FEEDBACK)) {
            return 1000 * bad;
        }
        if (input.startsWith("gap:")) {
            BigDecimal target = catalogue.find(input.substring(4)).orElseThrow().target();
            return Math.max(0, 100 * (1 - 100 * (1 - bad) / target.doubleValue()));
        }
        return 100 * bad;
    }

    /**
     * A value as people read it: for a share, a 766 rate as reached (%), feedback per 1,000 or a rule rate (%), from
     * its bad fraction; a plain figure as it is.
     */
    static double shown(String input, double value, boolean share) {
        if (!share) {
            return value;
        }
        if (input.equals(FEEDBACK)) {
            return 1000 * value;
        }
        return input.startsWith("gap:") ? 100 * (1 - value) : 100 * value;
    }
}
