package dev.l2l.core.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CurveSummaryTest {

    @Test
    void meanMedianAndIntervalByHand() {
        double[][] losses = {{4, 1}, {2, 2}, {6, 3}, {8, 10}};
        CurveSummary summary = CurveSummary.of(losses);
        assertArrayEquals(new double[] {5, 4}, summary.mean(), 1e-12);
        assertArrayEquals(new double[] {5, 2.5}, summary.median(), 1e-12);
        // step 1: values 1, 2, 3, 10; mean 4; sample variance (9 + 4 + 1 + 36) / 3 = 50/3
        double half = 1.96 * Math.sqrt(50.0 / 3) / 2;
        assertArrayEquals(new double[] {4 - half, 4 + half}, summary.finalCi95(), 1e-12);
        assertEquals(4, summary.finalMean());
        assertEquals(2.5, summary.finalMedian());
    }
}
