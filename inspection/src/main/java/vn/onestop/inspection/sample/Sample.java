package vn.onestop.inspection.sample;

import java.time.LocalDateTime;
import java.util.List;
import vn.onestop.inspection.published.PeriodRef;

/** A recorded sample of an agency's dossiers: what it was drawn from, with which seed, and what it holds. */
public record Sample(long id, String runId, String agencyCode, PeriodRef period, int n, long seed,
                     List<StratifiedSample.Stratum> strata, String drawnBy, LocalDateTime drawnAt,
                     List<SampledDossier> dossiers) {
}
