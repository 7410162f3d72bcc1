package dev.l2l.core.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The meta-loss weights wₜ of each {@code stepWeights} setting, across truncations. */
class StepWeightsTest {

    @Test
    void uniformWeighsEveryStepOne() {
        TrainingSettings settings = settings("uniform");
        assertEquals(100.0, total(settings), 1e-12);
        assertEquals(1.0, settings.stepWeight(40, 3, 20));
    }

    @Test
    void lastWeighsOnlyEachTruncationsLastStep() {
        TrainingSettings settings = settings("last");
        assertEquals(5.0, total(settings), 1e-12);
        assertEquals(1.0, settings.stepWeight(40, 19, 20));
        assertEquals(0.0, settings.stepWeight(40, 18, 20));
    }

    @Test
    void linearRisesWithTheStepAcrossTruncationsWithMeanOne() {
        TrainingSettings settings = settings("linear");
        assertEquals(100.0, total(settings), 1e-9);
        assertEquals(2.0 / 101, settings.stepWeight(0, 0, 20), 1e-15);
        // the loss after step 41 (first of the third truncation) weighs as much wherever it is computed
        assertEquals(82.0 / 101, settings.stepWeight(40, 0, 20), 1e-15);
        assertEquals(settings.stepWeight(0, 40, 100), settings.stepWeight(40, 0, 20), 1e-15);
        assertEquals(200.0 / 101, settings.stepWeight(80, 19, 20), 1e-15);
    }

    private static TrainingSettings settings(String weights) {
        TrainingSettings settings = new TrainingSettings();
        settings.horizon = 100;
        settings.unroll = 20;
        settings.stepWeights = weights;
        settings.validate();
        return settings;
    }

    /** Σₜ wₜ over the horizon, truncation by truncation. */
    private static double total(TrainingSettings settings) {
        double total = 0;
        for (int start = 0; start < settings.horizon; start += settings.unroll) {
            int length = Math.min(settings.unroll, settings.horizon - start);
            for (int s = 0; s < length; s++) {
                total += settings.stepWeight(start, s, length);
            }
        }
        return total;
    }
}
