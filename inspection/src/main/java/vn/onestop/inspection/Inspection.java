package vn.onestop.inspection;

import java.time.Clock;
import java.util.Map;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.core.store.Store;
import vn.onestop.inspection.draw.Draws;
import vn.onestop.inspection.evidence.EvidencePacks;
import vn.onestop.inspection.history.InspectionHistory;
import vn.onestop.inspection.outcome.Outcomes;
import vn.onestop.inspection.plan.InspectionPlans;
import vn.onestop.inspection.published.PublishedInputs;
import vn.onestop.inspection.sample.DossierSamples;

/**
 * Everything the command line and the dashboard use to choose whom to inspect and to arrive with evidence, over one
 * store and one clock, with the defaults of the configuration (inspection.*).
 */
public record Inspection(PublishedInputs published, InspectionHistory history, InspectionPlans plans, Draws draws,
                         DossierSamples samples, Outcomes outcomes, EvidencePacks evidence, Defaults defaults) {
    /** The configured defaults of a draw and a sample. */
    public record Defaults(Map<String, Integer> quotas, int randomSharePct, int recentMonths, int sampleSize,
                           int noticeDays) {
    }

    public static Inspection of(Store store, OneStopConfig config, Clock clock) {
        InspectionHistory history = new InspectionHistory(store, clock);
        InspectionPlans plans = new InspectionPlans(store, clock, config.integer("inspection.notice_days"));
        DossierSamples samples = new DossierSamples(store, clock);
        return new Inspection(new PublishedInputs(store), history, plans, new Draws(store, clock, history, plans),
                samples, new Outcomes(store, clock), new EvidencePacks(store, samples),
                new Defaults(config.inspectionQuotas(), config.integer("inspection.random_share_pct"),
                        config.integer("inspection.recent_months"), config.integer("inspection.sample_size"),
                        config.integer("inspection.notice_days")));
    }
}
