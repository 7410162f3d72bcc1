package dev.l2l.optimizers;

import dev.l2l.core.rnn.CoordinatewiseRnnOptimizer;
import dev.l2l.core.testkit.LearnedOptimizerContract;
import dev.l2l.core.testkit.RecurrentCellContract;
import dev.l2l.optimizers.lstm.LstmCell;
import dev.l2l.optimizers.preprocessing.IdentityPreprocessing;
import dev.l2l.optimizers.preprocessing.LogSignPreprocessing;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class LstmGradientTest {

    @Test
    void cellBackwardMatchesFiniteDifferences() {
        RecurrentCellContract.checkBackward(new LstmCell(3, 5), 4, 1, 1.0, 1e-7);
    }

    @Test
    void theFusedFloatPathAgreesWithDouble() {
        RecurrentCellContract.checkPrecisionsAgree(new LstmCell(3, 5), 37, 2, 1.0, 2e-6);
        RecurrentCellContract.checkPrecisionsAgree(new LstmCell(20, 20), 300, 3, 3.0, 2e-6);
        // several blocks of coordinates and a partial one: sums over coordinates block by block
        RecurrentCellContract.checkPrecisionsAgree(new LstmCell(2, 20), 1300, 4, 1.0, 1e-5);
    }

    @Test
    void optimizerBackwardMatchesFiniteDifferences() {
        CoordinatewiseRnnOptimizer optimizer = new CoordinatewiseRnnOptimizer(
                new LogSignPreprocessing(3), LstmCell::new, 2, 4, 0.1, DataType.DOUBLE, 7);
        LearnedOptimizerContract.checkBackward(optimizer, 3, 4, 11, 1e-6);
    }

    @Test
    void truncationKeepsState() {
        CoordinatewiseRnnOptimizer optimizer = new CoordinatewiseRnnOptimizer(
                new IdentityPreprocessing(), LstmCell::new, 2, 4, 0.1, DataType.FLOAT, 7);
        LearnedOptimizerContract.checkTruncationKeepsState(optimizer, 5, 9, 4, 3);
    }
}
