package vn.onestop.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which agency and procedure a new dossier goes to. Volume is split by group (departments, land registry, districts,
 * communes…) and within a group by the agency's size; before and after 1 July 2025 differ because the districts and
 * old communes give way to the merged communes. Planted agencies get the volume their pattern needs.
 */
final class AgencyDraw {
    private final Province province;
    private final double[] before;
    private final double[] after;
    private final double[][] procedureWeights;
    private final double[][] onlineProcedureWeights;
    private final SilentSpell silence;

    AgencyDraw(Province province, Map<PlantedPattern, Agency> planted, SilentSpell silence) {
        this.province = province;
        this.silence = silence;
        int n = province.agencies().size();
        this.before = new double[n];
        this.after = new double[n];
        for (AgencyRole role : AgencyRole.values()) {
            spread(role, before, groupShare(role, false));
            spread(role, after, groupShare(role, true));
        }
        mergeIntoNewCommunes();
        plant(before, planted);
        plant(after, planted);
        toCumulative(before);
        toCumulative(after);
        this.procedureWeights = new double[n][];
        this.onlineProcedureWeights = new double[n][];
        for (Agency a : province.agencies()) {
            List<Procedure> ps = province.proceduresOf(a);
            double[] all = new double[ps.size()];
            double[] online = new double[ps.size()];
            for (int i = 0; i < ps.size(); i++) {
                all[i] = ps.get(i).popularity();
                online[i] = ps.get(i).onlineCapable() ? ps.get(i).popularity() : 0;
            }
            toCumulative(all);
            toCumulative(online);
            procedureWeights[a.index()] = all;
            onlineProcedureWeights[a.index()] = online;
        }
    }

    /**
     * An agency valid on {@code day}; on a rest day only one that offers an online procedure. A commune in its silent
     * spell keeps only the few dossiers it still records: the others are drawn again, so the total stays exact.
     */
    Agency agency(LocalDate day, boolean onlineOnly, SplittableRandom rng) {
        double[] cumulative = day.isBefore(Province.REORGANISED_ON) ? before : after;
        for (int attempt = 0; ; attempt++) {
            Agency a = province.agencies().get(pick(cumulative, rng));
            if (silence != null && silence.covers(a, day) && rng.nextDouble() >= silence.recordedShare()) {
                continue;
            }
            if (!onlineOnly || hasOnline(a) || attempt > 50) {
                return a;
            }
        }
    }

    Procedure procedure(Agency agency, boolean onlineOnly, SplittableRandom rng) {
        double[] cumulative = onlineOnly && hasOnline(agency) ? onlineProcedureWeights[agency.index()]
                : procedureWeights[agency.index()];
        return province.proceduresOf(agency).get(pick(cumulative, rng));
    }

    /** Expected share of all dossiers of a regime that goes to {@code agency}. */
    double share(Agency agency, boolean afterReorganisation) {
        double[] c = afterReorganisation ? after : before;
        int i = agency.index();
        return (c[i] - (i == 0 ? 0 : c[i - 1])) / c[c.length - 1];
    }

    private boolean hasOnline(Agency a) {
        double[] w = onlineProcedureWeights[a.index()];
        return w.length > 0 && w[w.length - 1] > 0;
    }

    private static double groupShare(AgencyRole role, boolean afterReorganisation) {
        return switch (role) {
            case PPC -> 0.002;
            case DEPARTMENT -> 0.24;
            case BRANCH -> 0.12;
            case VERTICAL -> 0.04;
            case DISTRICT -> afterReorganisation ? 0 : 0.16;
            case COMMUNE -> afterReorganisation ? 0 : 0.438;
            case NEW_COMMUNE -> 0; // filled from their predecessors
        };
    }

    private void spread(AgencyRole role, double[] weights, double share) {
        List<Agency> group = province.ofRole(role);
        double total = group.stream().mapToDouble(Agency::size).sum();
        for (Agency a : group) {
            weights[a.index()] = total == 0 ? 0 : share * a.size() / total;
        }
    }

    /** A merged commune inherits its old communes' volume plus their share of the district's. */
    private void mergeIntoNewCommunes() {
        List<Agency> communes = province.ofRole(AgencyRole.COMMUNE);
        for (Agency c : communes) {
            long siblings = communes.stream().filter(o -> o.parentCode().equals(c.parentCode())).count();
            double inherited = before[c.index()] + before[province.agency(c.parentCode()).index()] / siblings;
            after[province.agency(c.successorCode()).index()] += inherited;
        }
    }

    /** Planted agencies get exactly their pattern's share of the regime; the others share the rest as before. */
    private static void plant(double[] weights, Map<PlantedPattern, Agency> planted) {
        double plantedShare = 0;
        double plantedBefore = 0;
        for (Map.Entry<PlantedPattern, Agency> e : planted.entrySet()) {
            if (weights[e.getValue().index()] > 0) { // valid in this regime
                plantedShare += e.getKey().volumeShare;
                plantedBefore += weights[e.getValue().index()];
            }
        }
        double scale = (1 - plantedShare) / (1 - plantedBefore);
        for (int i = 0; i < weights.length; i++) {
            weights[i] *= scale;
        }
        planted.forEach((pattern, agency) -> {
            if (weights[agency.index()] > 0) {
                weights[agency.index()] = pattern.volumeShare;
            }
        });
    }

    private static void toCumulative(double[] w) {
        for (int i = 1; i < w.length; i++) {
            w[i] += w[i - 1];
        }
    }

    private static int pick(double[] cumulative, SplittableRandom rng) {
        double r = rng.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo; // the first entry whose cumulative weight exceeds r: never a zero-weight one
    }
}
