package vn.onestop.analytics.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.catalogue.IndicatorDefinition;
import vn.onestop.analytics.model.Agency;
import vn.onestop.analytics.model.AgencyFlag;
import vn.onestop.analytics.model.AgencyGroups;
import vn.onestop.analytics.model.RuleDefinition;
import vn.onestop.analytics.period.Period;
import vn.onestop.analytics.model.CaseFlag;
import vn.onestop.analytics.model.DimensionValue;
import vn.onestop.analytics.model.IndicatorValue;
import vn.onestop.analytics.model.RiskScoring;
import vn.onestop.analytics.incremental.ChangePlan;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.Store;
import vn.onestop.core.store.StoreException;
import vn.onestop.ingest.IngestReport;
import vn.onestop.ingest.InputCount;
import vn.onestop.ingest.QuarantinedRow;

/**
 * Writes a run's results into the store under its run id. Nothing is visible to the dashboard until
 * {@link RunLog#publish} flips the current run in one transaction: rows are committed batch by batch before that
 * (a huge single transaction is slow on H2), and a failed run's rows are deleted by {@link RunLog#fail}.
 */
public final class Publisher implements AutoCloseable {
    private static final int BATCH = 5_000;

    private final String runId;
    private final Connection c;
    private RowWriter flagWriter;
    private PreparedStatement agencyFlagInsert;
    private int pendingAgencyFlags;

    public Publisher(Store store, String runId) {
        this.runId = runId;
        try {
            this.c = store.connection();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreException("Cannot open the store to publish run " + runId, e);
        }
    }

    public void agencies(List<Agency> agencies) {
        run("agencies", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pub_agency (run_id, agency_code, name, kind, "
                    + "parent_code, valid_from, valid_to, successor_code, group_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Agency a : agencies) {
                    ps.setString(1, runId);
                    ps.setString(2, a.code());
                    ps.setString(3, a.name());
                    ps.setString(4, a.kind());
                    ps.setString(5, a.parentCode());
                    ps.setObject(6, a.validFrom());
                    ps.setObject(7, a.validTo());
                    ps.setString(8, a.successorCode());
                    ps.setString(9, a.groupCode());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** The catalogue as computed, plus the 766 total, with the points of the run's profile. */
    public void catalogue(Catalogue catalogue, String profile) {
        run("catalogue", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pub_indicator (run_id, indicator_id, category, "
                    + "name_vi, name_en, unit, points, target_pct, basis, formula_vi, formula_en, sort_order, direction, "
                    + "unit_vi) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (IndicatorDefinition d : catalogue.definitions()) {
                    ps.setString(1, runId);
                    ps.setString(2, d.id());
                    ps.setString(3, d.category());
                    ps.setString(4, d.nameVi());
                    ps.setString(5, d.nameEn());
                    ps.setString(6, d.unit().name().toLowerCase());
                    ps.setBigDecimal(7, d.pointsIn(profile));
                    ps.setBigDecimal(8, d.unit() == IndicatorDefinition.Unit.PERCENT ? d.target() : null);
                    ps.setString(9, d.basis());
                    ps.setString(10, d.formulaVi());
                    ps.setString(11, d.formulaEn());
                    ps.setInt(12, d.sortOrder() + 1);
                    ps.setString(13, d.lowerIsBetter() ? "lower" : "higher");
                    ps.setString(14, d.unitVi());
                    ps.addBatch();
                }
                ps.setString(1, runId);
                ps.setString(2, Catalogue.TOTAL_ID);
                ps.setString(3, "total");
                ps.setString(4, "Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766)");
                ps.setString(5, "Service-quality index score (Decision 766)");
                ps.setString(6, "score");
                ps.setBigDecimal(7, null);
                ps.setBigDecimal(8, null);
                ps.setString(9, "Quyết định 766/QĐ-TTg; bộ trọng số " + profile);
                ps.setString(10, "Tổng điểm các chỉ số có dữ liệu; điểm chuẩn hóa = điểm × 100 ÷ tổng điểm tối đa của "
                        + "các chỉ số có dữ liệu. Xếp loại: ≥ 80 Tốt, ≥ 65 Khá, ≥ 50 Trung bình, dưới 50 Yếu.");
                ps.setString(11, "Sum of the points of the indicators with data; normalised score = score × 100 ÷ the "
                        + "maximum of those indicators. Bands: ≥ 80 Good, ≥ 65 Fair, ≥ 50 Average, below Weak.");
                ps.setInt(12, 0);
                ps.setString(13, "higher");
                ps.setString(14, null);
                ps.addBatch();
                ps.executeBatch();
            }
        });
    }

    /** The periods of the run, so that the dashboard need not scan the values to find them. */
    public void periods(List<Period> periods) {
        run("periods", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pub_period (run_id, period_kind, period_start, "
                    + "period_end, is_report, is_clipped) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Period p : periods) {
                    ps.setString(1, runId);
                    ps.setString(2, p.kind().code());
                    ps.setObject(3, p.start());
                    ps.setObject(4, p.end());
                    ps.setBoolean(5, p.kind().isReport());
                    ps.setBoolean(6, p.isClipped());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** The agency groups present, with their names. */
    public void groups(List<Agency> agencies) {
        run("groups", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pub_group (run_id, group_code, kind, name_vi, "
                    + "name_en) VALUES (?, ?, ?, ?, ?)")) {
                for (String kind : agencies.stream().map(Agency::kind).distinct().sorted().toList()) {
                    ps.setString(1, runId);
                    ps.setString(2, Agency.groupCodeOf(kind));
                    ps.setString(3, kind);
                    ps.setString(4, AgencyGroups.nameVi(kind));
                    ps.setString(5, AgencyGroups.nameEn(kind));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** The rules computed, with their basis, the threshold each flag was judged by, and what a flag of each is. */
    public void rules(List<RuleDefinition> rules) {
        run("rules", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pub_rule (run_id, rule_id, name_vi, name_en, "
                    + "basis, threshold_vi, threshold_en, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RuleDefinition r : rules) {
                    ps.setString(1, runId);
                    ps.setString(2, r.id());
                    ps.setString(3, r.nameVi());
                    ps.setString(4, r.nameEn());
                    ps.setString(5, r.basis());
                    ps.setString(6, r.thresholdVi());
                    ps.setString(7, r.thresholdEn());
                    ps.setString(8, r.flags());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    public void values(List<IndicatorValue> values) {
        run("indicator values", () -> {
            try (RowWriter w = new RowWriter(c, "pub_value", List.of("run_id", "scope_code", "scope_kind",
                    "period_kind", "period_start", "period_end", "indicator_id", "numerator", "denominator",
                    "value_pct", "points", "max_points"))) {
                for (IndicatorValue v : values) {
                    w.row(runId, v.scopeCode(), v.scopeKind().code(), v.periodKind(), v.periodStart(), v.periodEnd(),
                            v.indicatorId(), v.numerator(), v.denominator(), v.valuePct(), v.points(), v.maxPoints());
                }
            }
        });
    }

    /** A sink for flags as Spark streams them. */
    public Consumer<CaseFlag> flagSink() {
        return flag -> run("flags", () -> {
            if (flagWriter == null) {
                flagWriter = new RowWriter(c, "pub_case_flag", List.of("run_id", "rule_id", "case_id", "period_kind",
                        "period_start", "agency_code", "procedure_code", "procedure_name", "channel", "status",
                        "received_at", "due_at", "effective_due_at", "finished_at", "apology_issued_at",
                        "apology_deadline", "applicant_masked", "detail_vi", "detail_en"));
            }
            flagWriter.row(runId, flag.ruleId(), flag.caseId(), flag.periodKind(), flag.periodStart(),
                    flag.agencyCode(), flag.procedureCode(), flag.procedureName(), flag.channel(), flag.status(),
                    local(flag.receivedAt()), local(flag.dueAt()), local(flag.effectiveDueAt()),
                    local(flag.finishedAt()), local(flag.apologyIssuedAt()), local(flag.apologyDeadline()),
                    flag.applicantMasked(), flag.detailVi(), flag.detailEn());
        });
    }

    /** A sink for agency-level flags (R12) as Spark streams them. */
    public Consumer<AgencyFlag> agencyFlagSink() {
        return flag -> run("agency flags", () -> {
            if (agencyFlagInsert == null) {
                agencyFlagInsert = c.prepareStatement("INSERT INTO pub_agency_flag (run_id, rule_id, agency_code, "
                        + "procedure_code, procedure_name, period_kind, period_start, month_start, peers, active_peers, "
                        + "month_dossiers, monthly_median, history_months, detail_vi, detail_en) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            }
            PreparedStatement ps = agencyFlagInsert;
            ps.setString(1, runId);
            ps.setString(2, flag.ruleId());
            ps.setString(3, flag.agencyCode());
            ps.setString(4, flag.procedureCode());
            ps.setString(5, clip(flag.procedureName(), 600));
            ps.setString(6, flag.periodKind());
            ps.setObject(7, flag.periodStart());
            ps.setObject(8, flag.monthStart());
            ps.setInt(9, flag.peers());
            ps.setInt(10, flag.activePeers());
            ps.setLong(11, flag.monthDossiers());
            ps.setBigDecimal(12, flag.monthlyMedian());
            ps.setInt(13, flag.historyMonths());
            ps.setString(14, flag.detailVi());
            ps.setString(15, flag.detailEn());
            ps.addBatch();
            if (++pendingAgencyFlags % BATCH == 0) {
                ps.executeBatch();
            }
        });
    }

    /** Risk scores and their inputs. */
    public void risks(List<RiskScoring.AgencyRisk> risks) {
        run("risk scores", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pub_risk (run_id, agency_code, period_kind, "
                    + "period_start, peer_group, dossiers, scored, score, peer_rank, peer_size, outliers, reasons_vi, "
                    + "reasons_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement in = c.prepareStatement("INSERT INTO pub_risk_input (run_id, agency_code, "
                    + "period_kind, period_start, input_id, input_value, peer_median, outlier_above, outlier, weight, "
                    + "contribution) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (RiskScoring.AgencyRisk r : risks) {
                    ps.setString(1, runId);
                    ps.setString(2, r.agencyCode());
                    ps.setString(3, r.periodKind());
                    ps.setObject(4, r.periodStart());
                    ps.setString(5, r.peerGroup());
                    ps.setLong(6, r.dossiers());
                    ps.setBoolean(7, r.scored());
                    ps.setBigDecimal(8, r.score());
                    ps.setObject(9, r.peerRank());
                    ps.setObject(10, r.peerSize());
                    ps.setInt(11, r.outliers());
                    ps.setString(12, clip(r.reasonsVi(), 2000));
                    ps.setString(13, clip(r.reasonsEn(), 2000));
                    ps.addBatch();
                    for (RiskScoring.Input i : r.inputs()) {
                        in.setString(1, runId);
                        in.setString(2, r.agencyCode());
                        in.setString(3, r.periodKind());
                        in.setObject(4, r.periodStart());
                        in.setString(5, i.id());
                        in.setBigDecimal(6, decimal(i.value()));
                        in.setBigDecimal(7, decimal(i.peerMedian()));
                        in.setBigDecimal(8, decimal(i.outlierAbove()));
                        in.setBoolean(9, i.outlier());
                        in.setBigDecimal(10, i.weight());
                        in.setBigDecimal(11, decimal(i.contribution()));
                        in.addBatch();
                    }
                    if (++n % 500 == 0) {
                        ps.executeBatch();
                        in.executeBatch();
                    }
                }
                ps.executeBatch();
                in.executeBatch();
            }
        });
    }

    private static java.math.BigDecimal decimal(Double d) {
        return d == null ? null : java.math.BigDecimal.valueOf(d).setScale(4, java.math.RoundingMode.HALF_UP);
    }

    /** Values per procedure and per field. */
    public void dimensionValues(List<DimensionValue> values) {
        run("procedure and field values", () -> {
            try (RowWriter w = new RowWriter(c, "pub_value_dim", List.of("run_id", "dimension", "dim_code",
                    "scope_code", "scope_kind", "period_kind", "period_start", "period_end", "indicator_id",
                    "numerator", "denominator", "value_pct"))) {
                for (DimensionValue v : values) {
                    w.row(runId, v.dimension(), v.dimCode(), v.scopeCode(), v.scopeKind().code(), v.periodKind(),
                            v.periodStart(), v.periodEnd(), v.indicatorId(), v.numerator(), v.denominator(),
                            v.valuePct());
                }
            }
        });
    }

    /** The procedure catalogue, for names beside procedure breakdowns. */
    public void procedures(java.util.Iterator<org.apache.spark.sql.Row> rows) {
        run("procedures", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pub_procedure (run_id, procedure_code, name, "
                    + "field_code, field_name, legal_duration, duration_unit, online_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                while (rows.hasNext()) {
                    org.apache.spark.sql.Row r = rows.next();
                    ps.setString(1, runId);
                    ps.setString(2, r.getString(0));
                    ps.setString(3, clip(r.getString(1), 600));
                    ps.setString(4, r.getString(2));
                    ps.setString(5, r.getString(3));
                    ps.setBigDecimal(6, r.getDecimal(4));
                    ps.setString(7, r.getString(5));
                    ps.setString(8, r.getString(6));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** The evidence timeline of the flagged dossiers, streamed from Spark. */
    public void timeline(java.util.Iterator<org.apache.spark.sql.Row> rows) {
        run("dossier timelines", () -> {
            try (RowWriter w = new RowWriter(c, "pub_case_timeline", List.of("run_id", "case_id", "seq", "at",
                    "event_kind", "status", "label", "unit", "officer"))) {
                while (rows.hasNext()) {
                    org.apache.spark.sql.Row r = rows.next();
                    w.row(runId, r.getString(0), r.getInt(1), local(r.getAs(2)), r.getString(3),
                            r.isNullAt(4) ? null : r.getInt(4), clip(r.getString(5), 400), clip(r.getString(6), 200),
                            clip(r.getString(7), 80));
                }
            }
        });
    }

    /**
     * The register of the dossiers received in the run's range (case, agency, procedure, field, reception), streamed
     * from Spark: the population an inspector's random sample of an agency's dossiers is drawn from.
     */
    public void register(java.util.Iterator<org.apache.spark.sql.Row> rows) {
        run("dossier register", () -> {
            try (RowWriter w = new RowWriter(c, "pub_case_register", List.of("run_id", "case_id", "agency_code",
                    "procedure_code", "field_code", "received_at"))) {
                while (rows.hasNext()) {
                    org.apache.spark.sql.Row r = rows.next();
                    w.row(runId, r.getString(0), r.getString(1), r.getString(2), r.getString(3), local(r.getAs(4)));
                }
            }
        });
    }

    /**
     * Per-period tables a nightly run copies from the run before it, each with what makes a row an agency's own
     * (the agency column and the condition; null when every row of a touched period is written afresh).
     */
    private static final List<String[]> PER_PERIOD = List.of(
            new String[] {"pub_value", "scope_code", "t.scope_kind = 'agency'"},
            new String[] {"pub_value_dim", "scope_code", "t.scope_kind = 'agency'"},
            new String[] {"pub_case_flag", "agency_code", "1 = 1"},
            new String[] {"pub_agency_flag", null, "1 = 0"},
            new String[] {"pub_risk", null, "1 = 0"},
            new String[] {"pub_risk_input", null, "1 = 0"});
    /** {@code pub_recomputed.scope} of a period recomputed whole. */
    private static final String WHOLE = "*";
    /** {@code pub_recomputed.scope} marking a partial period, beside one row per agency recomputed in it. */
    private static final String PARTIAL = "+";

    /**
     * A nightly run: records what it writes afresh ({@code pub_recomputed}: every touched period, with the agencies
     * of a partial one), then copies every other row of the per-period tables {@code baseRunId} published, inside
     * the store (decisions.md, "Incremental nightly runs", 78): the rows of untouched periods, and in a partial period
     * the rows of the agencies it did not recompute.
     *
     * @return the rows copied
     */
    public long carryOver(String baseRunId, ChangePlan plan) {
        flushFlags();
        long[] copied = {0};
        run("carried-over results", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pub_recomputed (run_id, period_kind, "
                    + "period_start, scope) VALUES (?, ?, ?, ?)")) {
                for (Period p : plan.touched()) {
                    List<String> scopes = new ArrayList<>(List.of(WHOLE));
                    if (plan.partial().containsKey(ChangePlan.key(p))) {
                        scopes = new ArrayList<>(plan.partial().get(ChangePlan.key(p)));
                        scopes.add(PARTIAL);
                    }
                    for (String scope : scopes) {
                        ps.setString(1, runId);
                        ps.setString(2, p.kind().code());
                        ps.setObject(3, p.start());
                        ps.setString(4, scope);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            for (String[] table : PER_PERIOD) {
                String columns = String.join(", ", columnsAfterRunId(table[0]));
                // A row is left out when its period was recomputed whole; in a partial period, when it is not an
                // agency's own (marked by PARTIAL) or its agency was recomputed. Two lookups by the whole key each:
                // one condition with ORs scanned every scope of the period per row (a minute for 1.4M rows in H2).
                String scope = table[1] == null ? "'" + PARTIAL + "'"
                        : "CASE WHEN " + table[2] + " THEN t." + table[1] + " ELSE '" + PARTIAL + "' END";
                String sql = "INSERT INTO " + table[0] + " (run_id, " + columns + ") SELECT ?, " + columns + " FROM "
                        + table[0] + " t WHERE t.run_id = ? "
                        + "AND NOT EXISTS (SELECT 1 FROM pub_recomputed r WHERE r.run_id = ? "
                        + "AND r.period_kind = t.period_kind AND r.period_start = t.period_start AND r.scope = '" + WHOLE
                        + "') AND NOT EXISTS (SELECT 1 FROM pub_recomputed r WHERE r.run_id = ? "
                        + "AND r.period_kind = t.period_kind AND r.period_start = t.period_start AND r.scope = " + scope
                        + ")";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, runId);
                    ps.setString(2, baseRunId);
                    ps.setString(3, runId);
                    ps.setString(4, runId);
                    copied[0] += ps.executeUpdate();
                }
            }
        });
        return copied[0];
    }

    /**
     * Copied flags of a changed dossier get what it is now, as a full run would show them in every period: its
     * status, end and first apology (the values a flag row shows that do not depend on the period's end).
     */
    public void refreshFlags(List<org.apache.spark.sql.Row> changed) {
        run("changed dossiers' flags", () -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE pub_case_flag SET status = ?, finished_at = ?, "
                    + "apology_issued_at = ? WHERE run_id = ? AND case_id = ?")) {
                int n = 0;
                for (org.apache.spark.sql.Row r : changed) {
                    ps.setObject(1, r.isNullAt(1) ? null : r.getInt(1));
                    ps.setObject(2, local(r.getAs(2)));
                    ps.setObject(3, local(r.getAs(3)));
                    ps.setString(4, runId);
                    ps.setString(5, r.getString(0));
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }

    /** Dossiers flagged in this run that had no evidence timeline in {@code baseRunId} (newly flagged). */
    public List<String> flaggedWithoutTimeline(String baseRunId) {
        flushFlags();
        List<String> out = new ArrayList<>();
        run("newly flagged dossiers", () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT f.case_id FROM pub_case_flag f "
                    + "WHERE f.run_id = ? AND NOT EXISTS (SELECT 1 FROM pub_case_timeline t WHERE t.run_id = ? "
                    + "AND t.case_id = f.case_id)")) {
                ps.setString(1, runId);
                ps.setString(2, baseRunId);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        });
        return out;
    }

    /**
     * After the new and changed timelines are written: the base run's timelines of the other dossiers flagged in
     * this run are copied, and timelines of dossiers no longer flagged are dropped.
     */
    public void carryOverTimelines(String baseRunId) {
        run("carried-over timelines", () -> {
            String columns = String.join(", ", columnsAfterRunId("pub_case_timeline"));
            try (PreparedStatement copy = c.prepareStatement("INSERT INTO pub_case_timeline (run_id, " + columns
                    + ") SELECT ?, " + columns + " FROM pub_case_timeline t WHERE t.run_id = ? "
                    + "AND EXISTS (SELECT 1 FROM pub_case_flag f WHERE f.run_id = ? AND f.case_id = t.case_id) "
                    + "AND NOT EXISTS (SELECT 1 FROM pub_case_timeline n WHERE n.run_id = ? AND n.case_id = t.case_id)");
                 PreparedStatement drop = c.prepareStatement("DELETE FROM pub_case_timeline WHERE run_id = ? "
                    + "AND NOT EXISTS (SELECT 1 FROM pub_case_flag f WHERE f.run_id = ? "
                    + "AND f.case_id = pub_case_timeline.case_id)")) {
                copy.setString(1, runId);
                copy.setString(2, baseRunId);
                copy.setString(3, runId);
                copy.setString(4, runId);
                copy.executeUpdate();
                drop.setString(1, runId);
                drop.setString(2, runId);
                drop.executeUpdate();
            }
        });
    }

    /** The base run's register without the changed dossiers, whose rows {@link #register} then writes anew. */
    public void carryOverRegister(String baseRunId, List<String> changed) {
        run("carried-over register", () -> {
            String columns = String.join(", ", columnsAfterRunId("pub_case_register"));
            try (PreparedStatement copy = c.prepareStatement("INSERT INTO pub_case_register (run_id, " + columns
                    + ") SELECT ?, " + columns + " FROM pub_case_register WHERE run_id = ?");
                 PreparedStatement drop = c.prepareStatement("DELETE FROM pub_case_register WHERE run_id = ? "
                    + "AND case_id = ?")) {
                copy.setString(1, runId);
                copy.setString(2, baseRunId);
                copy.executeUpdate();
                int n = 0;
                for (String id : changed) {
                    drop.setString(1, runId);
                    drop.setString(2, id);
                    drop.addBatch();
                    if (++n % BATCH == 0) {
                        drop.executeBatch();
                    }
                }
                drop.executeBatch();
            }
        });
    }

    private List<String> columnsAfterRunId(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
             var rs = ps.executeQuery()) {
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String name = meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                if (!name.equals("run_id")) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private void flushFlags() {
        run("flags", () -> {
            if (flagWriter != null) {
                flagWriter.flush();
            }
            if (agencyFlagInsert != null) {
                agencyFlagInsert.executeBatch();
            }
        });
    }

    /** The balance of the ingest that fed this run, and its quarantined rows. */
    public void inputs(IngestReport report) {
        run("input counts", () -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_input_count (run_id, source, record_type, "
                    + "rows_read, rows_accepted, rows_quarantined, rows_superseded) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (InputCount ic : report.counts()) {
                    ps.setString(1, runId);
                    ps.setString(2, ic.source());
                    ps.setString(3, ic.recordType());
                    ps.setLong(4, ic.read());
                    ps.setLong(5, ic.accepted());
                    ps.setLong(6, ic.quarantined());
                    ps.setLong(7, ic.superseded());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_quarantine (run_id, record_type, location, "
                    + "reason, detail, raw_value) VALUES (?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (QuarantinedRow q : report.quarantined()) {
                    ps.setString(1, runId);
                    ps.setString(2, q.recordType());
                    ps.setString(3, q.location());
                    ps.setString(4, q.reason());
                    ps.setString(5, clip(q.detail(), 1000));
                    ps.setString(6, clip(q.rawValue(), 4000));
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }

    /** Last step: the run becomes the one the dashboard serves, atomically with everything written above. */
    public void publish(java.time.LocalDate from, java.time.LocalDate to, String profile, String formulaVersion,
                        vn.onestop.core.store.RunMessage message) {
        run("publish", () -> {
            if (flagWriter != null) {
                flagWriter.close();
                flagWriter = null;
            }
            if (agencyFlagInsert != null) {
                agencyFlagInsert.executeBatch();
                agencyFlagInsert.close();
                agencyFlagInsert = null;
            }
            c.setAutoCommit(false);
            RunLog.publish(c, runId, from, to, profile, formulaVersion, message);
            c.commit();
        });
    }

    @Override
    public void close() {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            c.close();
        } catch (SQLException ignored) {
            // closing after a failure: the run is marked failed by the caller
        }
    }

    private interface SqlStep {
        void run() throws SQLException;
    }

    private void run(String what, SqlStep step) {
        try {
            step.run();
        } catch (SQLException e) {
            throw new StoreException("Cannot publish " + what + " of run " + runId, e);
        }
    }

    private static LocalDateTime local(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, RunLog.ZONE);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
