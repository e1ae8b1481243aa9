package vn.onestop.dashboard.inspection;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.onestop.dashboard.auth.AccessControl;
import vn.onestop.dashboard.auth.AgencyScope;
import vn.onestop.dashboard.auth.AuditLog;
import vn.onestop.dashboard.pages.Names;
import vn.onestop.dashboard.pages.PageFiles;
import vn.onestop.dashboard.pages.PeriodView;
import vn.onestop.dashboard.pages.ViewRequest;
import vn.onestop.dashboard.published.Agency;
import vn.onestop.dashboard.published.PublishedResults;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Labels;
import vn.onestop.dashboard.text.Language;
import vn.onestop.inspection.Inspection;
import vn.onestop.inspection.outcome.Finding;
import vn.onestop.inspection.outcome.Outcome;
import vn.onestop.inspection.outcome.Outcomes;
import vn.onestop.inspection.published.Flag;
import vn.onestop.inspection.published.PeriodRef;
import vn.onestop.inspection.published.RuleInfo;
import vn.onestop.inspection.sample.Sample;
import vn.onestop.inspection.sample.SampledDossier;

/**
 * Kiểm tra một đơn vị: its flagged dossiers with the outcome inspectors recorded for each (confirmed, not a violation,
 * unclear — the latest counts), its dossier samples, its inspection history, and the evidence pack and the
 * self-inspection sheet to download. Agency viewers may only download their own self-inspection sheet.
 */
public final class AgencyInspectionController {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PublishedResults results;
    private final Inspection inspection;
    private final AuditLog audit;

    public AgencyInspectionController(PublishedResults results, Inspection inspection, AuditLog audit) {
        this.results = results;
        this.inspection = inspection;
        this.audit = audit;
    }

    public record AgencyHead(String code, String name, String kindText) {
    }

    public record OutcomeView(String finding, String findingText, String note, String by, String at) {
    }

    public record FlagRow(String rule, String ruleName, String caseId, String procedureName, String received,
                          String due, String finished, String applicant, String detail, OutcomeView outcome) {
    }

    public record SampleRow(int seq, String caseId, String field, String procedureCode, String received,
                            String reason, String rules) {
    }

    public record SampleView(long id, int n, long drawn, String seed, String period, String drawnAt, String drawnBy,
                             String strata, List<SampleRow> dossiers) {
    }

    public record HistoryRow(String date, String kindText, String reference) {
    }

    public record AgencyInspectionPage(AgencyHead agency, PeriodView period, int sampleSize, List<FlagRow> flags,
                                       List<SampleView> samples, List<HistoryRow> history, List<String> findings) {
    }

    public record SampleForm(Integer n, String seed) {
    }

    public record OutcomeForm(String caseId, String rule, String outcome, String note) {
    }

    public void page(Context ctx) {
        results.current().ifPresent(c -> AgencyScope.of(AccessControl.user(ctx), c).require(ctx.pathParam("code")));
        PageFiles.serve(ctx, "inspection-agency");
    }

    public void api(Context ctx) {
        ViewRequest view = ViewRequest.of(ctx, results);
        Agency agency = view.scope().require(ctx.pathParam("code"));
        Formats f = view.formats();
        Language lang = f.language();
        PeriodRef period = InspectionPeriods.of(view.period());
        Map<String, RuleInfo> rules = inspection.published().rules(view.runId());
        Map<String, Outcome> outcomes = inspection.outcomes().latestOf(agency.code());
        List<FlagRow> flags = new ArrayList<>();
        for (Flag fl : inspection.published().flags(view.runId(), agency.code(), period)) {
            RuleInfo rule = rules.get(fl.ruleId());
            Outcome o = outcomes.get(Outcomes.key(fl.caseId(), fl.ruleId()));
            flags.add(new FlagRow(fl.ruleId(), rule == null ? fl.ruleId() : fl.ruleId() + " · "
                    + (lang == Language.EN ? rule.nameEn() : rule.nameVi()), fl.caseId(), fl.procedureName(),
                    f.dateTime(fl.receivedAt()), f.dateTime(fl.effectiveDueAt() != null ? fl.effectiveDueAt() : fl.dueAt()),
                    fl.finishedAt() == null ? Labels.get(lang, "cases.not_finished") : f.dateTime(fl.finishedAt()),
                    fl.applicantMasked(), fl.detailVi(), o == null ? null : outcome(o, f)));
        }
        List<Sample> samples = inspection.samples().of(agency.code());
        List<SampleView> sampleViews = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = i == 0 ? inspection.samples().find(samples.get(0).id()).orElseThrow() : samples.get(i);
            sampleViews.add(sample(s, f));
        }
        List<HistoryRow> history = inspection.history().of(agency.code()).stream().map(h -> new HistoryRow(
                f.date(h.inspectedOn()), Labels.get(lang, "inspection.kind." + h.kind().code()), h.reference())).toList();
        ctx.json(new AgencyInspectionPage(new AgencyHead(agency.code(), agency.name(), Names.kind(lang, agency.kind())),
                PeriodView.of(view.period(), f), inspection.defaults().sampleSize(), flags, sampleViews, history,
                java.util.Arrays.stream(Finding.values()).map(Finding::code).toList()));
    }

    private static OutcomeView outcome(Outcome o, Formats f) {
        return new OutcomeView(o.finding().code(), Labels.get(f.language(), "outcome." + o.finding().code()), o.note(),
                o.recordedBy(), f.dateTime(o.recordedAt()));
    }

    private static SampleView sample(Sample s, Formats f) {
        Language lang = f.language();
        String strata = String.join("; ", s.strata().stream().map(x -> (x.fieldCode().isEmpty()
                ? Labels.get(lang, "sample.no_field") : x.fieldCode()) + " " + x.allocated() + "/" + x.population())
                .toList());
        List<SampleRow> rows = s.dossiers().stream().map(d -> new SampleRow(d.seq(), d.caseId(), d.fieldCode(),
                d.procedureCode(), f.dateTime(d.receivedAt()), reason(d, lang), d.flagRules())).toList();
        return new SampleView(s.id(), s.n(), s.dossiers().stream().filter(SampledDossier::randomPick).count(),
                Long.toString(s.seed()), s.period().label(), f.dateTime(s.drawnAt()),
                s.drawnBy(), strata, rows);
    }

    private static String reason(SampledDossier d, Language lang) {
        if (d.randomPick() && d.flagged()) {
            return Labels.get(lang, "sample.reason.both");
        }
        return Labels.get(lang, d.randomPick() ? "sample.reason.random" : "sample.reason.flagged");
    }

    public void takeSample(Context ctx) {
        ViewRequest view = ViewRequest.of(ctx, results);
        Agency agency = view.scope().require(ctx.pathParam("code"));
        SampleForm form;
        try {
            form = ctx.bodyAsClass(SampleForm.class);
        } catch (RuntimeException e) {
            throw new BadRequestResponse("Unreadable sample form");
        }
        int n = form.n() == null ? inspection.defaults().sampleSize() : form.n();
        if (n < 0 || n > 10_000) {
            throw new BadRequestResponse("n must be between 0 and 10,000");
        }
        Long seed;
        try {
            seed = form.seed() == null || form.seed().isBlank() ? null : Long.parseLong(form.seed().strip());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("The seed must be a whole number");
        }
        Sample s = InspectionErrors.badRequest(() -> inspection.samples().take(agency.code(),
                InspectionPeriods.of(view.period()).id(), n, seed, AccessControl.user(ctx).username()));
        ctx.json(sample(s, view.formats()));
    }

    public void recordOutcome(Context ctx) {
        OutcomeForm form;
        try {
            form = ctx.bodyAsClass(OutcomeForm.class);
        } catch (RuntimeException e) {
            throw new BadRequestResponse("Unreadable outcome");
        }
        if (form.caseId() == null || form.rule() == null || form.outcome() == null) {
            throw new BadRequestResponse("caseId, rule and outcome are needed");
        }
        Outcome o = InspectionErrors.badRequest(() -> inspection.outcomes().record(form.caseId(), form.rule(),
                Finding.parse(form.outcome()), form.note(), AccessControl.user(ctx).username()));
        ctx.json(outcome(o, Formats.of(ViewRequest.language(ctx))));
    }

    public void evidence(Context ctx) throws IOException {
        ViewRequest view = ViewRequest.of(ctx, results);
        Agency agency = view.scope().require(ctx.pathParam("code"));
        Long sample;
        try {
            sample = ctx.queryParam("sample") == null ? null : Long.parseLong(ctx.queryParam("sample"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("sample must be a number");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InspectionErrors.badRequest(() -> {
            try {
                return inspection.evidence().writeEvidence(agency.code(), InspectionPeriods.of(view.period()).id(),
                        sample, out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        audit.record(view.user().username(), AuditLog.EXPORT, "evidence.xlsx agency=" + agency.code() + " run="
                + view.runId() + " period=" + view.period().id() + (sample == null ? "" : " sample=" + sample));
        attachment(ctx, "ho-so-kiem-tra_" + agency.code() + "_" + view.period().id() + ".xlsx", out.toByteArray());
    }

    public void selfInspection(Context ctx) throws IOException {
        ViewRequest view = ViewRequest.of(ctx, results);
        Agency agency = view.scope().require(ctx.pathParam("code"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        inspection.evidence().writeSelfInspection(agency.code(), InspectionPeriods.of(view.period()).id(), out);
        audit.record(view.user().username(), AuditLog.EXPORT, "self-inspection.xlsx agency=" + agency.code() + " run="
                + view.runId() + " period=" + view.period().id());
        attachment(ctx, "phieu-tu-kiem-tra_" + agency.code() + "_" + view.period().id() + ".xlsx", out.toByteArray());
    }

    private static void attachment(Context ctx, String file, byte[] body) {
        String safe = file.replaceAll("[^A-Za-z0-9._-]", "_");
        ctx.header("Content-Disposition", "attachment; filename=\"" + safe + "\"");
        ctx.contentType(XLSX).result(body);
    }
}
