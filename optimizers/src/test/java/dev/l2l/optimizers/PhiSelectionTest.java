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
import dev.l2l.optimizers.lstm.LstmSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Meta-training with {@code selectEvery} ends with the best-scored φ, also when resumed. */
class PhiSelectionTest {

    private static final Task TASK = seed -> TestProblems.quadratic(3, seed);

    @Test
    void endsWithTheBestScoredPhiNotTheLast() {
        // Scores after meta-batches 2, 4 and 6 (the last): the one after 4 is best.
        double[] scores = {3.0, 1.0, 2.0};
        int[] calls = {0};
        Validation scripted = optimizer -> scores[calls[0]++];
        LearnedOptimizer selecting = lstm();
        List<double[]> validated = new ArrayList<>();
        TrainingResult result = new MetaTrainer(TASK, selecting, settings(6), 1, scripted).train(new TrainingListener() {
            @Override
            public void validated(int completedBatches, double score, double best) {
                validated.add(new double[] {completedBatches, score, best});
            }
        });

        LearnedOptimizer afterFour = lstm();
        new MetaTrainer(TASK, afterFour, settings(4), 1).train(TrainingListener.NONE);
        LearnedOptimizer last = lstm();
        new MetaTrainer(TASK, last, settings(6), 1).train(TrainingListener.NONE);

        assertEquals(3, calls[0]);
        assertEquals(4, result.selectedBatch());
        assertEquals(1.0, result.selectedScore());
        assertEquals(afterFour.parameters(), selecting.parameters(), "φ is the one scored after meta-batch 4");
        assertNotEquals(last.parameters(), selecting.parameters());
        assertEquals(List.of("2.0 3.0 3.0", "4.0 1.0 1.0", "6.0 2.0 1.0"),
                validated.stream().map(v -> v[0] + " " + v[1] + " " + v[2]).toList());
    }

    @Test
    void withoutAValidationTheLastPhiIsKept() {
        LearnedOptimizer plain = lstm();
        TrainingResult result = new MetaTrainer(TASK, plain, settings(4), 1).train(TrainingListener.NONE);
        assertFalse(result.selected());
        assertTrue(Double.isNaN(result.selectedScore()));
    }

    @Test
    void aResumedRunSelectsAsTheUninterruptedOne() {
        Validation realScore = new FinalLossValidation(new Evaluator(TASK, DataType.DOUBLE, 2), new long[] {901, 902, 903}, 10);
        LearnedOptimizer uninterrupted = lstm();
        TrainingResult whole = new MetaTrainer(TASK, uninterrupted, settings(6), 1, realScore).train(TrainingListener.NONE);

        LearnedOptimizer first = lstm();
        TrainingProgress[] saved = new TrainingProgress[1];
        new MetaTrainer(TASK, first, settings(4), 1, realScore).train(new TrainingListener() {
            @Override
            public void checkpoint(TrainingProgress progress) {
                saved[0] = progress.copy();
            }
        });
        LearnedOptimizer resumed = lstm();
        TrainingResult rest = new MetaTrainer(TASK, resumed, settings(6), 1, realScore).train(TrainingListener.NONE, saved[0]);

        assertEquals(whole.selectedBatch(), rest.selectedBatch());
        assertEquals(whole.selectedScore(), rest.selectedScore());
        assertEquals(uninterrupted.parameters(), resumed.parameters());
    }

    /** Meta-training of {@code metaBatches} meta-batches, scoring every 2 (when given a validation). */
    private static TrainingSettings settings(int metaBatches) {
        TrainingSettings settings = new TrainingSettings();
        settings.metaBatches = metaBatches;
        settings.metaBatchSize = 2;
        settings.horizon = 10;
        settings.unroll = 5;
        settings.precision = "double";
        settings.selectEvery = 2;
        settings.checkpointEvery = 0;
        return settings;
    }

    private static LearnedOptimizer lstm() {
        LstmSpec spec = new LstmSpec();
        spec.units = 4;
        return spec.create(DataType.DOUBLE, 1);
    }
}
