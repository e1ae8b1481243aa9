package vn.onestop.dashboard.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.onestop.dashboard.published.Agency;
import vn.onestop.dashboard.published.Indicator;
import vn.onestop.dashboard.published.PubValue;
import vn.onestop.dashboard.published.RunCatalogue;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Labels;

/**
 * The agencies most worth a look (cần xem xét) on the overview: highest share of late dossiers without an
 * apology slip (R01.rate), among agencies with at least {@value #MIN_LATE_DOSSIERS} late dossiers so that one
 * late dossier does not top the list, and at least one of them without a slip. Vertical agencies are left out: they are never the province's inspection
 * targets (inspection.md). Each comes with its reasons in words; a reason is a reason to look, not a finding.
 */
final class WorthALook {
    static final String RULE_RATE = "R01.rate";
    static final int MIN_LATE_DOSSIERS = 5;
    static final int LIMIT = 10;
    private static final String VERTICAL = "vertical";

    record Entry(String code, String name, String kindText, ValueView r01, List<String> reasons) {
    }

    private WorthALook() {
    }

    static List<Entry> rank(RunCatalogue catalogue, PeriodValues values, Formats f) {
        Optional<Indicator> rule = catalogue.indicator(RULE_RATE);
        if (rule.isEmpty()) {
            return List.of();
        }
        BigDecimal minimum = BigDecimal.valueOf(MIN_LATE_DOSSIERS);
        record Candidate(Agency agency, PubValue value) {
        }
        return catalogue.agencies().stream()
                .filter(a -> !VERTICAL.equals(a.kind()))
                .map(a -> new Candidate(a, values.get(a.code(), RULE_RATE)))
                .filter(c -> c.value() != null && c.value().valuePct() != null && c.value().valuePct().signum() > 0
                        && c.value().denominator() != null && c.value().denominator().compareTo(minimum) >= 0)
                .sorted(Comparator.comparing((Candidate c) -> c.value().valuePct()).reversed()
                        .thenComparing(c -> c.value().numerator(), Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(c -> c.agency().code()))
                .limit(LIMIT)
                .map(c -> new Entry(c.agency().code(), c.agency().name(),
                        Names.kind(f.language(), c.agency().kind()),
                        ValueView.of(rule.get(), c.value(), f), reasons(catalogue, values, c.agency(), c.value(), f)))
                .toList();
    }

    private static List<String> reasons(RunCatalogue catalogue, PeriodValues values, Agency agency, PubValue r01,
                                        Formats f) {
        List<String> out = new ArrayList<>();
        out.add(Labels.format(f.language(), "reason.r01", f.count(r01.numerator()), f.count(r01.denominator()),
                f.percent(r01.valuePct())));
        largestGap(catalogue, values, agency).ifPresent(gap -> out.add(Labels.format(f.language(), "reason.gap",
                gap.indicator().name(f.language()), f.percent(gap.value()),
                f.percentTrimmed(gap.indicator().effectiveTarget()))));
        return out;
    }

    private record Gap(Indicator indicator, BigDecimal value, BigDecimal shortfall) {
    }

    /**
     * The judged indicator furthest short of its target, as a share of the target: 1 − rate ÷ target, or for an
     * indicator where lower is better, rate ÷ target − 1.
     */
    private static Optional<Gap> largestGap(RunCatalogue catalogue, PeriodValues values, Agency agency) {
        return catalogue.indicators().stream().filter(Indicator::hasTargetStatus)
                .filter(i -> i.effectiveTarget().signum() > 0)
                .map(i -> {
                    PubValue v = values.get(agency.code(), i.id());
                    if (v == null || v.valuePct() == null) {
                        return null;
                    }
                    BigDecimal ratio = v.valuePct().divide(i.effectiveTarget(), 6, RoundingMode.HALF_UP);
                    BigDecimal shortfall = i.lowerIsBetter() ? ratio.subtract(BigDecimal.ONE)
                            : BigDecimal.ONE.subtract(ratio);
                    return shortfall.signum() > 0 ? new Gap(i, v.valuePct(), shortfall) : null;
                })
                .filter(g -> g != null)
                .max(Comparator.comparing(Gap::shortfall));
    }
}
