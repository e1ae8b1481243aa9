package vn.onestop.analytics.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.catalogue.IndicatorDefinition;
import vn.onestop.analytics.model.IndicatorValue.ScopeKind;
import vn.onestop.analytics.period.Period;

/**
 * From counts to published values (indicators.md, "Decision 766 index"): roll-ups to agency groups and the province
 * from counts (rates are never averaged), rates with 2 decimals half up, null for an empty denominator, scores
 * {@code points × min(1, rate / target)}, and the 766 total over the indicators that have data.
 */
public final class Scoring {
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private final Catalogue catalogue;
    private final String profile;
    private final String provinceCode;
    private final String provinceName;

    public Scoring(Catalogue catalogue, String profile, String provinceCode, String provinceName) {
        this.catalogue = catalogue;
        this.profile = profile;
        this.provinceCode = provinceCode;
        this.provinceName = provinceName;
    }

    /** Sums of numerator and denominator; denominator null for a plain count. */
    private static final class Sum {
        long numerator;
        Long denominator;

        void add(long n, Long d) {
            numerator += n;
            if (d != null) {
                denominator = (denominator == null ? 0 : denominator) + d;
            }
        }
    }

    private record Scope(String code, String name, ScopeKind kind) {
    }

    public List<IndicatorValue> score(List<Counts> counts, List<Agency> agencies, List<Period> periods) {
        Map<String, Agency> byCode = new HashMap<>();
        agencies.forEach(a -> byCode.put(a.code(), a));
        // scope → period → indicator → sum
        Map<String, Map<String, Map<String, Sum>>> sums = new HashMap<>();
        for (Counts c : counts) {
            Agency a = byCode.get(c.agencyCode());
            String period = key(c.periodKind(), c.periodStart());
            List<String> scopes = new ArrayList<>(List.of(c.agencyCode(), provinceCode));
            if (a != null) {
                scopes.add(a.groupCode());
            }
            for (String scope : scopes) {
                sums.computeIfAbsent(scope, s -> new HashMap<>()).computeIfAbsent(period, p -> new HashMap<>())
                        .computeIfAbsent(c.indicatorId(), i -> new Sum()).add(c.numerator(), c.denominator());
            }
        }
        List<IndicatorValue> out = new ArrayList<>();
        for (Period p : periods) {
            for (Scope scope : scopesFor(p, agencies, sums)) {
                Map<String, Sum> bySum = sums.getOrDefault(scope.code, Map.of())
                        .getOrDefault(key(p.kind().code(), p.start()), Map.of());
                out.addAll(values(scope, p, bySum));
            }
        }
        return out;
    }

    /** The province, every group, and every agency that existed during the period or has dossiers in it. */
    private List<Scope> scopesFor(Period p, List<Agency> agencies, Map<String, Map<String, Map<String, Sum>>> sums) {
        String period = key(p.kind().code(), p.start());
        Map<String, Scope> scopes = new LinkedHashMap<>();
        scopes.put(provinceCode, new Scope(provinceCode, provinceName, ScopeKind.PROVINCE));
        for (Agency a : agencies) {
            boolean active = sums.containsKey(a.code()) && sums.get(a.code()).containsKey(period);
            if (active || a.validDuring(p.start(), p.end())) {
                scopes.putIfAbsent(a.groupCode(), new Scope(a.groupCode(), AgencyGroups.nameVi(a.kind()), ScopeKind.GROUP));
                scopes.put(a.code(), new Scope(a.code(), a.name(), ScopeKind.AGENCY));
            }
        }
        return new ArrayList<>(scopes.values());
    }

    private List<IndicatorValue> values(Scope scope, Period p, Map<String, Sum> sums) {
        List<IndicatorValue> out = new ArrayList<>();
        Map<String, BigDecimal> rates = new HashMap<>();
        for (IndicatorDefinition d : catalogue.definitions()) {
            rates.put(d.id(), rate(sums.get(d.id())));
        }
        BigDecimal score = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (IndicatorDefinition d : catalogue.definitions()) {
            Sum s = sums.getOrDefault(d.id(), new Sum());
            BigDecimal numerator = BigDecimal.valueOf(s.numerator);
            BigDecimal denominator = d.denominator() == null ? null
                    : BigDecimal.valueOf(s.denominator == null ? 0 : s.denominator);
            BigDecimal value = valueOf(d, rates);
            BigDecimal points = null;
            BigDecimal maxPoints = null;
            BigDecimal weight = d.pointsIn(profile);
            if (d.unit() == IndicatorDefinition.Unit.PERCENT && value != null && weight != null) {
                BigDecimal ratio = value.divide(d.target(), 10, RoundingMode.HALF_UP).min(BigDecimal.ONE);
                points = weight.multiply(ratio).setScale(2, RoundingMode.HALF_UP);
                maxPoints = weight.setScale(2, RoundingMode.HALF_UP);
                if (d.isIndex766()) {
                    score = score.add(points);
                    max = max.add(maxPoints);
                }
            }
            out.add(new IndicatorValue(scope.code, scope.name, scope.kind, p.kind().code(), p.start(), p.end(),
                    d.id(), numerator, denominator, value, points, maxPoints));
        }
        // 766.total: the score over the indicators with data; normalised = score × 100 / available maximum.
        BigDecimal normalised = max.signum() == 0 ? null
                : score.multiply(HUNDRED).divide(max, 2, RoundingMode.HALF_UP);
        out.add(new IndicatorValue(scope.code, scope.name, scope.kind, p.kind().code(), p.start(), p.end(),
                Catalogue.TOTAL_ID, score, max, normalised, max.signum() == 0 ? null : score,
                max.signum() == 0 ? null : max));
        return out;
    }

    /**
     * The published value of an indicator from the fractions of every indicator of the same scope and period:
     * a mean for DAYS, a percentage (× another rate, floored) for PERCENT, nothing for COUNT.
     */
    private static BigDecimal valueOf(IndicatorDefinition d, Map<String, BigDecimal> rates) {
        BigDecimal rate = rates.get(d.id());
        if (d.unit() == IndicatorDefinition.Unit.DAYS) {
            return rate == null ? null : rate.setScale(2, RoundingMode.HALF_UP);
        }
        if (d.unit() != IndicatorDefinition.Unit.PERCENT) {
            return null;
        }
        if (rate != null && d.multiplyBy() != null) {
            BigDecimal factor = rates.get(d.multiplyBy());
            rate = factor == null ? null : rate.multiply(factor);
        }
        BigDecimal value = rate == null ? null : rate.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
        if (value != null && d.floor() != null) {
            value = value.max(d.floor().setScale(2, RoundingMode.HALF_UP));
        }
        return value;
    }

    /** Values per procedure or field, for each agency and the province (sums of the agencies' counts). */
    public List<DimensionValue> scoreDimensions(List<DimensionCounts> counts) {
        Map<String, Map<String, Sum>> sums = new LinkedHashMap<>();
        Map<String, DimensionCounts> keyRow = new LinkedHashMap<>();
        for (DimensionCounts c : counts) {
            for (String scope : List.of(c.agencyCode(), provinceCode)) {
                String key = String.join("|", c.dimension(), c.dimCode(), scope, c.periodKind(),
                        c.periodStart().toString());
                keyRow.putIfAbsent(key, c);
                sums.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(c.indicatorId(), i -> new Sum())
                        .add(c.numerator(), c.denominator());
            }
        }
        List<DimensionValue> out = new ArrayList<>();
        for (var e : sums.entrySet()) {
            DimensionCounts row = keyRow.get(e.getKey());
            String scope = e.getKey().split("\\|")[2];
            Map<String, BigDecimal> rates = new HashMap<>();
            e.getValue().forEach((id, sum) -> rates.put(id, rate(sum)));
            for (var s : e.getValue().entrySet()) {
                IndicatorDefinition d = catalogue.find(s.getKey()).orElseThrow();
                Sum sum = s.getValue();
                out.add(new DimensionValue(row.dimension(), row.dimCode(), scope,
                        scope.equals(provinceCode) ? ScopeKind.PROVINCE : ScopeKind.AGENCY, row.periodKind(),
                        row.periodStart(), row.periodEnd(), d.id(), BigDecimal.valueOf(sum.numerator),
                        sum.denominator == null ? null : BigDecimal.valueOf(sum.denominator), valueOf(d, rates)));
            }
        }
        return out;
    }

    /** numerator ÷ denominator as a fraction, or null when the denominator is empty (no data). */
    private static BigDecimal rate(Sum s) {
        if (s == null || s.denominator == null || s.denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(s.numerator).divide(BigDecimal.valueOf(s.denominator), 12, RoundingMode.HALF_UP);
    }

    private static String key(String kind, LocalDate start) {
        return kind + "/" + start;
    }
}
