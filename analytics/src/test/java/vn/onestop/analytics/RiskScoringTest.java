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

class RiskScoringTest {
    private static final LocalDate JAN = LocalDate.of(2024, 1, 1);
    private final List<IndicatorValue> values = new ArrayList<>();
    private final List<Agency> agencies = new ArrayList<>();

    /** A commune with an R01 rate and a number of dossiers to handle. */
    private void commune(String code, String r01Pct, long dossiers) {
        agencies.add(new Agency(code, "UBND xã " + code, "commune_ppc", null, null, null, null));
        values.add(new IndicatorValue(code, code, ScopeKind.AGENCY, "month", JAN, JAN.plusDays(30), "R01.rate",
                BigDecimal.ONE, BigDecimal.TEN, new BigDecimal(r01Pct), null, null));
        values.add(new IndicatorValue(code, code, ScopeKind.AGENCY, "month", JAN, JAN.plusDays(30), "766.2.1",
                BigDecimal.ZERO, BigDecimal.valueOf(dossiers), null, null, null));
    }

    private List<AgencyRisk> score() {
        return new RiskScoring(Catalogue.bundled(), Map.of("R01.rate", BigDecimal.ONE), 30, 10).score(values, agencies);
    }

    private static AgencyRisk of(List<AgencyRisk> risks, String code) {
        return risks.stream().filter(r -> r.agencyCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void anInputAboveQ3PlusOneAndAHalfIqrIsAnOutlier() {
        // Peers 5, 6, 7, 8, 9, 40: Q1 6.25, Q3 8.75, IQR 2.5 → outlier above 12.5.
        commune("X1", "5.00", 100);
        commune("X2", "6.00", 100);
        commune("X3", "7.00", 100);
        commune("X4", "8.00", 100);
        commune("X5", "9.00", 100);
        commune("X6", "40.00", 100);
        List<AgencyRisk> risks = score();
        AgencyRisk x6 = of(risks, "X6");
        assertEquals(1, x6.outliers());
        assertEquals(12.5, x6.inputs().get(0).outlierAbove(), 1e-9);
        assertEquals(7.5, x6.inputs().get(0).peerMedian(), 1e-9);
        assertEquals(new BigDecimal("100.00"), x6.score(), "the highest of its peers");
        assertEquals(1, x6.peerRank());
        assertEquals(new BigDecimal("0.00"), of(risks, "X1").score(), "the lowest of its peers");
        assertEquals(0, of(risks, "X5").outliers());
        assertTrue(x6.reasonsVi().startsWith("Hồ sơ trễ hạn không có phiếu xin lỗi: 40 % (trung vị đơn vị cùng loại 7,5 %)"),
                x6.reasonsVi());
    }

    @Test
    void anAgencyUnderTheMinimumVolumeIsNotScoredAndSaysSo() {
        commune("X1", "5.00", 100);
        commune("X2", "90.00", 29);
        AgencyRisk x2 = of(score(), "X2");
        assertFalse(x2.scored());
        assertNull(x2.score());
        assertEquals("Chưa chấm điểm: 29 hồ sơ phải giải quyết, dưới mức tối thiểu 30.", x2.reasonsVi());
    }

    @Test
    void aRateOverFewerDossiersThanTheMinimumIsLeftOut() {
        commune("X1", "5.00", 100);
        agencies.add(new Agency("X9", "UBND xã X9", "commune_ppc", null, null, null, null));
        values.add(new IndicatorValue("X9", "X9", ScopeKind.AGENCY, "month", JAN, JAN.plusDays(30), "R01.rate",
                BigDecimal.ONE, BigDecimal.valueOf(9), new BigDecimal("11.11"), null, null));
        values.add(new IndicatorValue("X9", "X9", ScopeKind.AGENCY, "month", JAN, JAN.plusDays(30), "766.2.1",
                BigDecimal.ZERO, BigDecimal.valueOf(100), null, null, null));
        assertTrue(of(score(), "X9").inputs().isEmpty(), "1 of 9 is not evidence");
    }

    @Test
    void fewerThanFourPeersGiveNoOutliers() {
        commune("X1", "0.00", 100);
        commune("X2", "0.00", 100);
        commune("X3", "90.00", 100);
        assertEquals(0, of(score(), "X3").outliers());
    }
}
