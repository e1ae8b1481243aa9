package vn.onestop.dashboard.pages;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import vn.onestop.dashboard.auth.AccessControl;
import vn.onestop.dashboard.auth.AgencyScope;
import vn.onestop.dashboard.auth.User;
import vn.onestop.dashboard.published.Agency;
import vn.onestop.dashboard.published.CaseFlag;
import vn.onestop.dashboard.published.Indicator;
import vn.onestop.dashboard.published.Page;
import vn.onestop.dashboard.published.ProcedureFlag;
import vn.onestop.dashboard.published.PubValue;
import vn.onestop.dashboard.published.PublishedResults;
import vn.onestop.dashboard.published.Rule;
import vn.onestop.dashboard.published.RunCatalogue;
import vn.onestop.dashboard.text.Diacritics;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Labels;
import vn.onestop.dashboard.text.Language;
import vn.onestop.dashboard.text.VietnameseOrder;

/**
 * Đơn vị: one agency's indicators against targets, the province and its peers' median; its trend; its 06a/06b
 * row; and the dossiers behind its rule flags, page by page. Agency viewers reach only their own subtree and
 * compare with the province alone (decision 39).
 */
public final class AgencyController {
    private static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9]{1,19}");

    private final PublishedResults results;
    private final ApiCache cache;
    private final String provinceCode;
    private final String provinceName;

    public AgencyController(PublishedResults results, String provinceCode, String provinceName, ApiCache cache) {
        this.cache = cache;
        this.results = results;
        this.provinceCode = provinceCode;
        this.provinceName = provinceName;
    }

    public record AgencyRef(String code, String name) {
    }

    public record AgencyInfo(String code, String name, String kind, String kindText, String group, String groupText,
                             String validFrom, String validTo, AgencyRef parent, AgencyRef successor) {
    }

    public record IndicatorRow(IndicatorView indicator, ValueView value, ValueView province, BigDecimal peersMedian,
                               String peersMedianText) {
    }

    public record ReportCell(IndicatorView indicator, ValueView value) {
    }

    /**
     * A rule with its number of flags, its legal basis and the threshold its flags were judged by. {@code flags}
     * says what a flag is, as the run published it: {@code dossiers} (listed by {@code /cases}) or, for R12,
     * {@code procedure_months} (listed by {@code /procedure-flags}).
     */
    public record RuleCount(String rule, String name, long count, String flags, String basis, String threshold) {
    }

    /** {@code comparesWithPeers}: false for agency viewers, whose rows carry no peers' median (decision 39). */
    public record AgencyPage(PeriodView period, AgencyInfo agency, List<AgencyRef> children,
                             List<IndicatorRow> indicators, List<ReportCell> report06, List<RuleCount> rules,
                             Trend trend, List<FieldRow> fields, boolean comparesWithPeers) {
    }

    /** One field (lĩnh vực) of the agency: dossiers to handle, on-time rate, late without apology, mean time. */
    public record FieldRow(String code, String name, ValueView toHandle, ValueView onTime, ValueView lateNoApology,
                           ValueView meanDays) {
    }

    public record CaseRow(String caseId, String procedureCode, String procedureName, String channel,
                          String channelText, String receivedAt, String receivedAtText, String dueAt,
                          String dueAtText, String effectiveDueAt, String effectiveDueAtText, String finishedAt,
                          String finishedAtText, String apologyIssuedAt, String apologyIssuedAtText,
                          String apologyDeadlineText, String applicant, String detail) {
    }

    public record CasePage(String rule, PeriodView period, long total, int page, int pageSize, long pages,
                           List<CaseRow> rows) {
    }

    public record ListItem(String code, String name, String kindText, String groupText, String searchKey) {
    }

    /** The agencies this user may open, in Vietnamese order, for the agency picker. */
    public void list(Context ctx) {
        ViewRequest view = ViewRequest.of(ctx, results);
        Language lang = view.language();
        ctx.json(view.scope().agencies().stream().sorted(VietnameseOrder.by(Agency::name))
                .map(a -> new ListItem(a.code(), a.name(), Names.kind(lang, a.kind()),
                        view.catalogue().groupName(a.groupCode(), lang),
                        Diacritics.fold(a.name())))
                .toList());
    }

    /** {@code /agency}: an agency viewer goes to its own agency; others get the searchable list. */
    public void pickerPage(Context ctx) {
        User user = AccessControl.user(ctx);
        if (!user.role().isProvinceWide()) {
            ctx.redirect("/agency/" + user.agencyCode());
            return;
        }
        PageFiles.serve(ctx, "agency");
    }

    /** {@code /agency/{code}}: the page, after checking the user may see this agency. */
    public void page(Context ctx) {
        String code = ctx.pathParam("code");
        Optional<RunCatalogue> catalogue = results.current();
        if (catalogue.isPresent()) {
            AgencyScope.of(AccessControl.user(ctx), catalogue.get()).require(code);
        } else if (!AccessControl.user(ctx).role().isProvinceWide()
                && !code.equals(AccessControl.user(ctx).agencyCode())) {
            throw new ForbiddenResponse();
        }
        PageFiles.serve(ctx, "agency");
    }

    public void api(Context ctx) {
        ViewRequest view = ViewRequest.of(ctx, results);
        Agency agency = view.scope().require(ctx.pathParam("code"));
        cache.json(ctx, view, () -> agencyPage(view, agency));
    }

    private AgencyPage agencyPage(ViewRequest view, Agency agency) {
        Formats f = view.formats();
        Language lang = f.language();
        RunCatalogue catalogue = view.catalogue();
        PeriodValues values = new PeriodValues(results.valuesByScope(view.runId(), view.period()));
        // The peers' median is made of other agencies' values: province-wide users only (decision 39).
        boolean comparesWithPeers = view.scope().isProvinceWide();
        List<Agency> peers = !comparesWithPeers ? List.of() : catalogue.agencies().stream()
                .filter(a -> a.groupCode().equals(agency.groupCode())).toList();

        List<IndicatorRow> indicators = new ArrayList<>();
        List<ReportCell> report06 = new ArrayList<>();
        for (Indicator i : catalogue.indicators()) {
            ValueView own = ValueView.of(i, values.get(agency.code(), i.id()), f);
            if (Indicator.CATEGORY_REPORT06.equals(i.category())) {
                report06.add(new ReportCell(IndicatorView.of(i, f, view.catalogue()), own));
                continue;
            }
            BigDecimal median = median(peers.stream().map(p -> values.get(p.code(), i.id()))
                    .map(v -> v == null ? null : v.headline(i)).filter(v -> v != null).toList());
            indicators.add(new IndicatorRow(IndicatorView.of(i, f, view.catalogue()), own,
                    ValueView.of(i, values.get(provinceCode, i.id()), f), median,
                    comparesWithPeers ? numberText(i, median, f) : null));
        }
        Map<String, Long> counts = flagCounts(catalogue, values, agency.code());
        List<RuleCount> rules = ruleIds(catalogue, counts).stream().map(id -> {
            Optional<Rule> rule = catalogue.rule(id);
            return new RuleCount(id, rule.map(r -> id + " · " + r.name(lang)).orElse(id), counts.getOrDefault(id, 0L),
                    rule.map(Rule::flags).orElse(Rule.DOSSIERS),
                    rule.map(Rule::basis).orElse(null), rule.map(r -> r.threshold(lang)).orElse(null));
        }).toList();
        List<AgencyRef> children = catalogue.children(agency.code()).stream()
                .filter(c -> view.scope().canSee(c.code()))
                .sorted(VietnameseOrder.by(Agency::name)).map(c -> new AgencyRef(c.code(), c.name())).toList();
        Trend trend = Trend.of(results, view, List.of(new Trend.Scope(agency.code(), agency.name()),
                new Trend.Scope(provinceCode, provinceName)));
        return new AgencyPage(PeriodView.of(view.period(), f), info(agency, view), children, indicators,
                report06, rules, trend, fields(view, agency.code()), comparesWithPeers);
    }

    /** The agency's fields (lĩnh vực) for the period, as the publisher broke them down. */
    private List<FieldRow> fields(ViewRequest view, String agencyCode) {
        Formats f = view.formats();
        Map<String, Map<String, PublishedResults.FieldValue>> byField = new java.util.TreeMap<>();
        for (var v : results.fieldValues(view.runId(), agencyCode, view.period())) {
            byField.computeIfAbsent(v.fieldCode(), k -> new java.util.HashMap<>()).put(v.indicatorId(), v);
        }
        List<FieldRow> rows = new ArrayList<>();
        for (var e : byField.entrySet()) {
            var any = e.getValue().values().iterator().next();
            rows.add(new FieldRow(e.getKey(), any.fieldName() == null ? e.getKey() : any.fieldName(),
                    fieldValue(view, e.getValue(), "06a.3", f), fieldValue(view, e.getValue(), "766.2.1", f),
                    fieldValue(view, e.getValue(), "R01.rate", f), fieldValue(view, e.getValue(), "766.2.2", f)));
        }
        rows.sort(java.util.Comparator.comparing((FieldRow r) -> r.toHandle() == null || r.toHandle().numerator() == null
                ? BigDecimal.ZERO : r.toHandle().numerator()).reversed());
        return rows;
    }

    private static ValueView fieldValue(ViewRequest view, Map<String, PublishedResults.FieldValue> values, String id,
                                        Formats f) {
        var v = values.get(id);
        Optional<Indicator> indicator = view.catalogue().indicator(id);
        if (v == null || indicator.isEmpty()) {
            return null;
        }
        return ValueView.of(indicator.get(), new PubValue(null, PubValue.AGENCY, id, v.numerator(), v.denominator(),
                v.valuePct(), null, null), f);
    }

    private AgencyInfo info(Agency a, ViewRequest view) {
        Language lang = view.language();
        Formats f = view.formats();
        AgencyRef parent = ref(view, a.parentCode());
        AgencyRef successor = ref(view, a.successorCode());
        return new AgencyInfo(a.code(), a.name(), a.kind(), Names.kind(lang, a.kind()), a.groupCode(),
                view.catalogue().groupName(a.groupCode(), lang), f.date(a.validFrom()), f.date(a.validTo()), parent,
                successor);
    }

    /** A related agency: with its name and a link only when this user may see it, else its code alone. */
    private static AgencyRef ref(ViewRequest view, String code) {
        if (code == null) {
            return null;
        }
        return view.scope().canSee(code)
                ? new AgencyRef(code, view.catalogue().agency(code).map(Agency::name).orElse(code))
                : new AgencyRef(code, null);
    }

    /**
     * Flags per rule: the numerator of the rule's agency rate, which counts exactly the rows of the agency's flag
     * list for the period (inspection.md; a flag row per dossier × rule × period, for R12 per procedure × month,
     * decision 63). Read from the period's values in memory: counting the flags took 77 ms for one agency's range at
     * 10 million dossiers.
     */
    private static Map<String, Long> flagCounts(RunCatalogue catalogue, PeriodValues values, String agencyCode) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Rule rule : catalogue.rules()) {
            PubValue rate = values.get(agencyCode, rule.rateIndicatorId());
            if (rate != null && rate.numerator() != null && rate.numerator().signum() > 0) {
                counts.put(rule.id(), rate.numerator().longValueExact());
            }
        }
        return counts;
    }

    /**
     * The agency's flags of a rule in the period as the agency page counts them: its rate's numerator (decision 77),
     * read from the period's values in memory; empty when the run has no such rule or value (then they are counted).
     */
    private OptionalLong flagCount(ViewRequest view, String agencyCode, String ruleId) {
        Optional<Rule> rule = view.catalogue().rule(ruleId);
        if (rule.isEmpty() || !rule.get().flagsDossiers()) {
            return OptionalLong.empty();
        }
        PubValue rate = new PeriodValues(results.valuesByScope(view.runId(), view.period()))
                .get(agencyCode, rule.get().rateIndicatorId());
        return rate == null || rate.numerator() == null ? OptionalLong.empty()
                : OptionalLong.of(rate.numerator().longValueExact());
    }

    /** The run's rules and any other rule with flags, in id order. */
    private static List<String> ruleIds(RunCatalogue catalogue, Map<String, Long> counts) {
        Set<String> ids = new TreeSet<>(counts.keySet());
        catalogue.rules().forEach(r -> ids.add(r.id()));
        return new ArrayList<>(ids);
    }

    /** A statistic of an indicator's values (a median) in the indicator's unit. */
    static String numberText(Indicator i, BigDecimal n, Formats f) {
        if (n == null) {
            return f.noData();
        }
        return switch (i.unit()) {
            case Indicator.UNIT_PERCENT -> f.percent(n);
            case Indicator.UNIT_DAYS -> ValueView.withUnit(i, n, f);
            default -> f.trimmed(n);
        };
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

    /** What a list of one agency's flags asks for, checked: the agency in the user's scope, a rule id, a page. */
    private record FlagListRequest(ViewRequest view, Agency agency, String rule, int page, int size) {
        static FlagListRequest of(Context ctx, PublishedResults results, String defaultRule) {
            ViewRequest view = ViewRequest.of(ctx, results);
            Agency agency = view.scope().require(ctx.pathParam("code"));
            String rule = ctx.queryParam("rule") == null ? defaultRule : ctx.queryParam("rule");
            if (!RULE_ID.matcher(rule).matches()) {
                throw new BadRequestResponse("Unknown rule '" + rule + "'");
            }
            int page = intParam(ctx, "page", 1);
            int size = Math.min(Page.MAX_SIZE, Math.max(1, intParam(ctx, "size", Page.DEFAULT_SIZE)));
            return new FlagListRequest(view, agency, rule, page, size);
        }
    }

    public void cases(Context ctx) {
        FlagListRequest r = FlagListRequest.of(ctx, results, "R01");
        ViewRequest view = r.view();
        String rule = r.rule();
        Page<CaseFlag> flags = results.flags(view.runId(), r.agency().code(), rule, view.period(), r.page(), r.size(),
                flagCount(view, r.agency().code(), rule));
        Formats f = view.formats();
        List<CaseRow> rows = flags.rows().stream().map(c -> caseRow(c, f)).toList();
        ctx.json(new CasePage(rule, PeriodView.of(view.period(), f), flags.total(), flags.page(), flags.pageSize(),
                flags.pages(), rows));
    }

    /** A procedure-month an agency-level rule (R12) flagged, with what the rule saw. */
    public record ProcedureFlagRow(String procedureCode, String procedureName, String month, String monthText,
                                   int peers, int activePeers, String peersText, long monthDossiers,
                                   String monthDossiersText, BigDecimal monthlyMedian, String monthlyMedianText,
                                   int historyMonths, String detail) {
    }

    public record ProcedureFlagPage(String rule, PeriodView period, long total, int page, int pageSize, long pages,
                                    List<ProcedureFlagRow> rows) {
    }

    /** {@code /api/agencies/{code}/procedure-flags?rule=R12}: the procedure-months behind an agency-level rule. */
    public void procedureFlags(Context ctx) {
        FlagListRequest r = FlagListRequest.of(ctx, results, "R12");
        ViewRequest view = r.view();
        String rule = r.rule();
        Page<ProcedureFlag> flags = results.procedureFlags(view.runId(), r.agency().code(), rule, view.period(),
                r.page(), r.size());
        Formats f = view.formats();
        List<ProcedureFlagRow> rows = flags.rows().stream().map(p -> new ProcedureFlagRow(p.procedureCode(),
                p.procedureName(), p.monthStart().toString().substring(0, 7), f.month(p.monthStart()), p.peers(),
                p.activePeers(), f.count(p.activePeers()) + " / " + f.count(p.peers()), p.monthDossiers(),
                f.count(p.monthDossiers()), p.monthlyMedian(), f.trimmed(p.monthlyMedian()), p.historyMonths(),
                p.detail(f.language()))).toList();
        ctx.json(new ProcedureFlagPage(rule, PeriodView.of(view.period(), f), flags.total(), flags.page(),
                flags.pageSize(), flags.pages(), rows));
    }

    private static CaseRow caseRow(CaseFlag c, Formats f) {
        Language lang = f.language();
        return new CaseRow(c.caseId(), c.procedureCode(), c.procedureName(), c.channel(),
                c.channel() == null ? null : Labels.getOrDefault(lang, "channel." + c.channel(), c.channel()),
                iso(c.receivedAt()), f.dateTime(c.receivedAt()), iso(c.dueAt()), f.dateTime(c.dueAt()),
                iso(c.effectiveDueAt()), f.dateTime(c.effectiveDueAt()), iso(c.finishedAt()),
                c.finishedAt() == null ? Labels.get(lang, "cases.not_finished") : f.dateTime(c.finishedAt()),
                iso(c.apologyIssuedAt()),
                c.apologyIssuedAt() == null ? Labels.get(lang, "cases.no_apology") : f.dateTime(c.apologyIssuedAt()),
                f.dateTime(c.apologyDeadline()), c.applicantMasked(),
                c.detail(lang));
    }

    static String iso(LocalDateTime t) {
        return t == null ? null : t.toString();
    }

    static int intParam(Context ctx, String name, int fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(name + " must be a whole number");
        }
    }
}
