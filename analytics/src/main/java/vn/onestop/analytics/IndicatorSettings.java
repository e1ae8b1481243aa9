package vn.onestop.analytics;

import java.util.Arrays;
import java.util.List;
import vn.onestop.core.config.OneStopConfig;

/**
 * What a computation needs from configuration: the 766 points profile, the province roll-up's code and name, and
 * the copy-certification procedures of 766.4.7.
 */
public record IndicatorSettings(String profile, String provinceCode, String provinceName,
                                List<String> copyCertificationProcedures) {

    public static IndicatorSettings from(OneStopConfig config) {
        List<String> codes = Arrays.stream(config.string("indicators.copy_certification_procedures").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new IndicatorSettings(config.pointsProfile(), config.provinceCode(), config.provinceName(), codes);
    }

    public static IndicatorSettings defaults() {
        return from(OneStopConfig.defaults());
    }

    public IndicatorSettings withProfile(String newProfile) {
        return new IndicatorSettings(newProfile, provinceCode, provinceName, copyCertificationProcedures);
    }
}
