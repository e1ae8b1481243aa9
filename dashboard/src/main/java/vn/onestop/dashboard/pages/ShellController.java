package vn.onestop.dashboard.pages;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.onestop.dashboard.auth.AccessControl;
import vn.onestop.dashboard.auth.Role;
import vn.onestop.dashboard.auth.Session;
import vn.onestop.dashboard.auth.User;
import vn.onestop.dashboard.published.Period;
import vn.onestop.dashboard.published.PublishedResults;
import vn.onestop.dashboard.published.RunCatalogue;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Labels;
import vn.onestop.dashboard.text.Language;

/** What every page's header needs: who is signed in, the navigation they may use, the run, the periods, the words. */
public final class ShellController {
    private final PublishedResults results;
    private final String provinceName;

    public ShellController(PublishedResults results, String provinceName) {
        this.results = results;
        this.provinceName = provinceName;
    }

    public record NavItem(String key, String href) {
    }

    public record RunSummary(String runId, String publishedAt, String pointsProfile, String formulaVersion) {
    }

    public record Shell(String username, String displayName, String role, String roleText, String agencyCode,
                        String csrf, String language, String provinceName, List<NavItem> nav, RunSummary run,
                        List<PeriodView> periods, String defaultPeriod, Map<String, String> labels) {
    }

    public record Dictionary(String language, Map<String, String> labels) {
    }

    /** {@code /}: the overview for province-wide users, the own agency for agency viewers. */
    public void home(Context ctx) {
        User user = AccessControl.user(ctx);
        ctx.redirect(user.role().isProvinceWide() ? "/overview" : "/agency/" + user.agencyCode());
    }

    public void shell(Context ctx) {
        Session session = AccessControl.session(ctx);
        User user = session.user();
        Language lang = ViewRequest.language(ctx);
        Formats f = Formats.of(lang);
        Optional<RunCatalogue> catalogue = results.current();
        List<NavItem> nav = new ArrayList<>();
        if (user.role().isProvinceWide()) {
            nav.add(new NavItem("nav.overview", "/overview"));
            nav.add(new NavItem("nav.ranking", "/ranking"));
            nav.add(new NavItem("nav.agency", "/agency"));
            nav.add(new NavItem("nav.inspection", "/inspection"));
            nav.add(new NavItem("nav.data", "/data"));
            nav.add(new NavItem("nav.runs", "/runs"));
            if (user.role() == Role.ADMIN) {
                nav.add(new NavItem("nav.audit", "/audit"));
            }
        } else {
            nav.add(new NavItem("nav.agency", "/agency/" + user.agencyCode()));
            nav.add(new NavItem("nav.ranking", "/ranking"));
        }
        RunSummary run = catalogue.map(c -> new RunSummary(c.runId(), f.dateTime(c.publishedAt()),
                c.run().pointsProfile(), c.run().formulaVersion())).orElse(null);
        List<PeriodView> periods = catalogue.map(c -> c.periods().stream().map(p -> PeriodView.of(p, f)).toList())
                .orElse(List.of());
        String defaultPeriod = catalogue.flatMap(RunCatalogue::defaultPeriod).map(Period::id).orElse(null);
        ctx.json(new Shell(user.username(), user.shownName(), user.role().storeName(),
                Labels.get(lang, "role." + user.role().storeName()), user.agencyCode(), session.csrfToken(),
                lang.code(), provinceName, nav, run, periods, defaultPeriod, Labels.all(lang)));
    }

    /** The dictionary alone, for the login page. */
    public void labels(Context ctx) {
        Language lang = ViewRequest.language(ctx);
        ctx.json(new Dictionary(lang.code(), Labels.all(lang)));
    }
}
