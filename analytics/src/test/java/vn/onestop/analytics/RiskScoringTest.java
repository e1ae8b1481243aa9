package vn.onestop.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.model.Agency;
import vn.onestop.analytics.model.IndicatorValue;
import vn.onestop.analytics.model.IndicatorValue.ScopeKind;
import vn.onestop.analytics.model.RiskScoring;
import vn.onestop.analytics.model.RiskScoring.AgencyRisk;
import vn.onestop.analytics.model.RiskScoring.Input;

/** The risk score on hand-computed peer groups: smoothing with 10 dossiers at the median, chance below 0.0001. */
class RiskScoringTest {
    private static final LocalDate JAN = LocalDate.of(2024, 1, 1);
    private static final LocalDate FEB = LocalDate.of(2024, 2, 1);
    private final List<IndicatorValue> values = new ArrayList<>();
    private final List<Agency> agencies = new ArrayList<>();

    private void value(String code, LocalDate month, String indicator, long numerator, long denominator) {
        BigDecimal pct = denominator == 0 ? null
                : BigDecimal.valueOf(100.0 * numerator / denominator).setScale(2, java.math.RoundingMode.HALF_UP);
        values.add(new IndicatorValue(code, code, ScopeKind.AGENCY, "month", month, month.plusMonths(1).minusDays(1),
                indicator, BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), pct, null, null));
    }

    /** A commune with {@code late} late dossiers, {@code noApology} of them without apology, in January. */
    private void commune(String code, long noApology, long late, long dossiers) {
        agencies.add(new Agency(code, "UBND xã " + code, "commune_ppc", null, null, null, null));
        value(code, JAN, "R01.rate", noApology, late);
        value(code, JAN, "766.2.1", 0, dossiers);
    }

    private List<AgencyRisk> score(Map<String, BigDecimal> weights) {
        return new RiskScoring(Catalogue.bundled(), weights, 30, 10, 0.0001).score(values, agencies);
    }

    private List<AgencyRisk> score() {
        return score(Map.of("R01.rate", BigDecimal.ONE));
    }

    private static AgencyRisk of(List<AgencyRisk> risks, String code, LocalDate month) {
        return risks.stream().filter(r -> r.agencyCode().equals(code) && r.periodStart().equals(month))
                .findFirst().orElseThrow();
    }

    private static AgencyRisk of(List<AgencyRisk> risks, String code) {
        return of(risks, code, JAN);
    }

    @Test
    void aSmoothedRateAboveQ3PlusOneAndAHalfIqrAndBeyondChanceIsAnOutlierCountingUpToTwice() {
        // Raw 1, 2, 2, 3, 4, 16 of 20: the peers' median 12.5 %; smoothed (k + 1.25) ÷ 30: 7.5, 10.83, 10.83, 14.17,
        // 17.5, 57.5 %; Q1 10.83, median 12.5, Q3 16.67, threshold 16.67 + 1.5 × 5.83 = 25.42 %.
        commune("X1", 1, 20, 100);
        commune("X2", 2, 20, 100);
        commune("X3", 2, 20, 100);
        commune("X4", 3, 20, 100);
        commune("X5", 4, 20, 100);
        commune("X6", 16, 20, 100);
        List<AgencyRisk> risks = score();
        Input x6 = of(risks, "X6").inputs().get(0);
        assertEquals(57.5, x6.value(), 1e-9);
        assertEquals(12.5, x6.peerMedian(), 1e-9);
        assertEquals(25.416666, x6.outlierAbove(), 1e-6);
        assertTrue(x6.outlier(), "16 of 20 against 12.5 of 101 elsewhere is no chance");
        assertEquals(2.0, x6.contribution(), 1e-9, "45 ÷ 12.92 thresholds' worth, capped at 2");
        assertEquals(new BigDecimal("100.00"), of(risks, "X6").score());
        assertEquals(1, of(risks, "X6").peerRank());
        assertEquals(new BigDecimal("19.35"), of(risks, "X5").score(), "(17.5 − 12.5) ÷ 12.92 = 0.387, over 2");
        assertEquals(new BigDecimal("0.00"), of(risks, "X1").score(), "below the median counts nothing");
        assertEquals(0, of(risks, "X5").outliers());
        assertEquals("Hồ sơ trễ hạn không có phiếu xin lỗi: 80 % (16/20; trung vị đơn vị cùng loại 12,5 %).",
                of(risks, "X6").reasonsVi());
        assertEquals("Late dossiers without an apology slip: 80 % (16 of 20; peers' median 12.5 %).",
                of(risks, "X6").reasonsEn());
    }

    @Test
    void aHighRateOverFewDossiersThatChanceExplainsIsNoOutlierAndCountsAtMostOnce() {
        // Five communes at 5 of 100, one at 3 of 5. Smoothed: 5 % and (3 + 0.5) ÷ 15 = 23.3 %, above a threshold of 5 %,
        // but P(X ≥ 3) for 5 dossiers at (25 + 0.5) ÷ 501 = 5.1 % is 0.0012, above 0.0001: chance could do it.
        for (int i = 1; i <= 5; i++) {
            commune("X" + i, 5, 100, 200);
        }
        commune("X6", 3, 5, 200);
        AgencyRisk x6 = of(score(), "X6");
        assertEquals(23.333333, x6.inputs().get(0).value(), 1e-6);
        assertFalse(x6.inputs().get(0).outlier());
        assertEquals(new BigDecimal("50.00"), x6.score(), "at the threshold's level, not beyond");
    }

    @Test
    void fourOfFiveIsBeyondChance() {
        for (int i = 1; i <= 5; i++) {
            commune("X" + i, 5, 100, 200);
        }
        commune("X6", 4, 5, 200);
        assertTrue(of(score(), "X6").inputs().get(0).outlier(), "P(X ≥ 4) = 0.00003");
    }

    @Test
    void anAgencyUnderTheMinimumVolumeIsNotScoredAndSaysSo() {
        commune("X1", 1, 20, 100);
        commune("X2", 18, 20, 29);
        AgencyRisk x2 = of(score(), "X2");
        assertFalse(x2.scored());
        assertNull(x2.score());
        assertEquals("Chưa chấm điểm: 29 hồ sơ phải giải quyết, dưới mức tối thiểu 30.", x2.reasonsVi());
    }

    @Test
    void fewerThanFourPeersGiveNoOutliers() {
        commune("X1", 0, 100, 100);
        commune("X2", 0, 100, 100);
        commune("X3", 90, 100, 100);
        assertEquals(0, of(score(), "X3").outliers());
    }

    @Test
    void theTrendIsTheShareOfTheWeightOfTheRatesThatRoseSinceThePreviousPeriod() {
        commune("X1", 1, 20, 100);
        value("X1", JAN, "R02.rate", 4, 10);
        value("X1", FEB, "R01.rate", 3, 20); // rose: weight 3
        value("X1", FEB, "R02.rate", 2, 10); // fell: weight 1
        value("X1", FEB, "766.2.1", 0, 100);
        List<AgencyRisk> risks = score(Map.of("R01.rate", BigDecimal.valueOf(3), "R02.rate", BigDecimal.ONE,
                "trend", BigDecimal.ONE));
        Input trend = of(risks, "X1", FEB).inputs().stream().filter(i -> i.id().equals("trend")).findFirst().orElseThrow();
        assertEquals(75.0, trend.value(), 1e-9);
        assertTrue(of(risks, "X1", JAN).inputs().stream().noneMatch(i -> i.id().equals("trend")), "no month before");
    }
}
