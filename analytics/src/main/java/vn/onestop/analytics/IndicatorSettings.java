package vn.onestop.analytics;

import java.util.Arrays;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.catalogue.IndicatorDefinition;
import vn.onestop.analytics.model.RiskScoring;
import vn.onestop.core.config.ConfigException;
import vn.onestop.core.config.OneStopConfig;

/**
 * What a computation needs from configuration: the 766 points profile, the province roll-up's code and name, the
 * copy-certification procedures of 766.4.7, the rule thresholds and the risk score's settings.
 */
public record IndicatorSettings(String profile, String provinceCode, String provinceName,
                                List<String> copyCertificationProcedures, RuleThresholds thresholds,
                                Map<String, BigDecimal> riskWeights, int riskMinDossiers, int riskPriorDossiers,
                                double riskOutlierChance) {

    /** The thresholds of the dossier rules (inspection.md: thresholds are configuration, shown with every flag). */
    public record RuleThresholds(int recordedLateWorkingDays, int syncLateDays, int tooFastMinutes,
                                 int tooFastMinWorkingDays, int closingBurstSharePct, int closingBurstOfficer,
                                 int silentPeerSharePct, int silentVolumePct, int silentHistoryMonths,
                                 int silentMinHistoryMonths, int silentMinMonthlyMedian) {
    }

    public static IndicatorSettings from(OneStopConfig config) {
        List<String> codes = Arrays.stream(config.string("indicators.copy_certification_procedures").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        RuleThresholds t = new RuleThresholds(config.integer("rules.recorded_late_working_days"),
                config.integer("rules.sync_late_days"), config.integer("rules.too_fast_minutes"),
                config.integer("rules.too_fast_min_working_days"), config.integer("rules.closing_burst_share_pct"),
                config.integer("rules.closing_burst_officer"), config.integer("rules.silent_peer_share_pct"),
                config.integer("rules.silent_volume_pct"), config.integer("rules.silent_history_months"),
                config.integer("rules.silent_min_history_months"), config.integer("rules.silent_min_monthly_median"));
        Map<String, BigDecimal> weights;
        try {
            weights = RiskScoring.parseWeights(config.string("risk.weights"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + " (risk.weights, e.g. R01.rate=3,gap:766.2.1=2)");
        }
        Catalogue catalogue = Catalogue.bundled();
        weights.keySet().forEach(input -> checkRiskInput(input, catalogue));
        if (config.integer("risk.prior_dossiers") < 0) {
            throw new ConfigException("risk.prior_dossiers must not be negative (0 = no smoothing).");
        }
        double chance;
        try {
            chance = Double.parseDouble(config.string("risk.outlier_chance"));
        } catch (NumberFormatException e) {
            chance = -1;
        }
        if (!(chance > 0 && chance < 1)) {
            throw new ConfigException("risk.outlier_chance = '" + config.string("risk.outlier_chance")
                    + "' must be a number between 0 and 1, e.g. 0.0001");
        }
        return new IndicatorSettings(config.pointsProfile(), config.provinceCode(), config.provinceName(), codes, t,
                weights, config.integer("risk.min_dossiers"), config.integer("risk.prior_dossiers"), chance);
    }

    /** A risk input is a rule rate, a gap to a 766 target, the feedback inputs or the trend: anything else is a typo. */
    private static void checkRiskInput(String input, Catalogue catalogue) {
        if (List.of("feedback_per_1000", "conduct_feedback", "trend").contains(input)) {
            return;
        }
        boolean gap = input.startsWith("gap:") && catalogue.find(input.substring(4))
                .filter(d -> d.isIndex766() && d.unit() == IndicatorDefinition.Unit.PERCENT)
                .isPresent();
        boolean rule = catalogue.find(input).filter(d -> d.category().equals("rule")).isPresent();
        if (!gap && !rule) {
            throw new ConfigException("risk.weights: unknown input '" + input + "'. Use a rule rate (R01.rate … "
                    + "R12.rate), R12.count, gap:<766 indicator> (e.g. gap:766.2.1), feedback_per_1000, "
                    + "conduct_feedback or trend.");
        }
    }

    public static IndicatorSettings defaults() {
        return from(OneStopConfig.defaults());
    }

    public IndicatorSettings withProfile(String newProfile) {
        return new IndicatorSettings(newProfile, provinceCode, provinceName, copyCertificationProcedures, thresholds,
                riskWeights, riskMinDossiers, riskPriorDossiers, riskOutlierChance);
    }
}
