package vn.onestop.inspection.evidence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import vn.onestop.inspection.published.Flag;
import vn.onestop.inspection.published.IndicatorInfo;
import vn.onestop.inspection.published.PeriodRef;
import vn.onestop.inspection.published.ProcedureMonthFlag;
import vn.onestop.inspection.published.PublishedAgency;
import vn.onestop.inspection.published.PublishedInputs;
import vn.onestop.inspection.published.Risk;
import vn.onestop.inspection.published.RuleInfo;
import vn.onestop.inspection.published.TimelineStep;
import vn.onestop.inspection.published.Value;
import vn.onestop.inspection.sample.Sample;

/**
 * What the evidence pack and the self-inspection sheet say about one agency in one period of a published run: its
 * indicators against the median of its peers (same group) and the targets, its risk score and reasons, every flagged
 * dossier with its rule and timeline, the procedure-months R12 flagged ({@code procedureFlags}: it has no dossier),
 * and the latest dossier sample.
 */
public record AgencyEvidence(String runId, LocalDateTime publishedAt, PublishedAgency agency, PeriodRef period,
                             Risk risk, List<IndicatorLine> indicators, List<FlaggedDossier> flags,
                             Map<String, Long> flagCounts, Map<String, RuleInfo> rules, Sample sample,
                             Map<String, String> fieldNames, Map<String, String> procedureNames,
                             List<ProcedureMonthFlag> procedureFlags) {
    private static final Set<String> LEFT_OUT = Set.of("report06", "total");

    public static AgencyEvidence read(PublishedInputs published, String runId, String agencyCode, PeriodRef period,
                                      Sample sample) {
        PublishedAgency agency = published.agency(runId, agencyCode).orElseThrow(() -> new IllegalArgumentException(
                "Run " + runId + " has no agency " + agencyCode));
        List<String> peers = published.agencies(runId).stream()
                .filter(a -> a.groupCode().equals(agency.groupCode())).map(PublishedAgency::code).toList();
        Map<String, Map<String, Value>> values = published.values(runId, period, peers);
        List<IndicatorLine> lines = new ArrayList<>();
        for (IndicatorInfo i : published.indicators(runId)) {
            if (LEFT_OUT.contains(i.category())) {
                continue;
            }
            Value own = values.getOrDefault(agency.code(), Map.of()).get(i.id());
            BigDecimal value = headline(i, own);
            BigDecimal median = median(peers.stream().map(p -> headline(i, values.getOrDefault(p, Map.of()).get(i.id())))
                    .filter(Objects::nonNull).toList());
            BigDecimal target = i.effectiveTarget();
            lines.add(new IndicatorLine(i, value, own == null ? null : own.numerator(),
                    own == null ? null : own.denominator(), median, target, IndicatorLine.assess(i, value, target)));
        }
        Map<String, RuleInfo> rules = published.rules(runId);
        List<Flag> flags = published.flags(runId, agencyCode, period);
        Map<String, List<TimelineStep>> timelines = published.timelines(runId,
                flags.stream().map(Flag::caseId).collect(Collectors.toCollection(java.util.TreeSet::new)));
        List<FlaggedDossier> flagged = flags.stream().map(f -> new FlaggedDossier(f, rules.get(f.ruleId()),
                timelines.getOrDefault(f.caseId(), List.of()))).toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        flags.forEach(f -> counts.merge(f.ruleId(), 1L, Long::sum));
        return new AgencyEvidence(runId, published.publishedAt(runId).orElse(null), agency, period,
                published.risks(runId, period).get(agencyCode), lines, flagged, counts, rules, sample,
                published.fieldNames(runId), published.procedureNames(runId),
                published.procedureFlags(runId, agencyCode, period));
    }

    /** The number an indicator is read by: the count for counts, else the rate (or mean) published. */
    static BigDecimal headline(IndicatorInfo i, Value v) {
        if (v == null) {
            return null;
        }
        return i.isCount() ? v.numerator() : v.valuePct();
    }

    static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid)
                : sorted.get(mid - 1).add(sorted.get(mid)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }
}
