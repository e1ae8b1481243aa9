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

/**
 * The reference data of one published run — indicators, agencies and the periods that have values — read once
 * per run: a published run never changes.
 */
public final class RunCatalogue {
    private final RunInfo run;
    private final LocalDateTime publishedAt;
    private final List<Indicator> indicators;
    private final Map<String, Indicator> indicatorById;
    private final List<Agency> agencies;
    private final Map<String, Agency> agencyByCode;
    private final Map<String, List<String>> childrenByParent;
    private final List<Period> periods;
    private final Map<String, Period> periodById;

    public RunCatalogue(RunInfo run, LocalDateTime publishedAt, List<Indicator> indicators, List<Agency> agencies,
                        List<Period> periods) {
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
        this.periods = periods.stream().sorted(Period.PICKER_ORDER).toList();
        this.periodById = index(this.periods, Period::id);
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

    public List<Period> periods() {
        return periods;
    }

    public Optional<Period> period(String id) {
        return Optional.ofNullable(id == null ? null : periodById.get(id));
    }

    /** The period a page opens on: the latest month (possibly cut at the data's end), else the picker's first. */
    public Optional<Period> defaultPeriod() {
        return periods.stream().filter(p -> Period.MONTH.equals(p.kind())).findFirst()
                .or(() -> periods.stream().findFirst());
    }
}
