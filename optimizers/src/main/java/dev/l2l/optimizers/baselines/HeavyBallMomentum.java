package dev.l2l.optimizers.baselines;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.Map;
import java.util.Objects;

/**
 * Classical (heavy-ball) momentum, v ← μv + ∇, θ ← θ − η v, as PyTorch's SGD with momentum. ND4J
 * ships SGD, Nesterov momentum, RMSprop and Adam but not this rule, so it is written here as an
 * {@link IUpdater} that plugs into the same machinery.
 */
public final class HeavyBallMomentum implements IUpdater {

    private double learningRate;
    private final double momentum;

    public HeavyBallMomentum(double learningRate, double momentum) {
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        Updater updater = new Updater();
        updater.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> state, boolean initialize) {
        Updater updater = new Updater();
        updater.setState(state, initialize);
        return updater;
    }

    @Override
    public IUpdater clone() {
        return new HeavyBallMomentum(learningRate, momentum);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        if (lrSchedule != null) {
            throw new UnsupportedOperationException("learning-rate schedules are not supported");
        }
        this.learningRate = lr;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeavyBallMomentum m && m.learningRate == learningRate && m.momentum == momentum;
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum);
    }

    private final class Updater implements GradientUpdater<HeavyBallMomentum> {
        private INDArray velocity;

        @Override
        public HeavyBallMomentum getConfig() {
            return HeavyBallMomentum.this;
        }

        @Override
        public void setState(Map<String, INDArray> state, boolean initialize) {
            setStateViewArray(state.get("V"), null, 'c', initialize);
        }

        @Override
        public Map<String, INDArray> getState() {
            return Map.of("V", velocity);
        }

        @Override
        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
            velocity = viewArray;
            if (initialize) {
                velocity.assign(0.0);
            }
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            velocity.muli(momentum).addi(gradient);
            gradient.assign(velocity).muli(learningRate);
        }
    }
}
