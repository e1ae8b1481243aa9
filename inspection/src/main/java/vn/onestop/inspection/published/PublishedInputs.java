package vn.onestop.inspection.published;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.onestop.core.store.Store;
import vn.onestop.inspection.store.Db;

/**
 * What the inspection module reads of a published run: agencies, periods, risk scores, values, rules, flagged
 * dossiers with their timelines and the dossier register. Any run may be read (a draw is verified against the run it
 * used), not only the current one.
 */
public final class PublishedInputs {
    /** The indicator counting CONDUCT feedback in a period: a complaint about staff triggers a surprise visit. */
    public static final String CONDUCT_FEEDBACK = "PAKN.conduct";

    private final Db db;

    public PublishedInputs(Store store) {
        this.db = new Db(store);
    }

    public Optional<String> currentRunId() {
        return db.first("SELECT run_id FROM current_run WHERE id = 1", rs -> rs.getString(1));
    }

    /** The current run's id, or an error that says what to do. */
    public String requireCurrentRun() {
        return currentRunId().orElseThrow(() -> new IllegalStateException(
                "No run is published yet: run 'ingest' or 'compute' first."));
    }

    public Optional<LocalDateTime> publishedAt(String runId) {
        return db.first("SELECT finished_at FROM run WHERE run_id = ?", rs -> Db.time(rs, "finished_at"), runId);
    }

    public boolean hasRun(String runId) {
        return db.first("SELECT 1 FROM pub_agency WHERE run_id = ? LIMIT 1", rs -> true, runId).isPresent();
    }

    public List<PublishedAgency> agencies(String runId) {
        return db.list("SELECT agency_code, name, kind, parent_code, valid_from, valid_to, group_code FROM pub_agency "
                        + "WHERE run_id = ? ORDER BY agency_code",
                rs -> new PublishedAgency(rs.getString("agency_code"), rs.getString("name"), rs.getString("kind"),
                        rs.getString("parent_code"), Db.date(rs, "valid_from"), Db.date(rs, "valid_to"),
                        rs.getString("group_code")),
                runId);
    }

    public Optional<PublishedAgency> agency(String runId, String code) {
        return agencies(runId).stream().filter(a -> a.code().equals(code)).findFirst();
    }

    public List<PeriodRef> periods(String runId) {
        return db.list("SELECT period_kind, period_start, period_end FROM pub_period WHERE run_id = ? "
                        + "ORDER BY period_start DESC, period_kind",
                rs -> new PeriodRef(rs.getString("period_kind"), Db.date(rs, "period_start"), Db.date(rs, "period_end")),
                runId);
    }

    /**
     * The run's period a short or long id names (a clipped period is found by its kind and start), or an error
     * listing how to name one.
     */
    public PeriodRef period(String runId, String id) {
        PeriodRef asked = PeriodRef.ofShortId(id);
        return periods(runId).stream()
                .filter(p -> p.kind().equals(asked.kind()) && p.start().equals(asked.start()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Run " + runId + " has no period " + id + "."));
    }

    /** The period inspection pages open on: the latest quarter of the run, else its latest month, else any. */
    public Optional<PeriodRef> defaultPeriod(String runId) {
        List<PeriodRef> all = periods(runId);
        for (String kind : List.of("quarter", "month")) {
            Optional<PeriodRef> latest = all.stream().filter(p -> p.kind().equals(kind))
                    .max(Comparator.comparing(PeriodRef::start));
            if (latest.isPresent()) {
                return latest;
            }
        }
        return all.stream().findFirst();
    }

    public Map<String, Risk> risks(String runId, PeriodRef period) {
        Map<String, Risk> out = new LinkedHashMap<>();
        db.list("SELECT agency_code, peer_group, dossiers, scored, score, peer_rank, peer_size, outliers, reasons_vi, "
                        + "reasons_en FROM pub_risk WHERE run_id = ? AND period_kind = ? AND period_start = ? "
                        + "ORDER BY agency_code",
                rs -> new Risk(rs.getString("agency_code"), rs.getString("peer_group"), rs.getLong("dossiers"),
                        rs.getBoolean("scored"), rs.getBigDecimal("score"),
                        rs.getObject("peer_rank", Integer.class), rs.getObject("peer_size", Integer.class),
                        rs.getInt("outliers"), rs.getString("reasons_vi"), rs.getString("reasons_en")),
                runId, period.kind(), period.start())
                .forEach(r -> out.put(r.agencyCode(), r));
        return out;
    }

    public List<RiskInput> riskInputs(String runId, PeriodRef period) {
        return db.list("SELECT agency_code, input_id, input_value, peer_median, outlier_above, outlier, weight, "
                        + "contribution FROM pub_risk_input WHERE run_id = ? AND period_kind = ? AND period_start = ? "
                        + "ORDER BY agency_code, input_id",
                rs -> new RiskInput(rs.getString("agency_code"), rs.getString("input_id"),
                        Db.decimal(rs, "input_value"), Db.decimal(rs, "peer_median"), Db.decimal(rs, "outlier_above"),
                        rs.getBoolean("outlier"), Db.decimal(rs, "weight"), Db.decimal(rs, "contribution")),
                runId, period.kind(), period.start());
    }

    /** CONDUCT feedback received in the period per agency (agencies with none are left out). */
    public Map<String, Long> conductFeedback(String runId, PeriodRef period) {
        Map<String, Long> out = new HashMap<>();
        db.list("SELECT scope_code, numerator FROM pub_value WHERE run_id = ? AND scope_kind = 'agency' "
                        + "AND period_kind = ? AND period_start = ? AND indicator_id = ? AND numerator > 0",
                rs -> Map.entry(rs.getString(1), rs.getBigDecimal(2).longValue()),
                runId, period.kind(), period.start(), CONDUCT_FEEDBACK)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public List<IndicatorInfo> indicators(String runId) {
        return db.list("SELECT indicator_id, category, name_vi, unit, points, target_pct, basis, direction, sort_order, "
                        + "unit_vi FROM pub_indicator WHERE run_id = ? ORDER BY sort_order, indicator_id",
                rs -> new IndicatorInfo(rs.getString("indicator_id"), rs.getString("category"), rs.getString("name_vi"),
                        rs.getString("unit"), Db.decimal(rs, "points"), Db.decimal(rs, "target_pct"),
                        rs.getString("basis"),
                        "lower".equals(rs.getString("direction")), rs.getInt("sort_order"), rs.getString("unit_vi")),
                runId);
    }

    /** Every value of the given scopes in a period: scope → indicator → value. */
    public Map<String, Map<String, Value>> values(String runId, PeriodRef period, Collection<String> scopes) {
        Map<String, Map<String, Value>> out = new HashMap<>();
        db.list("SELECT scope_code, indicator_id, numerator, denominator, value_pct FROM pub_value "
                        + "WHERE run_id = ? AND period_kind = ? AND period_start = ?",
                rs -> new Value(rs.getString("scope_code"), rs.getString("indicator_id"), Db.decimal(rs, "numerator"),
                        Db.decimal(rs, "denominator"), Db.decimal(rs, "value_pct")),
                runId, period.kind(), period.start()).stream()
                .filter(v -> scopes.contains(v.scopeCode()))
                .forEach(v -> out.computeIfAbsent(v.scopeCode(), k -> new HashMap<>()).put(v.indicatorId(), v));
        return out;
    }

    public Map<String, RuleInfo> rules(String runId) {
        Map<String, RuleInfo> out = new LinkedHashMap<>();
        db.list("SELECT rule_id, name_vi, name_en, basis, threshold_vi FROM pub_rule WHERE run_id = ? ORDER BY rule_id",
                rs -> new RuleInfo(rs.getString("rule_id"), rs.getString("name_vi"), rs.getString("name_en"),
                        rs.getString("basis"), rs.getString("threshold_vi")),
                runId).forEach(r -> out.put(r.id(), r));
        return out;
    }

    /** An agency's flagged dossiers in a period, by rule, then reception. */
    public List<Flag> flags(String runId, String agencyCode, PeriodRef period) {
        return db.list("SELECT rule_id, case_id, agency_code, procedure_code, procedure_name, channel, received_at, "
                        + "due_at, effective_due_at, finished_at, apology_issued_at, applicant_masked, detail_vi "
                        + "FROM pub_case_flag WHERE run_id = ? AND agency_code = ? AND period_kind = ? "
                        + "AND period_start = ? ORDER BY rule_id, received_at, case_id",
                PublishedInputs::flag, runId, agencyCode, period.kind(), period.start());
    }

    /** An agency's procedure-months flagged by agency-level rules (R12) in a period, by rule, month, procedure. */
    public List<ProcedureMonthFlag> procedureFlags(String runId, String agencyCode, PeriodRef period) {
        return db.list("SELECT rule_id, procedure_code, procedure_name, month_start, peers, active_peers, "
                        + "month_dossiers, monthly_median, history_months, detail_vi FROM pub_agency_flag "
                        + "WHERE run_id = ? AND agency_code = ? AND period_kind = ? AND period_start = ? "
                        + "ORDER BY rule_id, month_start, procedure_code",
                rs -> new ProcedureMonthFlag(rs.getString("rule_id"), rs.getString("procedure_code"),
                        rs.getString("procedure_name"), rs.getObject("month_start", java.time.LocalDate.class),
                        rs.getInt("peers"), rs.getInt("active_peers"), rs.getLong("month_dossiers"),
                        rs.getBigDecimal("monthly_median"), rs.getInt("history_months"), rs.getString("detail_vi")),
                runId, agencyCode, period.kind(), period.start());
    }

    /** The flags of one dossier and rule in any period of the run (empty: the run never flagged it so). */
    public List<Flag> flagsOf(String runId, String caseId, String ruleId) {
        return db.list("SELECT rule_id, case_id, agency_code, procedure_code, procedure_name, channel, received_at, "
                        + "due_at, effective_due_at, finished_at, apology_issued_at, applicant_masked, detail_vi "
                        + "FROM pub_case_flag WHERE run_id = ? AND case_id = ? AND rule_id = ? ORDER BY period_start",
                PublishedInputs::flag, runId, caseId, ruleId);
    }

    private static Flag flag(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Flag(rs.getString("rule_id"), rs.getString("case_id"), rs.getString("agency_code"),
                rs.getString("procedure_code"), rs.getString("procedure_name"), rs.getString("channel"),
                Db.time(rs, "received_at"), Db.time(rs, "due_at"), Db.time(rs, "effective_due_at"),
                Db.time(rs, "finished_at"), Db.time(rs, "apology_issued_at"), rs.getString("applicant_masked"),
                rs.getString("detail_vi"));
    }

    /** The evidence timeline of the given dossiers, each in order. */
    public Map<String, List<TimelineStep>> timelines(String runId, Collection<String> caseIds) {
        Map<String, List<TimelineStep>> out = new HashMap<>();
        List<String> ids = new ArrayList<>(caseIds);
        for (int from = 0; from < ids.size(); from += 200) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 200));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> params = new ArrayList<>();
            params.add(runId);
            params.addAll(chunk);
            db.list("SELECT case_id, seq, at, event_kind, status, label, unit, officer FROM pub_case_timeline "
                            + "WHERE run_id = ? AND case_id IN (" + marks + ") ORDER BY case_id, seq",
                    rs -> new TimelineStep(rs.getString("case_id"), rs.getInt("seq"), Db.time(rs, "at"),
                            rs.getString("event_kind"), rs.getObject("status", Integer.class), rs.getString("label"),
                            rs.getString("unit"), rs.getString("officer")),
                    params.toArray())
                    .forEach(s -> out.computeIfAbsent(s.caseId(), k -> new ArrayList<>()).add(s));
        }
        return out;
    }

    /** The agency's dossiers received in the period, by case id. */
    public List<RegisteredDossier> register(String runId, String agencyCode, PeriodRef period) {
        return db.list("SELECT case_id, agency_code, procedure_code, field_code, received_at FROM pub_case_register "
                        + "WHERE run_id = ? AND agency_code = ? AND received_at >= ? AND received_at < ? ORDER BY case_id",
                rs -> new RegisteredDossier(rs.getString("case_id"), rs.getString("agency_code"),
                        rs.getString("procedure_code"), rs.getString("field_code"), Db.time(rs, "received_at")),
                runId, agencyCode, period.start().atStartOfDay(), period.end().plusDays(1).atStartOfDay());
    }

    /** Field code → field name, from the run's procedure catalogue. */
    public Map<String, String> fieldNames(String runId) {
        Map<String, String> out = new HashMap<>();
        db.list("SELECT DISTINCT field_code, field_name FROM pub_procedure WHERE run_id = ? AND field_code IS NOT NULL",
                rs -> Map.entry(rs.getString(1), rs.getString(2) == null ? rs.getString(1) : rs.getString(2)), runId)
                .forEach(e -> out.putIfAbsent(e.getKey(), e.getValue()));
        return out;
    }

    /** Procedure code → name, from the run's procedure catalogue. */
    public Map<String, String> procedureNames(String runId) {
        Map<String, String> out = new HashMap<>();
        db.list("SELECT procedure_code, name FROM pub_procedure WHERE run_id = ?",
                rs -> Map.entry(rs.getString(1), rs.getString(2)), runId)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
