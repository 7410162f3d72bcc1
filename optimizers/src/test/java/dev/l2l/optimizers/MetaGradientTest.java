package dev.l2l.optimizers;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Optimizee;
import dev.l2l.core.testkit.MetaGradientContract;
import dev.l2l.core.testkit.TestProblems;
import dev.l2l.core.train.TrainingSettings;
import dev.l2l.optimizers.lstm.LstmSpec;
import dev.l2l.optimizers.preprocessing.LogSignSpec;
import dev.l2l.optimizers.preprocessing.RnnPropSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

/** The whole truncated meta-gradient ∂L/∂φ against finite differences, in both modes. */
class MetaGradientTest {

    private static final double TOLERANCE = 1e-6;

    @Test
    void firstOrderLstm() {
        report(MetaGradientContract.check(lstm(false), quadratics(false), settings(false, "uniform"), TOLERANCE));
    }

    @Test
    void firstOrderLstmWithLastStepWeights() {
        report(MetaGradientContract.check(lstm(true), quadratics(false), settings(false, "last"), TOLERANCE));
    }

    @Test
    void bothOrdersWithLinearStepWeights() {
        report(MetaGradientContract.check(lstm(true), quadratics(false), settings(false, "linear"), TOLERANCE));
        report(MetaGradientContract.check(lstm(true), quadratics(false), settings(true, "linear"), TOLERANCE));
    }

    @Test
    void secondOrderLstmWithExactHessianProducts() {
        report(MetaGradientContract.check(lstm(true), quadratics(false), settings(true, "uniform"), TOLERANCE));
    }

    @Test
    void secondOrderLstmWithFiniteDifferenceHessianProducts() {
        report(MetaGradientContract.check(lstm(false), quadratics(true), settings(true, "uniform"), TOLERANCE));
    }

    @Test
    void bothOrdersWithTheLogMetaLoss() {
        TrainingSettings firstOrder = settings(false, "uniform");
        firstOrder.metaLoss = "log";
        report(MetaGradientContract.check(lstm(true), quadratics(false), firstOrder, TOLERANCE));
        TrainingSettings secondOrder = settings(true, "uniform");
        secondOrder.metaLoss = "log";
        report(MetaGradientContract.check(lstm(true), quadratics(false), secondOrder, TOLERANCE));
    }

    @Test
    void bothOrdersThroughTheStatefulRnnPropPreprocessing() {
        LstmSpec spec = new LstmSpec();
        spec.units = 4;
        spec.preprocessing = new RnnPropSpec();
        report(MetaGradientContract.check(spec.create(DataType.DOUBLE, 5), quadratics(false), settings(false, "uniform"), TOLERANCE));
        report(MetaGradientContract.check(spec.create(DataType.DOUBLE, 5), quadratics(false), settings(true, "uniform"), TOLERANCE));
    }

    /** Prints the relative error of a check (visible in the surefire output), for the record. */
    static void report(double relativeError) {
        StackWalker.StackFrame caller = StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst().orElseThrow());
        System.out.printf("meta-gradient check %s: relative error %.3e%n", caller.getMethodName(), relativeError);
    }

    static LearnedOptimizer lstm(boolean logSign) {
        return small(new LstmSpec(), logSign, 3);
    }

    /** A 2-layer, 5-unit optimizer in double precision, with or without log-sign preprocessing (p = 5). */
    static LearnedOptimizer small(RecurrentOptimizerSpec spec, boolean logSign, long seed) {
        spec.units = 5;
        if (logSign) {
            LogSignSpec preprocessing = new LogSignSpec();
            preprocessing.p = 5;
            spec.preprocessing = preprocessing;
        }
        return spec.create(DataType.DOUBLE, seed);
    }

    static List<Optimizee> quadratics(boolean stochastic) {
        return stochastic
                ? List.of(TestProblems.stochasticQuadratic(3, 1), TestProblems.stochasticQuadratic(2, 2))
                : List.of(TestProblems.quadratic(3, 1), TestProblems.quadratic(2, 2));
    }

    static TrainingSettings settings(boolean secondOrder, String weights) {
        TrainingSettings settings = new TrainingSettings();
        settings.horizon = 4;
        settings.unroll = 4;
        settings.secondOrder = secondOrder;
        settings.stepWeights = weights;
        settings.precision = "double";
        return settings;
    }
}
