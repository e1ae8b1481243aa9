package vn.onestop.dashboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTest {
    private static Status of(String value, String target) {
        return Status.of(value == null ? null : new BigDecimal(value), new BigDecimal(target));
    }

    @Test
    void metAtOrAboveTargetNearWithinTenPointsBelowFurtherDown() {
        assertEquals(Status.MET, of("80.00", "80"));
        assertEquals(Status.MET, of("100", "80"));
        assertEquals(Status.NEAR, of("79.99", "80"));
        assertEquals(Status.NEAR, of("70.00", "80"));
        assertEquals(Status.BELOW, of("69.99", "80"));
        assertEquals(Status.NO_DATA, of(null, "80"));
    }

    @Test
    void whereLowerIsBetterMetAtOrBelowTargetNearWithinTenPointsAbove() {
        assertEquals(Status.MET, Status.of(new BigDecimal("5"), new BigDecimal("5"), true));
        assertEquals(Status.MET, Status.of(BigDecimal.ZERO, new BigDecimal("5"), true));
        assertEquals(Status.NEAR, Status.of(new BigDecimal("15"), new BigDecimal("5"), true));
        assertEquals(Status.BELOW, Status.of(new BigDecimal("15.01"), new BigDecimal("5"), true));
    }

    @Test
    void bandsOfTheNormalisedScore() {
        assertEquals(RatingBand.GOOD, RatingBand.of(new BigDecimal("80")));
        assertEquals(RatingBand.FAIR, RatingBand.of(new BigDecimal("79.99")));
        assertEquals(RatingBand.FAIR, RatingBand.of(new BigDecimal("65")));
        assertEquals(RatingBand.AVERAGE, RatingBand.of(new BigDecimal("50")));
        assertEquals(RatingBand.WEAK, RatingBand.of(new BigDecimal("49.99")));
        assertEquals(RatingBand.WEAK, RatingBand.of(BigDecimal.ZERO));
        assertNull(RatingBand.of(null));
    }

    @Test
    void peersMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(new BigDecimal("90.46"), AgencyController.median(List.of(
                new BigDecimal("90.91"), new BigDecimal("90.00"))));
        assertEquals(new BigDecimal("75"), AgencyController.median(List.of(
                new BigDecimal("75"), new BigDecimal("90"), new BigDecimal("10"))));
        assertNull(AgencyController.median(List.of()));
    }
}
