package vn.onestop.inspection.outcome;

import java.math.BigDecimal;

/**
 * How often a rule's flags were confirmed on inspection: confirmed ÷ (confirmed + not a violation), in percent with
 * 2 decimals; null (no data) before any of the two. Unclear outcomes are counted beside it, never in it.
 */
public record ConfirmationRate(String ruleId, long confirmed, long notViolation, long unclear, BigDecimal ratePct) {
}
