package vn.onestop.dashboard.inspection;

import vn.onestop.dashboard.published.Period;
import vn.onestop.inspection.published.PeriodRef;

/** The dashboard's period as the inspection module names it. */
final class InspectionPeriods {
    private InspectionPeriods() {
    }

    static PeriodRef of(Period p) {
        return new PeriodRef(p.kind(), p.start(), p.end());
    }
}
