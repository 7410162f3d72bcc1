package dev.l2l.optimizers;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Task;
import dev.l2l.core.eval.Evaluator;
import dev.l2l.core.eval.FinalLossValidation;
import dev.l2l.core.testkit.TestProblems;
import dev.l2l.core.train.MetaTrainer;
import dev.l2l.core.train.TrainingListener;
import dev.l2l.core.train.TrainingProgress;
import dev.l2l.core.train.TrainingResult;
import dev.l2l.core.train.TrainingSettings;
import dev.l2l.core.train.Validation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Meta-training with {@code averageDecay}: φ̄ is the exponential average of φ after each meta-update. */
class PhiAverageTest {

    private static final Task TASK = seed -> TestProblems.quadratic(3, seed);
    private static final double DECAY = 0.6;

    @Test
    void theRunEndsWithTheExponentialAverageOfPhiAfterEachMetaUpdate() {
        LearnedOptimizer averaged = lstm();
        INDArray initial = averaged.parameters().dup();
        List<TrainingProgress> checkpoints = new ArrayList<>();
        new MetaTrainer(TASK, averaged, settings(3, DECAY, 0), 1).train(recorder(checkpoints));

        // one meta-update per meta-batch (unroll = horizon): φ̄₃ = d³φ₀ + (1 − d)(d²φ₁ + dφ₂ + φ₃)
        INDArray expected = initial.mul(DECAY * DECAY * DECAY);
        for (int k = 0; k < 3; k++) {
            expected.addi(checkpoints.get(k).phi().mul((1 - DECAY) * Math.pow(DECAY, 2 - k)));
        }
        assertTrue(expected.equalsWithEps(averaged.parameters(), 1e-12), "φ ends as φ̄");
        assertTrue(expected.equalsWithEps(checkpoints.get(2).averagePhi(), 1e-12), "the checkpoint holds φ̄");
        assertNotEquals(checkpoints.get(2).phi(), averaged.parameters(), "φ̄ is not the last φ");
    }

    @Test
    void averagingNeitherChangesTheTrainingTrajectoryNorAppearsWithoutIt() {
        List<TrainingProgress> plain = new ArrayList<>();
        new MetaTrainer(TASK, lstm(), settings(3, 0, 0), 1).train(recorder(plain));
        List<TrainingProgress> averaged = new ArrayList<>();
        new MetaTrainer(TASK, lstm(), settings(3, DECAY, 0), 1).train(recorder(averaged));

        for (int k = 0; k < 3; k++) {
            assertEquals(plain.get(k).phi(), averaged.get(k).phi(), "φ after meta-batch " + (k + 1));
            assertEquals(plain.get(k).metaLosses(), averaged.get(k).metaLosses());
            assertNull(plain.get(k).averagePhi());
        }
    }

    @Test
    void selectionScoresTheAverageAndTrainingGoesOnFromPhi() {
        List<INDArray> scored = new ArrayList<>();
        Validation recording = optimizer -> {
            scored.add(optimizer.parameters().dup());
            return scored.size() == 1 ? 1.0 : 2.0; // the first scored φ̄ (after meta-batch 1) is best
        };
        List<TrainingProgress> checkpoints = new ArrayList<>();
        LearnedOptimizer selecting = lstm();
        TrainingResult result = new MetaTrainer(TASK, selecting, settings(3, DECAY, 1), 1, recording)
                .train(recorder(checkpoints));

        List<TrainingProgress> plain = new ArrayList<>();
        new MetaTrainer(TASK, lstm(), settings(3, 0, 0), 1).train(recorder(plain));
        assertEquals(3, scored.size());
        for (int k = 0; k < 3; k++) {
            assertEquals(checkpoints.get(k).averagePhi(), scored.get(k), "scored φ̄ after meta-batch " + (k + 1));
            assertEquals(plain.get(k).phi(), checkpoints.get(k).phi(), "φ trains on after scoring");
        }
        assertEquals(1, result.selectedBatch());
        assertEquals(scored.get(0), selecting.parameters());
    }

    @Test
    void aResumedRunEndsAsTheUninterruptedOne() {
        Validation realScore = new FinalLossValidation(new Evaluator(TASK, DataType.DOUBLE, 2), new long[] {901, 902}, 5);
        LearnedOptimizer uninterrupted = lstm();
        new MetaTrainer(TASK, uninterrupted, settings(4, DECAY, 2), 1, realScore).train(TrainingListener.NONE);

        List<TrainingProgress> saved = new ArrayList<>();
        new MetaTrainer(TASK, lstm(), settings(2, DECAY, 2), 1, realScore).train(recorder(saved));
        LearnedOptimizer resumed = lstm();
        new MetaTrainer(TASK, resumed, settings(4, DECAY, 2), 1, realScore).train(TrainingListener.NONE, saved.get(1));

        assertEquals(uninterrupted.parameters(), resumed.parameters());
    }

    /** A listener keeping a copy of every checkpoint (one after each meta-batch). */
    private static TrainingListener recorder(List<TrainingProgress> into) {
        return new TrainingListener() {
            @Override
            public void checkpoint(TrainingProgress progress) {
                into.add(progress.copy());
            }
        };
    }

    /** One meta-update per meta-batch, a checkpoint after each. */
    private static TrainingSettings settings(int metaBatches, double decay, int selectEvery) {
        TrainingSettings settings = new TrainingSettings();
        settings.metaBatches = metaBatches;
        settings.metaBatchSize = 2;
        settings.horizon = 5;
        settings.unroll = 5;
        settings.precision = "double";
        settings.averageDecay = decay;
        settings.selectEvery = selectEvery;
        settings.checkpointEvery = 1;
        return settings;
    }

    private static LearnedOptimizer lstm() {
        return MetaGradientTest.lstm(false);
    }
}
