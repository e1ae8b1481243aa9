package vn.onestop.dashboard.pages;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The rating band (xếp loại) of a normalised 766 score. No official bands are published; these are the
 * defaults of indicators.md: ≥ 80 Tốt, ≥ 65 Khá, ≥ 50 Trung bình, below Yếu.
 */
public enum RatingBand {
    GOOD(80), FAIR(65), AVERAGE(50), WEAK(0);

    private final BigDecimal from;

    RatingBand(int from) {
        this.from = BigDecimal.valueOf(from);
    }

    /** The band of a normalised score, or null without one. */
    public static RatingBand of(BigDecimal normalisedScore) {
        if (normalisedScore == null) {
            return null;
        }
        for (RatingBand band : values()) {
            if (normalisedScore.compareTo(band.from) >= 0) {
                return band;
            }
        }
        return WEAK;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelKey() {
        return "band." + code();
    }
}
