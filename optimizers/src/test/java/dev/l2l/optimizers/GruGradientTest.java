package dev.l2l.optimizers;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.testkit.LearnedOptimizerContract;
import dev.l2l.core.testkit.MetaGradientContract;
import dev.l2l.core.testkit.RecurrentCellContract;
import dev.l2l.optimizers.gru.GruCell;
import dev.l2l.optimizers.gru.GruSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class GruGradientTest {

    @Test
    void cellBackwardMatchesFiniteDifferences() {
        RecurrentCellContract.checkBackward(new GruCell(3, 5), 4, 1, 1.0, 1e-7);
    }

    @Test
    void theFusedFloatPathAgreesWithDouble() {
        RecurrentCellContract.checkPrecisionsAgree(new GruCell(3, 5), 37, 2, 1.0, 2e-6);
        RecurrentCellContract.checkPrecisionsAgree(new GruCell(20, 20), 300, 3, 3.0, 2e-6);
        // several blocks of coordinates and a partial one: sums over coordinates block by block
        RecurrentCellContract.checkPrecisionsAgree(new GruCell(1, 20), 1300, 4, 1.0, 1e-5);
    }

    @Test
    void optimizerBackwardMatchesFiniteDifferences() {
        LearnedOptimizerContract.checkBackward(gru(true), 3, 4, 11, 1e-6);
    }

    @Test
    void truncationKeepsState() {
        LearnedOptimizerContract.checkTruncationKeepsState(new GruSpec().create(DataType.FLOAT, 2), 5, 9, 4, 3);
    }

    @Test
    void metaGradientInBothModes() {
        MetaGradientTest.report(MetaGradientContract.check(gru(false), MetaGradientTest.quadratics(false),
                MetaGradientTest.settings(false, "uniform"), 1e-6));
        MetaGradientTest.report(MetaGradientContract.check(gru(true), MetaGradientTest.quadratics(false),
                MetaGradientTest.settings(true, "uniform"), 1e-6));
        MetaGradientTest.report(MetaGradientContract.check(gru(false), MetaGradientTest.quadratics(true),
                MetaGradientTest.settings(true, "uniform"), 1e-6));
    }

    private static LearnedOptimizer gru(boolean logSign) {
        return MetaGradientTest.small(new GruSpec(), logSign, 4);
    }
}
