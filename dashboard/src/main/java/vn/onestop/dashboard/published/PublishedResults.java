package vn.onestop.dashboard.published;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.sql.Sql;

/**
 * Reads the published run — only the one {@code current_run} points to. Its catalogue is kept in memory until
 * another run is published, with the periods' values, the trends and the field names people look at (decision 71);
 * flags, dossiers and timelines are read per request through the store's indexes.
 */
public final class PublishedResults {
    /** About 35 MB of values: a dozen periods of a province of 200 agencies and groups (decision 71). */
    static final int MAX_CACHED_VALUES = 150_000;

    private final Store store;
    private final AtomicReference<RunCatalogue> cached = new AtomicReference<>();
    /** Every scope's values of a period: what the overview, ranking, agency and indicator pages all start from. */
    private final BoundedCache<PeriodData> periodValues = new BoundedCache<>(MAX_CACHED_VALUES, d -> d.all().size());
    private final BoundedCache<Map<String, String>> fieldNames = new BoundedCache<>(2, m -> 1);

    /** A period's values as read, and by scope code then indicator id. */
    private record PeriodData(List<PubValue> all, Map<String, Map<String, PubValue>> byScope) {
        static PeriodData of(List<PubValue> values) {
            Map<String, Map<String, PubValue>> byScope = new HashMap<>();
            values.forEach(v -> byScope.computeIfAbsent(v.scopeCode(), k -> new HashMap<>()).put(v.indicatorId(), v));
            byScope.replaceAll((scope, m) -> Map.copyOf(m));
            return new PeriodData(List.copyOf(values), Map.copyOf(byScope));
        }
    }

    public PublishedResults(Store store) {
        this.store = store;
    }

    /** The catalogue of the published run, or empty before the first publish. */
    public Optional<RunCatalogue> current() {
        Optional<Publication> pointer = Sql.first(store,
                "SELECT run_id, published_at FROM current_run WHERE id = 1",
                rs -> new Publication(rs.getString("run_id"), Sql.time(rs, "published_at")));
        if (pointer.isEmpty()) {
            return Optional.empty();
        }
        RunCatalogue known = cached.get();
        Publication now = pointer.get();
        if (known != null && known.runId().equals(now.runId()) && known.publishedAt().equals(now.publishedAt())) {
            return Optional.of(known);
        }
        RunCatalogue loaded = load(now);
        cached.set(loaded);
        periodValues.clear();
        fieldNames.clear();
        return Optional.of(loaded);
    }

    private record Publication(String runId, LocalDateTime publishedAt) {
    }

    private RunCatalogue load(Publication publication) {
        String runId = publication.runId();
        RunInfo run = RunHistory.run(store, runId).orElseThrow();
        List<Indicator> indicators = Sql.list(store,
                "SELECT indicator_id, category, name_vi, name_en, unit, points, target_pct, basis, formula_vi, "
                        + "formula_en, sort_order, direction FROM pub_indicator WHERE run_id = ?",
                rs -> new Indicator(rs.getString("indicator_id"), rs.getString("category"), rs.getString("name_vi"),
                        rs.getString("name_en"), rs.getString("unit"), Sql.decimal(rs, "points"),
                        Sql.decimal(rs, "target_pct"), rs.getString("basis"), rs.getString("formula_vi"),
                        rs.getString("formula_en"), rs.getInt("sort_order"), rs.getString("direction")),
                runId);
        List<Agency> agencies = Sql.list(store,
                "SELECT agency_code, name, kind, parent_code, valid_from, valid_to, successor_code, group_code "
                        + "FROM pub_agency WHERE run_id = ?",
                rs -> new Agency(rs.getString("agency_code"), rs.getString("name"), rs.getString("kind"),
                        rs.getString("parent_code"), Sql.date(rs, "valid_from"), Sql.date(rs, "valid_to"),
                        rs.getString("successor_code"), rs.getString("group_code")),
                runId);
        List<AgencyGroup> groups = Sql.list(store,
                "SELECT group_code, kind, name_vi, name_en FROM pub_group WHERE run_id = ? ORDER BY group_code",
                rs -> new AgencyGroup(rs.getString("group_code"), rs.getString("kind"), rs.getString("name_vi"),
                        rs.getString("name_en")),
                runId);
        List<Rule> rules = Sql.list(store,
                "SELECT rule_id, name_vi, name_en, basis, threshold_vi, threshold_en, flags FROM pub_rule "
                        + "WHERE run_id = ?",
                rs -> new Rule(rs.getString("rule_id"), rs.getString("name_vi"), rs.getString("name_en"),
                        rs.getString("basis"), rs.getString("threshold_vi"), rs.getString("threshold_en"),
                        rs.getString("flags")),
                runId);
        List<Period> periods = Sql.list(store,
                "SELECT period_kind, period_start, period_end, is_report, is_clipped FROM pub_period WHERE run_id = ?",
                rs -> new Period(rs.getString("period_kind"), Sql.date(rs, "period_start"), Sql.date(rs, "period_end"),
                        rs.getBoolean("is_report"), rs.getBoolean("is_clipped")),
                runId);
        return new RunCatalogue(run, publication.publishedAt(), indicators, agencies, groups, rules, periods);
    }

    /** One indicator for one field (lĩnh vực) of one scope and period. */
    public record FieldValue(String fieldCode, String fieldName, String indicatorId, BigDecimal numerator,
                             BigDecimal denominator, BigDecimal valuePct) {
    }

    /**
     * A scope's dossier indicators per field (lĩnh vực) in a period; published for quarters, years and the range
     * only (empty for other periods).
     */
    public List<FieldValue> fieldValues(String runId, String scopeCode, Period period) {
        Map<String, String> names = fieldNames(runId);
        return Sql.list(store, "SELECT dim_code, indicator_id, numerator, denominator, value_pct FROM pub_value_dim "
                        + "WHERE run_id = ? AND dimension = 'field' AND scope_code = ? AND period_kind = ? "
                        + "AND period_start = ? ORDER BY dim_code, indicator_id",
                rs -> new FieldValue(rs.getString("dim_code"), names.get(rs.getString("dim_code")),
                        rs.getString("indicator_id"), Sql.decimal(rs, "numerator"), Sql.decimal(rs, "denominator"),
                        Sql.decimal(rs, "value_pct")),
                runId, scopeCode, period.kind(), period.start());
    }

    /** The run's fields (lĩnh vực) by code, read once per run. */
    private Map<String, String> fieldNames(String runId) {
        return fieldNames.get(runId, () -> {
            Map<String, String> names = new HashMap<>();
            Sql.list(store, "SELECT DISTINCT field_code, field_name FROM pub_procedure WHERE run_id = ? "
                            + "AND field_code IS NOT NULL ORDER BY field_code, field_name",
                    rs -> Map.entry(rs.getString(1), rs.getString(2) == null ? rs.getString(1) : rs.getString(2)),
                    runId).forEach(e -> names.putIfAbsent(e.getKey(), e.getValue()));
            return Map.copyOf(names);
        });
    }

    /** Every value of every scope in a period (unmodifiable; kept in memory while people look at the period). */
    public List<PubValue> values(String runId, Period period) {
        return period(runId, period).all();
    }

    /**
     * The same values by scope code, then indicator id (unmodifiable): built once per cached period, so that pages
     * and the trend's twelve months look values up instead of scanning or querying per agency.
     */
    public Map<String, Map<String, PubValue>> valuesByScope(String runId, Period period) {
        return period(runId, period).byScope();
    }

    private PeriodData period(String runId, Period period) {
        return periodValues.get(runId + '|' + period.kind() + '|' + period.start(), () -> PeriodData.of(Sql.list(store,
                "SELECT scope_code, scope_kind, indicator_id, numerator, denominator, value_pct, points, max_points "
                        + "FROM pub_value WHERE run_id = ? AND period_kind = ? AND period_start = ?",
                PublishedResults::value, runId, period.kind(), period.start())));
    }

    /** One indicator's values of every scope in a period. */
    public List<PubValue> values(String runId, Period period, String indicatorId) {
        return values(runId, period).stream().filter(v -> v.indicatorId().equals(indicatorId)).toList();
    }

    private static PubValue value(ResultSet rs) throws SQLException {
        // Interned: a cached period holds thousands of rows naming the same few hundred scopes and indicators.
        return new PubValue(rs.getString("scope_code").intern(), rs.getString("scope_kind").intern(),
                rs.getString("indicator_id").intern(),
                Sql.decimal(rs, "numerator"), Sql.decimal(rs, "denominator"), Sql.decimal(rs, "value_pct"),
                Sql.decimal(rs, "points"), Sql.decimal(rs, "max_points"));
    }

    private static final String FLAG_COLUMNS = "SELECT rule_id, case_id, agency_code, procedure_code, procedure_name, "
            + "channel, status, received_at, due_at, effective_due_at, finished_at, apology_issued_at, apology_deadline, "
            + "applicant_masked, detail_vi, detail_en, period_kind, period_start";

    /**
     * One page of an agency's dossiers flagged by a rule in a period, oldest reception first. {@code knownTotal}: the
     * number of those flags when the caller has it (the rule rate's numerator); else they are counted here, which
     * for an agency's whole range at 10 million dossiers took tens of milliseconds.
     */
    public Page<CaseFlag> flags(String runId, String agencyCode, String ruleId, Period period, int page, int size,
                                OptionalLong knownTotal) {
        String where = " FROM pub_case_flag WHERE run_id = ? AND agency_code = ? AND rule_id = ? AND period_kind = ? "
                + "AND period_start = ?";
        long total = knownTotal.isPresent() ? knownTotal.getAsLong()
                : Sql.count(store, "SELECT COUNT(*)" + where, runId, agencyCode, ruleId, period.kind(), period.start());
        // Reception order; the columns fixed by the WHERE come first so that H2, like PostgreSQL, reads the page in
        // the order of pub_case_flag_list (V9) instead of sorting all the agency's flags.
        List<CaseFlag> rows = Sql.list(store, FLAG_COLUMNS + where + " ORDER BY run_id, agency_code, rule_id, "
                        + "period_kind, period_start, received_at, case_id LIMIT ? OFFSET ?",
                PublishedResults::caseFlag, runId, agencyCode, ruleId, period.kind(), period.start(), size,
                Page.offset(page, size));
        return new Page<>(total, Math.max(1, page), size, rows);
    }

    /**
     * One page of the procedure-months an agency-level rule (R12) flagged for an agency in a period, month by month,
     * then by procedure code (pub_agency_flag: the rule has no dossier to list, decision 63).
     */
    public Page<ProcedureFlag> procedureFlags(String runId, String agencyCode, String ruleId, Period period, int page,
                                              int size) {
        String where = " FROM pub_agency_flag WHERE run_id = ? AND agency_code = ? AND rule_id = ? AND period_kind = ? "
                + "AND period_start = ?";
        long total = Sql.count(store, "SELECT COUNT(*)" + where, runId, agencyCode, ruleId, period.kind(), period.start());
        List<ProcedureFlag> rows = Sql.list(store, "SELECT rule_id, agency_code, procedure_code, procedure_name, "
                        + "month_start, peers, active_peers, month_dossiers, monthly_median, history_months, detail_vi, "
                        + "detail_en" + where + " ORDER BY month_start, procedure_code LIMIT ? OFFSET ?",
                rs -> new ProcedureFlag(rs.getString("rule_id"), rs.getString("agency_code"),
                        rs.getString("procedure_code"), rs.getString("procedure_name"), Sql.date(rs, "month_start"),
                        rs.getInt("peers"), rs.getInt("active_peers"), rs.getLong("month_dossiers"),
                        Sql.decimal(rs, "monthly_median"), rs.getInt("history_months"), rs.getString("detail_vi"),
                        rs.getString("detail_en")),
                runId, agencyCode, ruleId, period.kind(), period.start(), size, Page.offset(page, size));
        return new Page<>(total, Math.max(1, page), size, rows);
    }

    /** Every flag of one dossier, over all rules and periods. */
    public List<CaseFlag> flagsOfCase(String runId, String caseId) {
        return Sql.list(store, FLAG_COLUMNS + " FROM pub_case_flag WHERE run_id = ? AND case_id = ? "
                + "ORDER BY rule_id, period_kind, period_start", PublishedResults::caseFlag, runId, caseId);
    }

    private static CaseFlag caseFlag(ResultSet rs) throws SQLException {
        return new CaseFlag(rs.getString("rule_id"), rs.getString("case_id"), rs.getString("agency_code"),
                rs.getString("procedure_code"), rs.getString("procedure_name"), rs.getString("channel"),
                (Integer) rs.getObject("status", Integer.class), Sql.time(rs, "received_at"), Sql.time(rs, "due_at"),
                Sql.time(rs, "effective_due_at"), Sql.time(rs, "finished_at"), Sql.time(rs, "apology_issued_at"),
                Sql.time(rs, "apology_deadline"), rs.getString("applicant_masked"), rs.getString("detail_vi"),
                rs.getString("detail_en"), rs.getString("period_kind"), Sql.date(rs, "period_start"));
    }

    /** The evidence timeline of one flagged dossier, in order. */
    public List<TimelineEvent> timeline(String runId, String caseId) {
        return Sql.list(store, "SELECT seq, at, event_kind, status, label, unit, officer FROM pub_case_timeline "
                        + "WHERE run_id = ? AND case_id = ? ORDER BY seq",
                rs -> new TimelineEvent(rs.getInt("seq"), Sql.time(rs, "at"), rs.getString("event_kind"),
                        (Integer) rs.getObject("status", Integer.class), rs.getString("label"), rs.getString("unit"),
                        rs.getString("officer")),
                runId, caseId);
    }
}
