package vn.onestop.inspection.published;

import java.math.BigDecimal;

/** One input of an agency's risk score ({@code pub_risk_input}) with its weight and the peers' median. */
public record RiskInput(String agencyCode, String inputId, BigDecimal value, BigDecimal peerMedian,
                        BigDecimal outlierAbove, boolean outlier, BigDecimal weight, BigDecimal contribution) {
}
