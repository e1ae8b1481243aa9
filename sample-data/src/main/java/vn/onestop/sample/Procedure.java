package vn.onestop.sample;

import java.time.LocalDate;
import vn.onestop.core.calendar.DurationUnit;

/** One administrative procedure (data contract: procedure) with the generator's popularity and fee. */
record Procedure(int index, String code, String name, Field field, String authorityLevel, int legalDuration,
                 DurationUnit unit, String onlineLevel, boolean fullOnlineEligible, boolean resultIsDocument,
                 boolean hasFee, String applicantKinds, String handledBy, double popularity, long feeVnd,
                 LocalDate announcedOn, LocalDate legalBasisEffectiveOn, LocalDate publishedOn,
                 boolean componentsComplete) {

    boolean onlineCapable() {
        return !"NONE".equals(onlineLevel);
    }

    boolean forIndividuals() {
        return !"organisation".equals(applicantKinds);
    }

    boolean forOrganisations() {
        return !"individual".equals(applicantKinds);
    }

    /** A field of procedures (lĩnh vực) and the unit that handles it at each level. */
    record Field(String code, String name, String provinceUnit, String districtUnit, String communeUnit,
                 String newCommuneUnit) {
        String unitAt(AgencyRole role) {
            return switch (role) {
                case DISTRICT -> districtUnit;
                case COMMUNE -> communeUnit;
                case NEW_COMMUNE -> newCommuneUnit;
                default -> provinceUnit;
            };
        }
    }
}
