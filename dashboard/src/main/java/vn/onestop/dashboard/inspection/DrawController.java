package vn.onestop.dashboard.inspection;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.onestop.dashboard.auth.AccessControl;
import vn.onestop.dashboard.pages.Names;
import vn.onestop.dashboard.pages.PageFiles;
import vn.onestop.dashboard.pages.ViewRequest;
import vn.onestop.dashboard.published.PublishedResults;
import vn.onestop.dashboard.published.RunCatalogue;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Labels;
import vn.onestop.dashboard.text.Language;
import vn.onestop.inspection.AgencyKinds;
import vn.onestop.inspection.Inspection;
import vn.onestop.inspection.draw.Candidate;
import vn.onestop.inspection.draw.DrawRecord;
import vn.onestop.inspection.draw.Draws;
import vn.onestop.inspection.draw.Selection;
import vn.onestop.inspection.draw.Verification;

/**
 * Bốc thăm kiểm tra đột xuất: the form (quotas per kind, shares, exclusions and overrides with their reasons, seed),
 * the sealed result, the history of draws and the verification of any of them. Drawing is a POST with the session's
 * anti-forgery token; every draw is a new sealed record, audited with the inspector's name.
 */
public final class DrawController {
    private final PublishedResults results;
    private final Inspection inspection;

    public DrawController(PublishedResults results, Inspection inspection) {
        this.results = results;
        this.inspection = inspection;
    }

    public record KindQuota(String kind, String kindText, int quota) {
    }

    public record HistoryRow(long id, String drawnAt, String drawnBy, String runId, String seed, String seal) {
    }

    public record DrawsPage(List<KindQuota> quotas, int randomSharePct, int recentMonths, List<HistoryRow> history) {
    }

    /** An exclusion overridden, with its reason. */
    public record Exemption(String agency, String reason) {
    }

    /** What the form posts; the period is a dashboard period id, the seed digits or empty. */
    public record DrawForm(String period, Map<String, Integer> quotas, Integer randomSharePct, Integer recentMonths,
                           List<Exemption> overrides, String seed) {
    }

    public record SelectedRow(int order, String code, String name, String kindText, String share, String shareText,
                              String riskText, boolean feedbackTriggered, String override) {
    }

    public record CandidateRow(String code, String name, String kindText, boolean scored, String riskText,
                               long conductFeedback, List<String> exclusions, String override, boolean eligible,
                               boolean selected) {
    }

    public record ShortfallRow(String kindText, int places) {
    }

    public record DrawView(long id, boolean readable, String seal, String drawnAt, String drawnBy, String runId,
                           String period, String seed, int randomSharePct, int recentMonths, List<KindQuota> quotas,
                           List<SelectedRow> selected, List<ShortfallRow> shortfall, List<CandidateRow> candidates,
                           String json) {
    }

    /** A check of a verification; what it compared is spelled out in English only (hashes and ids). */
    public record CheckRow(String code, String label, String status, String statusText, String detail) {
    }

    public record VerificationView(long id, boolean holds, String verdict, List<CheckRow> checks) {
    }

    public void page(Context ctx) {
        PageFiles.serve(ctx, "draw");
    }

    public void list(Context ctx) {
        Language lang = ViewRequest.language(ctx);
        Formats f = Formats.of(lang);
        Set<String> kinds = new TreeSet<>(Comparator.comparing(AgencyKinds::rank).thenComparing(Comparator.naturalOrder()));
        kinds.addAll(inspection.defaults().quotas().keySet());
        results.current().ifPresent(c -> c.agencies().forEach(a -> kinds.add(a.kind())));
        List<KindQuota> quotas = kinds.stream().map(k -> new KindQuota(k, Names.kind(lang, k),
                inspection.defaults().quotas().getOrDefault(k, 0))).toList();
        List<HistoryRow> history = inspection.draws().history().stream().map(d -> new HistoryRow(d.id(),
                f.dateTime(d.drawnAt()), d.drawnBy(), d.runId(), d.seed(), d.seal())).toList();
        ctx.json(new DrawsPage(quotas, inspection.defaults().randomSharePct(), inspection.defaults().recentMonths(),
                history));
    }

    public void draw(Context ctx) {
        DrawForm form;
        try {
            form = ctx.bodyAsClass(DrawForm.class);
        } catch (RuntimeException e) {
            throw new BadRequestResponse("Unreadable draw form");
        }
        String period = null;
        if (form.period() != null && !form.period().isBlank()) {
            RunCatalogue catalogue = results.current().orElseThrow(() -> new NotFoundResponse(ViewRequest.NO_PUBLISHED_RUN));
            period = catalogue.period(form.period()).map(p -> InspectionPeriods.of(p).id())
                    .orElseThrow(() -> new BadRequestResponse("Unknown period '" + form.period() + "'"));
        }
        Long seed = null;
        if (form.seed() != null && !form.seed().isBlank()) {
            try {
                seed = Long.parseLong(form.seed().strip());
            } catch (NumberFormatException e) {
                throw new BadRequestResponse("The seed must be a whole number");
            }
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (Exemption o : form.overrides() == null ? List.<Exemption>of() : form.overrides()) {
            if (o.agency() != null && !o.agency().isBlank()) {
                overrides.put(o.agency().strip(), o.reason() == null ? "" : o.reason());
            }
        }
        Map<String, Integer> quotas = form.quotas() == null || form.quotas().isEmpty()
                ? inspection.defaults().quotas() : form.quotas();
        Draws.Request request = new Draws.Request(period, quotas,
                form.randomSharePct() != null ? form.randomSharePct() : inspection.defaults().randomSharePct(),
                form.recentMonths() != null ? form.recentMonths() : inspection.defaults().recentMonths(), overrides, seed);
        Draws.SealedDraw d = InspectionErrors.badRequest(() -> inspection.draws().draw(request,
                AccessControl.user(ctx).username()));
        ctx.json(view(d, ViewRequest.language(ctx)));
    }

    public void show(Context ctx) {
        Draws.SealedDraw d = inspection.draws().find(drawId(ctx)).orElseThrow(NotFoundResponse::new);
        ctx.json(view(d, ViewRequest.language(ctx)));
    }

    public void verify(Context ctx) {
        long id = drawId(ctx);
        inspection.draws().find(id).orElseThrow(NotFoundResponse::new);
        Language lang = ViewRequest.language(ctx);
        Verification v = inspection.draws().verify(id);
        ctx.json(new VerificationView(id, v.holds(), Labels.get(lang, v.holds() ? "draw.verify.holds" : "draw.verify.fails"),
                v.checks().stream().map(c -> new CheckRow(c.code(), Labels.get(lang, "draw.check." + c.code()),
                        c.status().name().toLowerCase(), Labels.get(lang, "draw.check.status." + c.status().name()
                        .toLowerCase()), lang == Language.EN ? c.detail() : null)).toList()));
    }

    private static long drawId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    private DrawView view(Draws.SealedDraw d, Language lang) {
        Formats f = Formats.of(lang);
        DrawRecord r = d.record();
        if (r == null) {
            return new DrawView(d.id(), false, d.seal(), null, null, null, null, null, 0, 0, List.of(), List.of(),
                    List.of(), List.of(), d.json());
        }
        Map<String, Candidate> byCode = new LinkedHashMap<>();
        r.candidates().forEach(c -> byCode.put(c.agencyCode(), c));
        Set<String> chosen = new TreeSet<>();
        List<SelectedRow> selected = new ArrayList<>();
        for (Selection s : r.outcome().selected()) {
            Candidate c = byCode.get(s.agencyCode());
            chosen.add(s.agencyCode());
            selected.add(new SelectedRow(s.order(), s.agencyCode(), c.name(), Names.kind(lang, s.kind()), s.share(),
                    Labels.get(lang, "draw.share." + s.share()), riskText(c, f), c.feedbackTriggered(), c.override()));
        }
        List<ShortfallRow> shortfall = r.outcome().shortfall().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new ShortfallRow(Names.kind(lang, e.getKey()), e.getValue())).toList();
        List<CandidateRow> candidates = r.candidates().stream().map(c -> new CandidateRow(c.agencyCode(), c.name(),
                Names.kind(lang, c.kind()), c.scored(), riskText(c, f), c.conductFeedback(),
                c.exclusions().stream().map(x -> exclusion(x, lang, f)).toList(), c.override(), c.eligible(),
                chosen.contains(c.agencyCode()))).toList();
        List<KindQuota> quotas = r.parameters().quotas().entrySet().stream()
                .sorted(Comparator.comparing(e -> AgencyKinds.rank(e.getKey())))
                .map(e -> new KindQuota(e.getKey(), Names.kind(lang, e.getKey()), e.getValue())).toList();
        return new DrawView(d.id(), true, d.seal(), f.dateTime(r.drawnAt()), r.drawnBy(), r.runId(),
                r.parameters().period().label(), Long.toString(r.seed()), r.parameters().randomSharePct(),
                r.parameters().recentMonths(), quotas, selected, shortfall, candidates, d.json());
    }

    private static String riskText(Candidate c, Formats f) {
        return c.risk() == null ? Labels.get(f.language(), "risk.not_scored") : f.decimal(c.risk(), 2);
    }

    /** An exclusion code in words: vertical, inspected:2024-01-10, planned:2024-Q3. */
    static String exclusion(String code, Language lang, Formats f) {
        if (code.startsWith("inspected:")) {
            return Labels.format(lang, "draw.exclusion.inspected", f.date(LocalDate.parse(code.substring(10))));
        }
        if (code.startsWith("planned:")) {
            String[] yq = code.substring(8).split("-Q");
            return Labels.format(lang, "draw.exclusion.planned", yq[0], yq.length > 1 ? yq[1] : "");
        }
        return Labels.getOrDefault(lang, "draw.exclusion." + code, code);
    }

}
