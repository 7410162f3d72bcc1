package dev.l2l.core.eval;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedDifferenceTest {

    @Test
    void meanAndCountByHand() {
        PairedDifference d = PairedDifference.of(new double[] {1, 5, 3, 2}, new double[] {2, 4, 3, 4});
        assertEquals((-1 + 1 + 0 - 2) / 4.0, d.mean(), 1e-15);
        assertEquals(2, d.lowerOn(), "lower on instances 0 and 3; a tie is not lower");
        assertEquals(4, d.instances());
        assertTrue(d.ciLow() <= d.mean() && d.mean() <= d.ciHigh());
        assertTrue(d.ciLow() >= -2 && d.ciHigh() <= 1, "inside the range of the differences");
    }

    @Test
    void aConstantDifferenceHasAnIntervalOfZeroWidth() {
        double[] b = {0.3, 0.1, 0.7, 0.2, 0.9};
        double[] a = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            a[i] = b[i] - 0.25;
        }
        PairedDifference d = PairedDifference.of(a, b);
        assertEquals(-0.25, d.ciLow(), 1e-12);
        assertEquals(-0.25, d.ciHigh(), 1e-12);
        assertEquals(5, d.lowerOn());
    }

    /**
     * Instances that differ widely in difficulty: the intervals of the two means overlap, yet the
     * paired difference is clearly below zero.
     */
    @Test
    void pairingSeparatesWhatOverlappingIntervalsOfTheMeansDoNot() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 100;
        double[][] a = new double[n][1];
        double[][] b = new double[n][1];
        for (int i = 0; i < n; i++) {
            double difficulty = Math.exp(random.nextGaussian());
            b[i][0] = difficulty;
            a[i][0] = difficulty * 0.97 + 0.002 * random.nextGaussian();
        }
        double[] intervalA = CurveSummary.of(a).finalCi95();
        double[] intervalB = CurveSummary.of(b).finalCi95();
        assertTrue(intervalA[1] > intervalB[0] && intervalB[1] > intervalA[0], "the intervals of the means overlap");
        PairedDifference d = PairedDifference.of(PairedDifference.finalLosses(a), PairedDifference.finalLosses(b));
        assertTrue(d.ciHigh() < 0, "paired: " + d);
        assertTrue(d.lowerOn() > 90, "lower on " + d.lowerOn());
    }

    @Test
    void reproducible() {
        double[] a = {0.5, 0.1, 0.9, 0.4, 0.3, 0.8};
        double[] b = {0.6, 0.3, 0.7, 0.5, 0.2, 0.8};
        assertEquals(PairedDifference.of(a, b), PairedDifference.of(a, b));
    }

    @Test
    void aDivergedInstanceIsNotHidden() {
        PairedDifference d = PairedDifference.of(new double[] {Double.NaN, 1}, new double[] {1, 2});
        assertFalse(Double.isFinite(d.mean()));
    }

    @Test
    void refusesUnpairedInput() {
        assertThrows(IllegalArgumentException.class, () -> PairedDifference.of(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> PairedDifference.of(new double[0], new double[0]));
    }

    @Test
    void finalLossesTakeTheLastStep() {
        double[] last = PairedDifference.finalLosses(new double[][] {{3, 2, 1}, {6, 5, 4}});
        assertEquals(1, last[0]);
        assertEquals(4, last[1]);
    }
}
