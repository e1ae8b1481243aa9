package vn.onestop.analytics;

import java.util.Arrays;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import vn.onestop.analytics.model.RiskScoring;
import vn.onestop.core.config.ConfigException;
import vn.onestop.core.config.OneStopConfig;

/**
 * What a computation needs from configuration: the 766 points profile, the province roll-up's code and name, and
 * the copy-certification procedures of 766.4.7.
 */
public record IndicatorSettings(String profile, String provinceCode, String provinceName,
                                List<String> copyCertificationProcedures, RuleThresholds thresholds,
                                Map<String, BigDecimal> riskWeights, int riskMinDossiers,
                                int riskMinDenominator) {

    /** The thresholds of the dossier rules (inspection.md: thresholds are configuration, shown with every flag). */
    public record RuleThresholds(int recordedLateWorkingDays, int syncLateDays, int tooFastMinutes,
                                 int tooFastMinWorkingDays, int closingBurstSharePct, int closingBurstOfficer) {
    }

    public static IndicatorSettings from(OneStopConfig config) {
        List<String> codes = Arrays.stream(config.string("indicators.copy_certification_procedures").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        RuleThresholds t = new RuleThresholds(config.integer("rules.recorded_late_working_days"),
                config.integer("rules.sync_late_days"), config.integer("rules.too_fast_minutes"),
                config.integer("rules.too_fast_min_working_days"), config.integer("rules.closing_burst_share_pct"),
                config.integer("rules.closing_burst_officer"));
        Map<String, BigDecimal> weights;
        try {
            weights = RiskScoring.parseWeights(config.string("risk.weights"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + " (risk.weights, e.g. R01.rate=3,gap:766.2.1=2)");
        }
        return new IndicatorSettings(config.pointsProfile(), config.provinceCode(), config.provinceName(), codes, t,
                weights, config.integer("risk.min_dossiers"), config.integer("risk.min_denominator"));
    }

    public static IndicatorSettings defaults() {
        return from(OneStopConfig.defaults());
    }

    public IndicatorSettings withProfile(String newProfile) {
        return new IndicatorSettings(newProfile, provinceCode, provinceName, copyCertificationProcedures, thresholds,
                riskWeights, riskMinDossiers, riskMinDenominator);
    }
}
