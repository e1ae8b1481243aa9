package vn.onestop.dashboard.pages;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;
import java.util.function.Function;
import vn.onestop.dashboard.auth.AccessControl;
import vn.onestop.dashboard.auth.AgencyScope;
import vn.onestop.dashboard.auth.Cookies;
import vn.onestop.dashboard.auth.User;
import vn.onestop.dashboard.published.Period;
import vn.onestop.dashboard.published.PublishedResults;
import vn.onestop.dashboard.published.RunCatalogue;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Language;

/**
 * What one API request looks at: who asks, in which language, the published run, the period ({@code ?period=},
 * else the latest month) and the agencies the user may see.
 */
public record ViewRequest(User user, Formats formats, RunCatalogue catalogue, Period period, AgencyScope scope) {
    /** Error title when nothing has been published yet; pages show it in words. */
    public static final String NO_PUBLISHED_RUN = "no_published_run";

    public static ViewRequest of(Context ctx, PublishedResults results) {
        return of(ctx, results, RunCatalogue::defaultPeriod);
    }

    /** As {@link #of(Context, PublishedResults)}, with another period when none is asked for. */
    public static ViewRequest of(Context ctx, PublishedResults results,
                                 Function<RunCatalogue, Optional<Period>> defaultPeriod) {
        User user = AccessControl.user(ctx);
        RunCatalogue catalogue = results.current().orElseThrow(() -> new NotFoundResponse(NO_PUBLISHED_RUN));
        String id = ctx.queryParam("period");
        Period period = id == null || id.isBlank()
                ? defaultPeriod.apply(catalogue).orElseThrow(() -> new NotFoundResponse(NO_PUBLISHED_RUN))
                : catalogue.period(id.strip()).orElseThrow(() -> new BadRequestResponse("Unknown period '" + id + "'"));
        return new ViewRequest(user, Formats.of(language(ctx)), catalogue, period, AgencyScope.of(user, catalogue));
    }

    /** {@code ?lang=} when given, else the remembered choice, else Vietnamese. */
    public static Language language(Context ctx) {
        String asked = ctx.queryParam("lang");
        return Language.parse(Language.isKnown(asked) ? asked : ctx.cookie(Cookies.LANGUAGE));
    }

    public Language language() {
        return formats.language();
    }

    public String runId() {
        return catalogue.runId();
    }
}
