package vn.onestop.inspection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import vn.onestop.core.store.Store;
import vn.onestop.inspection.published.PeriodRef;
import vn.onestop.inspection.store.Db;

/**
 * Writes a published run into a store as the publisher does, one readable line per fact:
 * {@code PublishedRun.in(store, "run-1").agency("S_TP", "Sở Tư pháp", "department").risk("S_TP", Q1, "45.50", 1).publish()}.
 */
public final class PublishedRun {
    public static final PeriodRef Q1_2024 = new PeriodRef("quarter", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));
    public static final PeriodRef MARCH_2024 = new PeriodRef("month", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));

    private final Db db;
    private final String runId;

    private PublishedRun(Store store, String runId) {
        this.db = new Db(store);
        this.runId = runId;
        db.update("INSERT INTO run (run_id, trigger_kind, status, started_at, finished_at, period_from, period_to, "
                        + "points_profile, formula_version) VALUES (?, 'manual', 'succeeded', ?, ?, ?, ?, 'dvcqg-2025', 'f1')",
                runId, LocalDateTime.of(2024, 4, 2, 2, 0), LocalDateTime.of(2024, 4, 2, 2, 7), LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 3, 31));
        period(Q1_2024).period(MARCH_2024);
    }

    public static PublishedRun in(Store store, String runId) {
        return new PublishedRun(store, runId);
    }

    public PublishedRun period(PeriodRef p) {
        db.update("INSERT INTO pub_period (run_id, period_kind, period_start, period_end, is_report, is_clipped) "
                + "VALUES (?, ?, ?, ?, FALSE, FALSE)", runId, p.kind(), p.start(), p.end());
        return this;
    }

    public PublishedRun agency(String code, String name, String kind) {
        return agency(code, name, kind, null, null);
    }

    public PublishedRun agency(String code, String name, String kind, String parent, LocalDate validTo) {
        db.update("INSERT INTO pub_agency (run_id, agency_code, name, kind, parent_code, valid_from, valid_to, "
                        + "successor_code, group_code) VALUES (?, ?, ?, ?, ?, NULL, ?, NULL, ?)",
                runId, code, name, kind, parent, validTo, "GROUP_" + kind.toUpperCase());
        return this;
    }

    /** A scored agency's risk in the period. */
    public PublishedRun risk(String agency, PeriodRef p, String score, int rank, int peers, String reasons) {
        db.update("INSERT INTO pub_risk (run_id, agency_code, period_kind, period_start, peer_group, dossiers, scored, "
                        + "score, peer_rank, peer_size, outliers, reasons_vi, reasons_en) "
                        + "VALUES (?, ?, ?, ?, 'G', 100, TRUE, ?, ?, ?, 0, ?, ?)",
                runId, agency, p.kind(), p.start(), new BigDecimal(score), rank, peers, reasons, "EN " + reasons);
        return this;
    }

    public PublishedRun notScored(String agency, PeriodRef p, int dossiers) {
        db.update("INSERT INTO pub_risk (run_id, agency_code, period_kind, period_start, peer_group, dossiers, scored, "
                        + "score, peer_rank, peer_size, outliers, reasons_vi, reasons_en) "
                        + "VALUES (?, ?, ?, ?, 'G', ?, FALSE, NULL, NULL, NULL, 0, ?, ?)",
                runId, agency, p.kind(), p.start(), dossiers, "Chưa chấm điểm: " + dossiers + " hồ sơ",
                "Not scored: " + dossiers + " dossiers");
        return this;
    }

    public PublishedRun riskInput(String agency, PeriodRef p, String input, String value, String median, boolean outlier,
                                  String weight, String contribution) {
        db.update("INSERT INTO pub_risk_input (run_id, agency_code, period_kind, period_start, input_id, input_value, "
                        + "peer_median, outlier_above, outlier, weight, contribution) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
                runId, agency, p.kind(), p.start(), input, new BigDecimal(value), new BigDecimal(median), outlier,
                new BigDecimal(weight), new BigDecimal(contribution));
        return this;
    }

    public PublishedRun indicator(String id, String category, String nameVi, String unit, Integer points,
                                  Integer target, String direction, int order) {
        db.update("INSERT INTO pub_indicator (run_id, indicator_id, category, name_vi, name_en, unit, points, target_pct, "
                        + "basis, formula_vi, formula_en, sort_order, direction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId, id, category, nameVi, "EN " + nameVi, unit, points == null ? null : BigDecimal.valueOf(points),
                target == null ? null : BigDecimal.valueOf(target),
                "Quyết định 766/QĐ-TTg", "Công thức " + id, "Formula " + id, order, direction);
        return this;
    }

    /** A value; rates as text so that 90.91 stays exact; null for no data. */
    public PublishedRun value(String scope, PeriodRef p, String indicator, Integer numerator, Integer denominator,
                              String pct) {
        db.update("INSERT INTO pub_value (run_id, scope_code, scope_kind, period_kind, period_start, period_end, "
                        + "indicator_id, numerator, denominator, value_pct) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId, scope, scope.equals("TINH") ? "province" : scope.startsWith("GROUP") ? "group" : "agency",
                p.kind(), p.start(), p.end(), indicator, numerator == null ? null : BigDecimal.valueOf(numerator),
                denominator == null ? null : BigDecimal.valueOf(denominator), pct == null ? null : new BigDecimal(pct));
        return this;
    }

    public PublishedRun rule(String id, String nameVi, String basis, String threshold) {
        db.update("INSERT INTO pub_rule (run_id, rule_id, name_vi, name_en, basis, threshold_vi, threshold_en) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", runId, id, nameVi, "EN " + nameVi, basis, threshold, "EN " + threshold);
        return this;
    }

    public PublishedRun procedure(String code, String name, String field, String fieldName) {
        db.update("INSERT INTO pub_procedure (run_id, procedure_code, name, field_code, field_name) VALUES (?, ?, ?, ?, ?)",
                runId, code, name, field, fieldName);
        return this;
    }

    public PublishedRun flag(String rule, String caseId, String agency, PeriodRef p, LocalDateTime received,
                             LocalDateTime due, LocalDateTime finished, String applicant, String detail) {
        db.update("INSERT INTO pub_case_flag (run_id, rule_id, case_id, period_kind, agency_code, procedure_code, "
                        + "procedure_name, channel, status, received_at, due_at, effective_due_at, finished_at, "
                        + "apology_issued_at, apology_deadline, applicant_masked, period_start, detail_vi, detail_en) "
                        + "VALUES (?, ?, ?, ?, ?, '1.001', 'Cấp phiếu lý lịch tư pháp', 'ONLINE', 10, ?, ?, ?, ?, NULL, "
                        + "NULL, ?, ?, ?, ?)",
                runId, rule, caseId, p.kind(), agency, received, due, due, finished, applicant, p.start(), detail,
                "EN " + detail);
        return this;
    }

    /** A procedure-month an agency-level rule (R12) flagged (pub_agency_flag). */
    public PublishedRun agencyFlag(String rule, String agency, String procedure, String procedureName, PeriodRef p,
                                   java.time.LocalDate month, int peers, int activePeers, long monthDossiers,
                                   String median, String detail) {
        db.update("INSERT INTO pub_agency_flag (run_id, rule_id, agency_code, procedure_code, procedure_name, period_kind, "
                        + "period_start, month_start, peers, active_peers, month_dossiers, monthly_median, history_months, "
                        + "detail_vi, detail_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 12, ?, ?)",
                runId, rule, agency, procedure, procedureName, p.kind(), p.start(), month, peers, activePeers,
                monthDossiers, new BigDecimal(median), detail, "EN " + detail);
        return this;
    }

    public PublishedRun timeline(String caseId, int seq, LocalDateTime at, String kind, String label) {
        db.update("INSERT INTO pub_case_timeline (run_id, case_id, seq, at, event_kind, status, label, unit, officer) "
                + "VALUES (?, ?, ?, ?, ?, NULL, ?, NULL, NULL)", runId, caseId, seq, at, kind, label);
        return this;
    }

    public PublishedRun dossier(String caseId, String agency, String procedure, String field, LocalDateTime received) {
        db.update("INSERT INTO pub_case_register (run_id, case_id, agency_code, procedure_code, field_code, received_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", runId, caseId, agency, procedure, field, received);
        return this;
    }

    /** Points current_run at this run. */
    public PublishedRun publish() {
        db.update("DELETE FROM current_run");
        db.update("INSERT INTO current_run (id, run_id, published_at) VALUES (1, ?, ?)", runId,
                LocalDateTime.of(2024, 4, 2, 2, 8));
        return this;
    }
}
