package vn.onestop.inspection.evidence;

import java.io.IOException;
import java.io.OutputStream;
import vn.onestop.core.store.Store;
import vn.onestop.inspection.published.PeriodRef;
import vn.onestop.inspection.published.PublishedInputs;
import vn.onestop.inspection.sample.DossierSamples;
import vn.onestop.inspection.sample.Sample;

/** The evidence pack and the self-inspection sheet of an agency, from the current run. */
public final class EvidencePacks {
    private final PublishedInputs published;
    private final DossierSamples samples;

    public EvidencePacks(Store store, DossierSamples samples) {
        this.published = new PublishedInputs(store);
        this.samples = samples;
    }

    /**
     * What the workbooks say of the agency in the period (null: the run's default); with the given sample, which must
     * be the agency's, else its latest sample of the period, if any.
     */
    public AgencyEvidence evidence(String agencyCode, String periodId, Long sampleId) {
        String runId = published.requireCurrentRun();
        PeriodRef period = period(runId, periodId);
        Sample sample;
        if (sampleId != null) {
            sample = samples.find(sampleId).filter(s -> s.agencyCode().equals(agencyCode))
                    .orElseThrow(() -> new IllegalArgumentException("No sample " + sampleId + " of " + agencyCode));
        } else {
            sample = samples.latest(agencyCode, period).orElse(null);
        }
        return AgencyEvidence.read(published, runId, agencyCode, period, sample);
    }

    public AgencyEvidence writeEvidence(String agencyCode, String periodId, Long sampleId, OutputStream out)
            throws IOException {
        AgencyEvidence e = evidence(agencyCode, periodId, sampleId);
        EvidenceWorkbook.write(e, out);
        return e;
    }

    public AgencyEvidence writeSelfInspection(String agencyCode, String periodId, OutputStream out) throws IOException {
        String runId = published.requireCurrentRun();
        AgencyEvidence e = AgencyEvidence.read(published, runId, agencyCode, period(runId, periodId), null);
        SelfInspectionWorkbook.write(e, out);
        return e;
    }

    private PeriodRef period(String runId, String periodId) {
        return periodId == null || periodId.isBlank()
                ? published.defaultPeriod(runId).orElseThrow(() -> new IllegalStateException("Run " + runId
                        + " has no period"))
                : published.period(runId, periodId);
    }
}
