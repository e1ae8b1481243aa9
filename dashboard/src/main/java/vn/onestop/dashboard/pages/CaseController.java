package vn.onestop.dashboard.pages;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.onestop.dashboard.auth.AccessControl;
import vn.onestop.dashboard.auth.AgencyScope;
import vn.onestop.dashboard.auth.AuditLog;
import vn.onestop.dashboard.auth.User;
import vn.onestop.dashboard.published.Agency;
import vn.onestop.dashboard.published.CaseFlag;
import vn.onestop.dashboard.published.Period;
import vn.onestop.dashboard.published.PublishedResults;
import vn.onestop.dashboard.published.Rule;
import vn.onestop.dashboard.published.RunCatalogue;
import vn.onestop.dashboard.published.TimelineEvent;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Labels;
import vn.onestop.dashboard.text.Language;

/**
 * Hồ sơ: one flagged dossier — what happened to it, in time order, and the rules that flagged it, each with its
 * legal basis, its threshold and the values it saw. Only dossiers behind a flag are published; an agency viewer
 * reaches only the dossiers of its own agencies (403 for any other dossier, known or not). Every view of a dossier
 * is audited: the page itself holds no data, so the line is written when its API answers (decision 40).
 */
public final class CaseController {
    private final PublishedResults results;
    private final AuditLog audit;

    public CaseController(PublishedResults results, AuditLog audit) {
        this.results = results;
        this.audit = audit;
    }

    public record AgencyRef(String code, String name) {
    }

    public record Facts(String procedureCode, String procedureName, String channelText, String statusText,
                        String applicant, String receivedAtText, String dueAtText, String effectiveDueAtText,
                        String finishedAtText, boolean apologyIssued, String apologyIssuedAtText,
                        String apologyDeadlineText) {
    }

    /** One period in which a rule flagged the dossier, with what the rule saw then. */
    public record Occurrence(PeriodView period, String detail, boolean inView) {
    }

    public record FlagView(String rule, String name, String basis, String threshold, List<Occurrence> occurrences) {
    }

    public record Step(int seq, String at, String atText, String kind, String kindText, String statusText,
                       String label, String unit, String officer, boolean afterDue) {
    }

    public record CasePage(String caseId, AgencyRef agency, PeriodView period, Facts facts, List<FlagView> flags,
                           List<Step> timeline) {
    }

    /** {@code /case/{id}}: the page, after checking the user may see the dossier's agency. */
    public void page(Context ctx) {
        User user = AccessControl.user(ctx);
        Optional<RunCatalogue> catalogue = results.current();
        if (catalogue.isPresent()) {
            require(ctx.pathParam("id"), catalogue.get(), AgencyScope.of(user, catalogue.get()));
        } else if (!user.role().isProvinceWide()) {
            throw new ForbiddenResponse();
        }
        PageFiles.serve(ctx, "case");
    }

    public void api(Context ctx) {
        ViewRequest view = ViewRequest.of(ctx, results);
        List<CaseFlag> flags = require(ctx.pathParam("id"), view.catalogue(), view.scope());
        Formats f = view.formats();
        CaseFlag shown = flags.stream().filter(c -> inView(c, view.period())).findFirst().orElse(flags.get(0));
        Agency agency = view.catalogue().agency(shown.agencyCode()).orElseThrow(NotFoundResponse::new);
        LocalDateTime effectiveDue = shown.effectiveDueAt() != null ? shown.effectiveDueAt() : shown.dueAt();
        List<Step> timeline = results.timeline(view.runId(), shown.caseId()).stream()
                .map(e -> step(e, effectiveDue, f)).toList();
        // The store holds applicants' names masked only, so no role sees them unmasked here.
        audit.recordCaseView(view.user().username(), shown.caseId(), agency.code(), false);
        ctx.json(new CasePage(shown.caseId(), new AgencyRef(agency.code(), agency.name()),
                PeriodView.of(view.period(), f), facts(shown, f), flagViews(flags, view), timeline));
    }

    /** The dossier's flags; 403 for an agency viewer outside its agencies or naming an unknown dossier, else 404. */
    private List<CaseFlag> require(String caseId, RunCatalogue catalogue, AgencyScope scope) {
        List<CaseFlag> flags = results.flagsOfCase(catalogue.runId(), caseId);
        if (flags.isEmpty()) {
            if (!scope.isProvinceWide()) {
                throw new ForbiddenResponse();
            }
            throw new NotFoundResponse();
        }
        scope.require(flags.get(0).agencyCode());
        return flags;
    }

    private static boolean inView(CaseFlag c, Period period) {
        return c.periodKind().equals(period.kind()) && c.periodStart().equals(period.start());
    }

    private static Facts facts(CaseFlag c, Formats f) {
        Language lang = f.language();
        return new Facts(c.procedureCode(), c.procedureName(),
                c.channel() == null ? null : Labels.getOrDefault(lang, "channel." + c.channel(), c.channel()),
                statusText(c.status(), lang), c.applicantMasked(), f.dateTime(c.receivedAt()), f.dateTime(c.dueAt()),
                f.dateTime(c.effectiveDueAt()),
                c.finishedAt() == null ? Labels.get(lang, "cases.not_finished") : f.dateTime(c.finishedAt()),
                c.apologyIssuedAt() != null,
                c.apologyIssuedAt() == null ? Labels.get(lang, "cases.no_apology") : f.dateTime(c.apologyIssuedAt()),
                f.dateTime(c.apologyDeadline()));
    }

    private static String statusText(Integer status, Language lang) {
        return status == null ? null : Labels.getOrDefault(lang, "case.status." + status, String.valueOf(status));
    }

    /** One entry per rule, with every period the rule flagged the dossier in (the period in view first). */
    private static List<FlagView> flagViews(List<CaseFlag> flags, ViewRequest view) {
        Formats f = view.formats();
        Language lang = f.language();
        Map<String, List<Occurrence>> byRule = new LinkedHashMap<>();
        for (CaseFlag c : flags) {
            Optional<Period> period = view.catalogue().periods().stream()
                    .filter(p -> p.kind().equals(c.periodKind()) && p.start().equals(c.periodStart())).findFirst();
            if (period.isEmpty()) {
                continue;
            }
            boolean inView = inView(c, view.period());
            Occurrence o = new Occurrence(PeriodView.of(period.get(), f), c.detail(lang), inView);
            List<Occurrence> list = byRule.computeIfAbsent(c.ruleId(), k -> new ArrayList<>());
            if (inView) {
                list.add(0, o);
            } else {
                list.add(o);
            }
        }
        List<FlagView> out = new ArrayList<>();
        byRule.forEach((id, occurrences) -> {
            Optional<Rule> rule = view.catalogue().rule(id);
            out.add(new FlagView(id, rule.map(r -> id + " · " + r.name(lang)).orElse(id),
                    rule.map(Rule::basis).orElse(null), rule.map(r -> r.threshold(lang)).orElse(null), occurrences));
        });
        return out;
    }

    private static Step step(TimelineEvent e, LocalDateTime effectiveDue, Formats f) {
        Language lang = f.language();
        boolean afterDue = effectiveDue != null && e.at() != null && e.at().isAfter(effectiveDue)
                && !TimelineEvent.DUE.equals(e.kind()) && !TimelineEvent.SYNCED.equals(e.kind());
        return new Step(e.seq(), AgencyController.iso(e.at()), f.dateTime(e.at()), e.kind(),
                Labels.getOrDefault(lang, "timeline." + e.kind(), e.kind()), statusText(e.status(), lang), e.label(),
                e.unit(), e.officer(), afterDue);
    }
}
