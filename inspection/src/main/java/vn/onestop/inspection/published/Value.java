package vn.onestop.inspection.published;

import java.math.BigDecimal;

/** A published value of one scope and indicator in a period; {@code valuePct} null means no data. */
public record Value(String scopeCode, String indicatorId, BigDecimal numerator, BigDecimal denominator,
                    BigDecimal valuePct) {
}
