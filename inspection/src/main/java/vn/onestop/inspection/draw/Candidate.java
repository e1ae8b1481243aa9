package vn.onestop.inspection.draw;

import java.math.BigDecimal;
import java.util.List;

/**
 * An agency that could be drawn, as the draw saw it: its published risk (null when not scored), the CONDUCT feedback
 * that makes it a feedback-triggered candidate, why it is excluded (codes {@code vertical},
 * {@code inspected:2024-01-10}, {@code planned:2024-Q2}) and the reason an inspector gave to override that.
 */
public record Candidate(String agencyCode, String name, String kind, boolean scored, BigDecimal risk,
                        Integer peerRank, long conductFeedback, List<String> exclusions, String override) {
    public Candidate {
        exclusions = List.copyOf(exclusions);
    }

    public boolean feedbackTriggered() {
        return conductFeedback > 0;
    }

    /** Not excluded, or excluded and overridden with a reason. */
    public boolean eligible() {
        return exclusions.isEmpty() || (override != null && !override.isBlank());
    }

    /** Whether the risk-weighted share can draw it: scored with a positive score. */
    public boolean hasRiskWeight() {
        return scored && risk != null && risk.signum() > 0;
    }
}
