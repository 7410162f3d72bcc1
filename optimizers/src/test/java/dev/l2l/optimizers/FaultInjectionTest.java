package dev.l2l.optimizers;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Optimizee;
import dev.l2l.core.Rollout;
import dev.l2l.core.Task;
import dev.l2l.core.testkit.TestProblems;
import dev.l2l.core.train.MetaTrainer;
import dev.l2l.core.train.TrainingListener;
import dev.l2l.core.train.TrainingResult;
import dev.l2l.core.train.TrainingSettings;
import dev.l2l.optimizers.lstm.LstmSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Injected NaNs in the loss, the gradient and the meta-gradient never reach φ, and are counted. */
class FaultInjectionTest {

    @Test
    void aNanGradientSkipsTheMetaUpdateAndReplacesTheInstance() {
        Task task = seed -> seed % 5 == 0 ? faulty(TestProblems.quadratic(3, seed), true) : TestProblems.quadratic(3, seed);
        LearnedOptimizer optimizer = lstm();
        TrainingResult result = train(task, optimizer);
        assertTrue(result.skippedUpdates() > 0, "skipped " + result.skippedUpdates());
        assertTrue(result.resetInstances() > 0, "replaced " + result.resetInstances());
        assertFinite(optimizer.parameters());
        assertEquals(result.metaUpdates() + result.skippedUpdates(), 6 * 2);
    }

    @Test
    void aNanLossAloneReplacesTheInstanceWithoutSkipping() {
        Task task = seed -> seed % 5 == 0 ? faulty(TestProblems.quadratic(3, seed), false) : TestProblems.quadratic(3, seed);
        LearnedOptimizer optimizer = lstm();
        TrainingResult result = train(task, optimizer);
        assertEquals(0, result.skippedUpdates());
        assertTrue(result.resetInstances() > 0, "replaced " + result.resetInstances());
        assertFinite(optimizer.parameters());
    }

    @Test
    void aNanMetaGradientIsSkipped() {
        LearnedOptimizer healthy = lstm();
        AtomicBoolean poisoned = new AtomicBoolean();
        LearnedOptimizer optimizer = new LearnedOptimizer() {
            public INDArray parameters() {
                return healthy.parameters();
            }

            public DataType dataType() {
                return healthy.dataType();
            }

            public Rollout newRollout(int coordinates, boolean record) {
                Rollout inner = healthy.newRollout(coordinates, record);
                return new Rollout() {
                    public int coordinates() {
                        return inner.coordinates();
                    }

                    public void step(INDArray gradient, INDArray update) {
                        inner.step(gradient, update);
                    }

                    public void backwardStep(INDArray updateAdjoint, INDArray gradientAdjoint, INDArray parameterGradient) {
                        inner.backwardStep(updateAdjoint, gradientAdjoint, parameterGradient);
                        if (poisoned.compareAndSet(false, true)) {
                            parameterGradient.putScalar(0, Double.NaN);
                        }
                    }

                    public void truncate() {
                        inner.truncate();
                    }

                    public void resetState(int from, int to) {
                        inner.resetState(from, to);
                    }

                    public void close() {
                        inner.close();
                    }
                };
            }
        };
        TrainingResult result = train(seed -> TestProblems.quadratic(3, seed), optimizer);
        assertEquals(1, result.skippedUpdates());
        assertEquals(0, result.resetInstances());
        assertFinite(optimizer.parameters());
    }

    private static TrainingResult train(Task task, LearnedOptimizer optimizer) {
        TrainingSettings settings = new TrainingSettings();
        settings.metaBatches = 6;
        settings.metaBatchSize = 6;
        settings.horizon = 10;
        settings.unroll = 5;
        settings.precision = "double";
        return new MetaTrainer(task, optimizer, settings, 1).train(TrainingListener.NONE);
    }

    private static LearnedOptimizer lstm() {
        LstmSpec spec = new LstmSpec();
        spec.units = 4;
        return spec.create(DataType.DOUBLE, 1);
    }

    /** A quadratic whose gradient (or only its loss) is NaN from step 7 on. */
    private static Optimizee faulty(Optimizee inner, boolean gradient) {
        return new Optimizee() {
            public int dimension() {
                return inner.dimension();
            }

            public void initialParameters(INDArray theta) {
                inner.initialParameters(theta);
            }

            public double lossAndGradient(long step, INDArray theta, INDArray g) {
                double loss = inner.lossAndGradient(step, theta, g);
                if (step >= 7) {
                    if (gradient) {
                        g.putScalar(0, 0, Double.NaN);
                    }
                    return Double.NaN;
                }
                return loss;
            }
        };
    }

    private static void assertFinite(INDArray phi) {
        assertTrue(Double.isFinite(phi.sumNumber().doubleValue()), "φ is finite");
    }
}
