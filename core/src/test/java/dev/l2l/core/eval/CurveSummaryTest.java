package dev.l2l.core.eval;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CurveSummaryTest {

    @Test
    void meanAndMedianByHand() {
        double[][] losses = {{4, 1}, {2, 2}, {6, 3}, {8, 10}};
        CurveSummary summary = CurveSummary.of(losses);
        assertArrayEquals(new double[] {5, 4}, summary.mean(), 1e-12);
        assertArrayEquals(new double[] {5, 2.5}, summary.median(), 1e-12);
        assertEquals(4, summary.finalMean());
        assertEquals(2.5, summary.finalMedian());
    }

    @Test
    void bootstrapIntervalCoversTheMeanWithinTheData() {
        double[][] losses = {{4, 1}, {2, 2}, {6, 3}, {8, 10}};
        double[] interval = CurveSummary.of(losses).finalCi95();
        assertTrue(interval[0] >= 1 && interval[0] < 4 && interval[1] > 4 && interval[1] <= 10,
                interval[0] + ", " + interval[1]);
        assertArrayEquals(interval, CurveSummary.of(losses).finalCi95(), 0, "reproducible");
    }

    @Test
    void bootstrapAgreesWithTheNormalIntervalOnGaussianData() {
        SplittableRandom random = new SplittableRandom(1);
        double[] values = new double[400];
        for (int i = 0; i < values.length; i++) {
            values[i] = 10 + random.nextGaussian();
        }
        double[] interval = CurveSummary.bootstrap(values, new SplittableRandom(2));
        double halfWidth = 1.96 / Math.sqrt(values.length); // σ = 1
        assertEquals(2 * halfWidth, interval[1] - interval[0], 0.15 * 2 * halfWidth);
    }
}
