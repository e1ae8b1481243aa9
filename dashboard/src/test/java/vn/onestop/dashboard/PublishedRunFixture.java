package vn.onestop.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.published.Period;
import vn.onestop.dashboard.sql.Sql;

/**
 * Writes a published run into a store the way the publisher does, one readable line per fact:
 * <pre>
 * PublishedRunFixture.in(store).run("run-1")
 *     .agency("S_TP", "Sở Tư pháp", "department", null, "GROUP_DEPARTMENT")
 *     .percentIndicator("766.2.1", "progress", "Hồ sơ xử lý trước hạn, đúng hạn", 20, null, 20)
 *     .value("S_TP", "agency", MARCH_2024, "766.2.1", 40, 44, "90.91", "18.18", "20")
 *     .publish();
 * </pre>
 */
final class PublishedRunFixture {
    static final Period MARCH_2024 = new Period(Period.MONTH, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
    static final Period FEBRUARY_2024 = new Period(Period.MONTH, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));
    static final Period Q1_2024 = new Period(Period.QUARTER, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));
    /** Kỳ báo cáo tháng 3/2024: 15/02–14/03/2024. */
    static final Period REPORT_MARCH_2024 =
            new Period(Period.REPORT_MONTH, LocalDate.of(2024, 2, 15), LocalDate.of(2024, 3, 14));

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Store store;
    private String runId;

    private PublishedRunFixture(Store store) {
        this.store = store;
    }

    static PublishedRunFixture in(Store store) {
        return new PublishedRunFixture(store);
    }

    /** A succeeded run (not yet published). */
    PublishedRunFixture run(String id) {
        return run(id, "succeeded", "dvcqg-2025", null);
    }

    PublishedRunFixture run(String id, String status, String profile, String message) {
        runId = id;
        Sql.update(store, "INSERT INTO run (run_id, trigger_kind, status, started_at, finished_at, period_from, period_to, "
                        + "points_profile, formula_version, message) VALUES (?, 'manual', ?, ?, ?, ?, ?, ?, 'f1', ?)",
                id, status, LocalDateTime.of(2024, 4, 2, 2, 0), LocalDateTime.of(2024, 4, 2, 2, 7),
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), profile, message);
        return this;
    }

    PublishedRunFixture agency(String code, String name, String kind, String parent, String group) {
        Sql.update(store, "INSERT INTO pub_agency (run_id, agency_code, name, kind, parent_code, valid_from, valid_to, "
                + "successor_code, group_code) VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?)", runId, code, name, kind, parent, group);
        return this;
    }

    /** An agency that ceased to exist on {@code validTo} (e.g. a district before the 2025 reform). */
    PublishedRunFixture dissolvedAgency(String code, String name, String kind, String group, LocalDate validTo,
                                        String successor) {
        Sql.update(store, "INSERT INTO pub_agency (run_id, agency_code, name, kind, parent_code, valid_from, valid_to, "
                + "successor_code, group_code) VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, ?)", runId, code, name, kind,
                validTo, successor, group);
        return this;
    }

    PublishedRunFixture percentIndicator(String id, String category, String nameVi, Integer points, Integer target,
                                         int sortOrder) {
        return indicator(id, category, nameVi, "percent", points, target, sortOrder);
    }

    PublishedRunFixture indicator(String id, String category, String nameVi, String unit, Integer points,
                                  Integer target, int sortOrder) {
        return indicator(id, category, nameVi, unit, points, target, sortOrder, "higher");
    }

    PublishedRunFixture indicator(String id, String category, String nameVi, String unit, Integer points,
                                  Integer target, int sortOrder, String direction) {
        Sql.update(store, "INSERT INTO pub_indicator (run_id, indicator_id, category, name_vi, name_en, unit, points, "
                        + "target_pct, basis, formula_vi, formula_en, sort_order, direction) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId, id, category, nameVi, "EN " + nameVi, unit, points == null ? null : BigDecimal.valueOf(points),
                target == null ? null : BigDecimal.valueOf(target), "Quyết định 766/QĐ-TTg",
                "Công thức của " + id, "Formula of " + id, sortOrder, direction);
        return this;
    }

    /** A period of the run as {@code pub_period} lists it. */
    PublishedRunFixture period(Period p) {
        Sql.update(store, "INSERT INTO pub_period (run_id, period_kind, period_start, period_end, is_report, is_clipped) "
                + "VALUES (?, ?, ?, ?, ?, ?)", runId, p.kind(), p.start(), p.end(), p.report(), p.clipped());
        return this;
    }

    PublishedRunFixture group(String code, String kind, String nameVi, String nameEn) {
        Sql.update(store, "INSERT INTO pub_group (run_id, group_code, kind, name_vi, name_en) VALUES (?, ?, ?, ?, ?)",
                runId, code, kind, nameVi, nameEn);
        return this;
    }

    /** A rule whose flags are dossiers ({@code pub_case_flag}). */
    PublishedRunFixture rule(String id, String nameVi, String nameEn, String basis, String thresholdVi,
                             String thresholdEn) {
        return rule(id, nameVi, nameEn, basis, thresholdVi, thresholdEn, "dossiers");
    }

    /** A rule whose flags are an agency's procedure-months ({@code pub_agency_flag}), as R12's. */
    PublishedRunFixture procedureMonthRule(String id, String nameVi, String nameEn, String basis, String thresholdVi,
                                           String thresholdEn) {
        return rule(id, nameVi, nameEn, basis, thresholdVi, thresholdEn, "procedure_months");
    }

    private PublishedRunFixture rule(String id, String nameVi, String nameEn, String basis, String thresholdVi,
                                     String thresholdEn, String flags) {
        Sql.update(store, "INSERT INTO pub_rule (run_id, rule_id, name_vi, name_en, basis, threshold_vi, threshold_en, "
                + "flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", runId, id, nameVi, nameEn, basis, thresholdVi, thresholdEn,
                flags);
        return this;
    }

    /**
     * One row of the official progress table (06a columns 4–6, 8–10, 12–13); the totals (3), (7) and (11) are their
     * sums, as the form requires.
     */
    PublishedRunFixture report06(String scope, String scopeKind, Period p, int online, int inPerson, int carried,
                                 int early, int onTime, int late, int pendingInTime, int pendingOverdue) {
        int[] columns = {online + inPerson + carried, online, inPerson, carried, early + onTime + late, early, onTime,
            late, pendingInTime + pendingOverdue, pendingInTime, pendingOverdue};
        for (int i = 0; i < columns.length; i++) {
            value(scope, scopeKind, p, "06a." + (i + 3), columns[i], null, null, null, null);
        }
        return this;
    }

    /** A step of a flagged dossier's timeline. */
    PublishedRunFixture timeline(String caseId, int seq, LocalDateTime at, String kind, Integer status, String label,
                                 String unit, String officer) {
        Sql.update(store, "INSERT INTO pub_case_timeline (run_id, case_id, seq, at, event_kind, status, label, unit, "
                + "officer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", runId, caseId, seq, at, kind, status, label, unit, officer);
        return this;
    }

    /** A value; numbers as text so that 90.91 stays exact, null for no data. */
    PublishedRunFixture value(String scope, String scopeKind, Period p, String indicator, Integer numerator,
                              Integer denominator, String valuePct, String points, String maxPoints) {
        Sql.update(store, "INSERT INTO pub_value (run_id, scope_code, scope_kind, period_kind, period_start, period_end, "
                        + "indicator_id, numerator, denominator, value_pct, points, max_points) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId, scope, scopeKind, p.kind(), p.start(), p.end(), indicator,
                numerator == null ? null : BigDecimal.valueOf(numerator),
                denominator == null ? null : BigDecimal.valueOf(denominator), decimal(valuePct), decimal(points),
                decimal(maxPoints));
        return this;
    }

    /** A procedure of the catalogue, with its field (lĩnh vực). */
    PublishedRunFixture procedure(String code, String name, String fieldCode, String fieldName) {
        Sql.update(store, "INSERT INTO pub_procedure (run_id, procedure_code, name, field_code, field_name) "
                + "VALUES (?, ?, ?, ?, ?)", runId, code, name, fieldCode, fieldName);
        return this;
    }

    /** A value of one field (lĩnh vực) of a scope. */
    PublishedRunFixture fieldValue(String scope, String field, Period p, String indicator, int numerator,
                                   Integer denominator, String valuePct) {
        Sql.update(store, "INSERT INTO pub_value_dim (run_id, dimension, dim_code, scope_code, scope_kind, period_kind, "
                        + "period_start, period_end, indicator_id, numerator, denominator, value_pct) "
                        + "VALUES (?, 'field', ?, ?, 'agency', ?, ?, ?, ?, ?, ?, ?)",
                runId, field, scope, p.kind(), p.start(), p.end(), indicator, BigDecimal.valueOf(numerator),
                denominator == null ? null : BigDecimal.valueOf(denominator), decimal(valuePct));
        return this;
    }

    /** A dossier flagged by a rule in period {@code p}. */
    PublishedRunFixture flag(String rule, String caseId, String agency, Period p, LocalDateTime received,
                             LocalDateTime due, LocalDateTime finished, LocalDateTime apology, String applicant) {
        return flag(rule, caseId, agency, p, received, due, finished, apology, applicant, "Cấp phiếu lý lịch tư pháp");
    }

    PublishedRunFixture flag(String rule, String caseId, String agency, Period p, LocalDateTime received,
                             LocalDateTime due, LocalDateTime finished, LocalDateTime apology, String applicant,
                             String procedureName) {
        Sql.update(store, "INSERT INTO pub_case_flag (run_id, rule_id, case_id, period_kind, agency_code, procedure_code, "
                        + "procedure_name, channel, status, received_at, due_at, effective_due_at, finished_at, "
                        + "apology_issued_at, apology_deadline, applicant_masked, period_start, detail_vi, "
                        + "detail_en) VALUES (?, ?, ?, ?, ?, '1.004227', ?, 'ONLINE', 10, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId, rule, caseId, p.kind(), agency, procedureName, received, due, due, finished, apology,
                due.minusDays(1), applicant, p.start(), "Hạn trả " + DAY_TIME.format(due)
                        + "; không có phiếu xin lỗi đến hết kỳ.",
                "Due " + DAY_TIME.format(due) + "; no apology slip by the end of the period.");
        return this;
    }

    /** A procedure-month an agency-level rule (R12) flagged (pub_agency_flag), with the values it saw. */
    PublishedRunFixture agencyFlag(String rule, String agency, String procedureCode, String procedureName, Period p,
                                   LocalDate month, int peers, int activePeers, long monthDossiers, String median,
                                   int historyMonths, String detailVi, String detailEn) {
        Sql.update(store, "INSERT INTO pub_agency_flag (run_id, rule_id, agency_code, procedure_code, procedure_name, "
                        + "period_kind, period_start, month_start, peers, active_peers, month_dossiers, monthly_median, "
                        + "history_months, detail_vi, detail_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId, rule, agency, procedureCode, procedureName, p.kind(), p.start(), month, peers, activePeers,
                monthDossiers, decimal(median), historyMonths, detailVi, detailEn);
        return this;
    }

    /** An agency's risk score in a period (pub_risk); a null score means not scored. */
    PublishedRunFixture risk(String agency, Period p, String group, long dossiers, String score, Integer rank,
                             Integer peers, int outliers, String reasonsVi, String reasonsEn) {
        Sql.update(store, "INSERT INTO pub_risk (run_id, agency_code, period_kind, period_start, peer_group, dossiers, "
                        + "scored, score, peer_rank, peer_size, outliers, reasons_vi, reasons_en) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId, agency, p.kind(), p.start(), group, dossiers, score != null, decimal(score), rank, peers, outliers,
                reasonsVi, reasonsEn);
        return this;
    }

    /** One input of a risk score with its weight. */
    PublishedRunFixture riskInput(String agency, Period p, String input, String value, String median, boolean outlier,
                                  String weight, String contribution) {
        Sql.update(store, "INSERT INTO pub_risk_input (run_id, agency_code, period_kind, period_start, input_id, "
                        + "input_value, peer_median, outlier_above, outlier, weight, contribution) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
                runId, agency, p.kind(), p.start(), input, decimal(value), decimal(median), outlier, decimal(weight),
                decimal(contribution));
        return this;
    }

    /** A dossier of the register samples are drawn from. */
    PublishedRunFixture registered(String caseId, String agency, String procedure, String field, LocalDateTime received) {
        Sql.update(store, "INSERT INTO pub_case_register (run_id, case_id, agency_code, procedure_code, field_code, "
                + "received_at) VALUES (?, ?, ?, ?, ?, ?)", runId, caseId, agency, procedure, field, received);
        return this;
    }

    PublishedRunFixture inputCount(String source, String recordType, long read, long accepted, long quarantined,
                                   long superseded) {
        Sql.update(store, "INSERT INTO run_input_count (run_id, source, record_type, rows_read, rows_accepted, "
                + "rows_quarantined, rows_superseded) VALUES (?, ?, ?, ?, ?, ?, ?)",
                runId, source, recordType, read, accepted, quarantined, superseded);
        return this;
    }

    PublishedRunFixture quarantined(String recordType, String location, String reason, String raw) {
        Sql.update(store, "INSERT INTO run_quarantine (run_id, record_type, location, reason, detail, raw_value) "
                + "VALUES (?, ?, ?, ?, ?, ?)", runId, recordType, location, reason, "Thiếu mã hồ sơ", raw);
        return this;
    }

    /** Points current_run at this run, as the publisher's last transaction does. */
    PublishedRunFixture publish() {
        Sql.update(store, "DELETE FROM current_run");
        Sql.update(store, "INSERT INTO current_run (id, run_id, published_at) VALUES (1, ?, ?)", runId,
                LocalDateTime.of(2024, 4, 2, 2, 8));
        return this;
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
