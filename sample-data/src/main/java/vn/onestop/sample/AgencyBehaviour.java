package vn.onestop.sample;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * How an agency works: the share of dossiers it finishes late, how it apologises, how promptly it records dossiers
 * and how much of its work arrives online. Normal agencies differ a little; planted ones differ a lot.
 */
record AgencyBehaviour(double lateRate, double apologyRate, double timelyApologyRate, double afterTheFactRate,
                       double onlineBase, double stuckRate, double supplementRate, boolean closingBursts,
                       PlantedPattern pattern) {

    static AgencyBehaviour[] draw(Province province, Map<PlantedPattern, Agency> planted, long seed) {
        SplittableRandom rng = Seeds.stream(seed, Seeds.BEHAVIOUR);
        AgencyBehaviour[] out = new AgencyBehaviour[province.agencies().size()];
        for (Agency a : province.agencies()) {
            AgencyBehaviour normal = new AgencyBehaviour(0.03 + 0.04 * rng.nextDouble(), 0.9 + 0.07 * rng.nextDouble(),
                    0.93 + 0.06 * rng.nextDouble(), 0.004, onlineBase(a.role()) * (0.85 + 0.3 * rng.nextDouble()),
                    0.0015, 0.08 + 0.05 * rng.nextDouble(), false, null);
            out[a.index()] = normal;
        }
        planted.forEach((pattern, a) -> out[a.index()] = out[a.index()].plant(pattern));
        return out;
    }

    private AgencyBehaviour plant(PlantedPattern p) {
        return switch (p) {
            case R01_LATE_NO_APOLOGY -> new AgencyBehaviour(0.26, 0.07, timelyApologyRate, afterTheFactRate, onlineBase,
                    0.02, supplementRate, false, p);
            case R06_RECORDED_AFTER_THE_FACT -> new AgencyBehaviour(lateRate, apologyRate, timelyApologyRate, 0.6, 0.2,
                    stuckRate, supplementRate, false, p);
            case R02_APOLOGY_TOO_LATE -> new AgencyBehaviour(0.16, 0.92, 0.08, afterTheFactRate, onlineBase, stuckRate,
                    supplementRate, false, p);
            case R10_CLOSING_BURST -> new AgencyBehaviour(lateRate, apologyRate, timelyApologyRate, afterTheFactRate,
                    onlineBase, stuckRate, supplementRate, true, p);
            // The commune handles its dossiers as usual; what it does not do, for a while, is record them (SilentSpell).
            case R12_SILENT_PROCEDURE -> new AgencyBehaviour(lateRate, apologyRate, timelyApologyRate, afterTheFactRate,
                    onlineBase, stuckRate, supplementRate, false, p);
        };
    }

    private static double onlineBase(AgencyRole role) {
        return switch (role) {
            case DEPARTMENT -> 0.72;
            case VERTICAL -> 0.78;
            case BRANCH -> 0.45;
            case DISTRICT -> 0.6;
            case COMMUNE -> 0.55;
            case NEW_COMMUNE -> 0.64;
            case PPC -> 0.5;
        };
    }
}
