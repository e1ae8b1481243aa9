package vn.onestop.sample;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The R12 pattern: for a few whole months the planted commune stops using the one-stop system — its counter works on
 * paper and its online services are switched off — so only a trickle of its dossiers reaches the system. The spell
 * starts after a year of ordinary history (what R12 compares the months with) and ends while the commune exists.
 */
record SilentSpell(Agency agency, YearMonth first, int months, double recordedShare) {
    static final int MONTHS = 4;
    static final int HISTORY_MONTHS = 12;
    /** Share of the commune's dossiers that still reach the system during the spell. */
    static final double RECORDED_SHARE = 0.02;

    /** A spell drawn with the seed among the months that fit, or null when none does. */
    static SilentSpell draw(Agency agency, GeneratorOptions options, long seed) {
        YearMonth earliest = YearMonth.from(options.from()).plusMonths(HISTORY_MONTHS);
        YearMonth lastData = YearMonth.from(options.to().plusDays(1)).minusMonths(1); // the last whole month
        YearMonth last = agency.validTo() == null ? lastData : min(lastData, YearMonth.from(agency.validTo()));
        List<YearMonth> starts = new ArrayList<>();
        for (YearMonth m = earliest; !m.plusMonths(MONTHS - 1).isAfter(last); m = m.plusMonths(1)) {
            if (agency.validFrom() == null || !m.atDay(1).isBefore(agency.validFrom())) {
                starts.add(m);
            }
        }
        if (starts.isEmpty()) {
            return null;
        }
        SplittableRandom rng = Seeds.stream(seed, Seeds.SILENCE);
        return new SilentSpell(agency, starts.get(rng.nextInt(starts.size())), MONTHS, RECORDED_SHARE);
    }

    boolean covers(Agency a, LocalDate day) {
        YearMonth m = YearMonth.from(day);
        return a == agency && !m.isBefore(first) && m.isBefore(first.plusMonths(months));
    }

    List<YearMonth> monthList() {
        List<YearMonth> out = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            out.add(first.plusMonths(i));
        }
        return out;
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }
}
