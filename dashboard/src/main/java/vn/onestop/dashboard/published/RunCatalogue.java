package vn.onestop.dashboard.published;

import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.onestop.dashboard.text.Language;

/**
 * The reference data of one published run — indicators, agencies, their groups, rules and periods — read once per
 * run: a published run never changes.
 */
public final class RunCatalogue {
    private final RunInfo run;
    private final LocalDateTime publishedAt;
    private final List<Indicator> indicators;
    private final Map<String, Indicator> indicatorById;
    private final List<Agency> agencies;
    private final Map<String, Agency> agencyByCode;
    private final Map<String, List<String>> childrenByParent;
    private final List<AgencyGroup> groups;
    private final Map<String, AgencyGroup> groupByCode;
    private final List<Rule> rules;
    private final Map<String, Rule> ruleById;
    private final List<Period> periods;
    private final Map<String, Period> periodById;

    public RunCatalogue(RunInfo run, LocalDateTime publishedAt, List<Indicator> indicators, List<Agency> agencies,
                        List<AgencyGroup> groups, List<Rule> rules, List<Period> periods) {
        this.run = run;
        this.publishedAt = publishedAt;
        this.indicators = indicators.stream()
                .sorted(Comparator.comparingInt(Indicator::sortOrder).thenComparing(Indicator::id)).toList();
        this.indicatorById = index(this.indicators, Indicator::id);
        this.agencies = List.copyOf(agencies);
        this.agencyByCode = index(agencies, Agency::code);
        this.childrenByParent = agencies.stream().filter(a -> a.parentCode() != null)
                .collect(Collectors.groupingBy(Agency::parentCode,
                        Collectors.mapping(Agency::code, Collectors.toList())));
        this.groups = List.copyOf(groups);
        this.groupByCode = index(this.groups, AgencyGroup::code);
        this.rules = rules.stream().sorted(Comparator.comparing(Rule::id)).toList();
        this.ruleById = index(this.rules, Rule::id);
        this.periods = periods.stream().sorted(Period.PICKER_ORDER).toList();
        this.periodById = index(this.periods, Period::longId);
        this.periods.forEach(p -> periodById.put(p.id(), p));
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        items.forEach(i -> out.put(key.apply(i), i));
        return out;
    }

    public RunInfo run() {
        return run;
    }

    public String runId() {
        return run.runId();
    }

    public LocalDateTime publishedAt() {
        return publishedAt;
    }

    public List<Indicator> indicators() {
        return indicators;
    }

    public Optional<Indicator> indicator(String id) {
        return Optional.ofNullable(indicatorById.get(id));
    }

    public List<Agency> agencies() {
        return agencies;
    }

    public Optional<Agency> agency(String code) {
        return Optional.ofNullable(code == null ? null : agencyByCode.get(code));
    }

    public List<Agency> children(String code) {
        return childrenByParent.getOrDefault(code, List.of()).stream().map(agencyByCode::get).toList();
    }

    /** The agency and everything below it in the hierarchy; empty when the code is not an agency of this run. */
    public Set<String> subtree(String code) {
        Set<String> out = new LinkedHashSet<>();
        if (!agencyByCode.containsKey(code)) {
            return out;
        }
        Deque<String> todo = new ArrayDeque<>(List.of(code));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (out.add(next)) {
                todo.addAll(childrenByParent.getOrDefault(next, List.of()));
            }
        }
        return out;
    }

    public List<AgencyGroup> groups() {
        return groups;
    }

    /** The group's name in the language; its code when the run did not publish it. */
    public String groupName(String code, Language language) {
        AgencyGroup g = code == null ? null : groupByCode.get(code);
        return g == null ? code : g.name(language);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> rule(String id) {
        return Optional.ofNullable(id == null ? null : ruleById.get(id));
    }

    /** The rule whose agency rate this indicator is ({@code R01.rate} → R01), if the run published that rule. */
    public Optional<Rule> ruleOfRate(Indicator indicator) {
        return rules.stream().filter(r -> r.rateIndicatorId().equals(indicator.id())).findFirst();
    }

    public List<Period> periods() {
        return periods;
    }

    public Optional<Period> period(String id) {
        return Optional.ofNullable(id == null ? null : periodById.get(id));
    }

    /** The period a page opens on: the latest calendar month (possibly cut at the data's end), else the first. */
    public Optional<Period> defaultPeriod() {
        return periods.stream().filter(p -> Period.MONTH.equals(p.kind())).findFirst()
                .or(() -> periods.stream().findFirst());
    }

    /**
     * The period an official report opens on: the latest complete report month (Decree 09/2019); a report month
     * cut short by the data's range only when there is no complete one; else the page default.
     */
    public Optional<Period> defaultReportPeriod() {
        return periods.stream().filter(p -> Period.REPORT_MONTH.equals(p.kind()) && !p.clipped()).findFirst()
                .or(() -> periods.stream().filter(p -> Period.REPORT_MONTH.equals(p.kind())).findFirst())
                .or(this::defaultPeriod);
    }
}
