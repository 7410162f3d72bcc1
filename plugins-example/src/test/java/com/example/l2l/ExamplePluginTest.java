package com.example.l2l;

import com.example.l2l.mlp.MomentumMlpSpec;
import com.example.l2l.rosenbrock.RosenbrockSpec;
import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.testkit.LearnedOptimizerContract;
import dev.l2l.core.testkit.MetaGradientContract;
import dev.l2l.core.testkit.TaskContract;
import dev.l2l.core.testkit.TestProblems;
import dev.l2l.core.train.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

/** The example plugin checked with l2l's testkit, as any plugin author would. */
class ExamplePluginTest {

    @Test
    void rosenbrockHonoursTheTaskContract() {
        RosenbrockSpec spec = new RosenbrockSpec();
        spec.dimension = 5;
        TaskContract.checkGradient(spec.create(), 3, 100, 1e-7);
        TaskContract.checkDeterminism(spec.create(), 3);
    }

    @Test
    void momentumMlpHonoursTheOptimizerContract() {
        LearnedOptimizer optimizer = new MomentumMlpSpec().create(DataType.DOUBLE, 1);
        LearnedOptimizerContract.checkBackward(optimizer, 4, 5, 2, 1e-6);
        LearnedOptimizerContract.checkTruncationKeepsState(new MomentumMlpSpec().create(DataType.FLOAT, 1), 4, 9, 4, 2);
    }

    @Test
    void momentumMlpMetaGradientInBothModes() {
        for (boolean secondOrder : new boolean[] {false, true}) {
            TrainingSettings settings = new TrainingSettings();
            settings.horizon = 4;
            settings.unroll = 4;
            settings.secondOrder = secondOrder;
            settings.precision = "double";
            MetaGradientContract.check(new MomentumMlpSpec().create(DataType.DOUBLE, 1),
                    List.of(TestProblems.quadratic(3, 1), TestProblems.quadratic(2, 2)), settings, 1e-6);
        }
    }
}
