package vn.onestop.inspection.published;

import java.math.BigDecimal;

/**
 * An agency's published risk score in a period ({@code pub_risk}): within its peer group, with its top reasons in
 * words; an agency under the minimum volume is not scored and its reason says why.
 */
public record Risk(String agencyCode, String peerGroup, long dossiers, boolean scored, BigDecimal score,
                   Integer peerRank, Integer peerSize, int outliers, String reasonsVi, String reasonsEn) {
}
