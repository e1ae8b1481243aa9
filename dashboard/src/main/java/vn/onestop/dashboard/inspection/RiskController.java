package vn.onestop.dashboard.inspection;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.onestop.dashboard.pages.Names;
import vn.onestop.dashboard.pages.PageFiles;
import vn.onestop.dashboard.pages.PeriodView;
import vn.onestop.dashboard.pages.ViewRequest;
import vn.onestop.dashboard.published.Agency;
import vn.onestop.dashboard.published.PublishedResults;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Labels;
import vn.onestop.dashboard.text.Language;
import vn.onestop.inspection.AgencyKinds;
import vn.onestop.inspection.Inspection;
import vn.onestop.inspection.outcome.ConfirmationRate;
import vn.onestop.inspection.published.Risk;
import vn.onestop.inspection.published.RiskInput;

/**
 * Kiểm tra: the agencies' risk scores of the period within their peer groups — score, rank, outliers, the top reasons
 * in words and the weights the score used — with the agencies not scored saying why; and each rule's confirmation
 * rate from inspectors' outcomes. A score is a reason to look, never a finding.
 */
public final class RiskController {
    private final PublishedResults results;
    private final Inspection inspection;

    public RiskController(PublishedResults results, Inspection inspection) {
        this.results = results;
        this.inspection = inspection;
    }

    public record RiskRow(String code, String name, String kind, String kindText, String group, String groupText,
                          boolean scored, BigDecimal score, String scoreText, Integer rank, Integer peers,
                          String rankText, int outliers, long dossiers, String dossiersText, String reasons,
                          boolean feedbackTriggered) {
    }

    public record Weight(String input, String name, BigDecimal weight, String weightText) {
    }

    public record RiskPage(PeriodView period, boolean hasScores, List<Weight> weights, List<RiskRow> rows) {
    }

    public record RateRow(String rule, String name, long confirmed, long notViolation, long unclear,
                          BigDecimal ratePct, String rateText) {
    }

    public void page(Context ctx) {
        PageFiles.serve(ctx, "inspection");
    }

    public void risk(Context ctx) {
        ViewRequest view = ViewRequest.of(ctx, results);
        Formats f = view.formats();
        Language lang = f.language();
        var period = InspectionPeriods.of(view.period());
        Map<String, Risk> risks = inspection.published().risks(view.runId(), period);
        Map<String, Long> conduct = inspection.published().conductFeedback(view.runId(), period);
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (RiskInput i : inspection.published().riskInputs(view.runId(), period)) {
            weights.putIfAbsent(i.inputId(), i.weight());
        }
        List<RiskRow> rows = new ArrayList<>();
        for (Agency a : view.scope().agencies()) {
            Risk r = risks.get(a.code());
            if (r == null) {
                continue;
            }
            boolean scored = r.scored() && r.score() != null;
            rows.add(new RiskRow(a.code(), a.name(), a.kind(), Names.kind(lang, a.kind()), a.groupCode(),
                    view.catalogue().groupName(a.groupCode(), lang), scored, scored ? r.score() : null,
                    scored ? f.decimal(r.score(), 2) : Labels.get(lang, "risk.not_scored"), scored ? r.peerRank() : null,
                    scored ? r.peerSize() : null,
                    scored ? Labels.format(lang, "risk.rank_of", String.valueOf(r.peerRank()), String.valueOf(r.peerSize()))
                            : "", r.outliers(), r.dossiers(), f.count(r.dossiers()),
                    lang == Language.EN && r.reasonsEn() != null ? r.reasonsEn() : r.reasonsVi(),
                    conduct.getOrDefault(a.code(), 0L) > 0));
        }
        rows.sort(Comparator.comparing((RiskRow r) -> AgencyKinds.rank(r.kind())).thenComparing(RiskRow::groupText)
                .thenComparing(r -> !r.scored())
                .thenComparing(RiskRow::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(RiskRow::code));
        List<Weight> weightRows = weights.entrySet().stream().map(w -> new Weight(w.getKey(),
                inputName(view, w.getKey(), lang), w.getValue(), f.trimmed(w.getValue()))).toList();
        ctx.json(new RiskPage(PeriodView.of(view.period(), f), !risks.isEmpty(), weightRows, rows));
    }

    /** A risk input in words: a rule rate by its indicator's name, a gap by its indicator, feedback by the label. */
    static String inputName(ViewRequest view, String input, Language lang) {
        if (input.startsWith("gap:")) {
            String id = input.substring(4);
            return Labels.format(lang, "risk.input.gap", view.catalogue().indicator(id)
                    .map(i -> id + " " + i.name(lang)).orElse(id));
        }
        return view.catalogue().indicator(input).map(i -> input + " " + i.name(lang))
                .orElse(Labels.getOrDefault(lang, "risk.input." + input, input));
    }

    public void rates(Context ctx) {
        Language lang = ViewRequest.language(ctx);
        Formats f = Formats.of(lang);
        var catalogue = results.current();
        List<RateRow> rows = new ArrayList<>();
        for (ConfirmationRate r : inspection.outcomes().rates()) {
            String name = catalogue.flatMap(c -> c.rule(r.ruleId())).map(x -> r.ruleId() + " · " + x.name(lang))
                    .orElse(r.ruleId());
            rows.add(new RateRow(r.ruleId(), name, r.confirmed(), r.notViolation(), r.unclear(), r.ratePct(),
                    f.percent(r.ratePct())));
        }
        ctx.json(rows);
    }
}
