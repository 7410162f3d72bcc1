package dev.l2l.core.update;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * An ND4J update rule ({@link IUpdater}) with its state, applied to one row vector of parameters.
 * Used for the hand-designed baselines and for Adam on φ; the arithmetic is ND4J's own, except that
 * Adam on contiguous float arrays takes {@link FloatAdam}, the same formulas in one Java pass.
 */
public final class UpdateRule implements AutoCloseable {

    private final INDArray state;
    private final GradientUpdater<?> updater;
    private final INDArray step;
    private final FloatAdam floatAdam;
    private int iteration;

    /**
     * @param config the rule and its hyperparameters
     * @param parameters the row vector [1 × n] the rule will update (fixes size and precision)
     */
    public UpdateRule(IUpdater config, INDArray parameters) {
        long n = parameters.length();
        long stateSize = config.stateSize(n);
        this.state = stateSize == 0 ? null : Nd4j.zeros(parameters.dataType(), 1, stateSize);
        this.updater = config.instantiate(state, true);
        if (state != null) {
            updater.setStateViewArray(state, new long[] {1, n}, 'c', true);
        }
        this.step = Nd4j.zeros(parameters.dataType(), 1, n);
        this.floatAdam = config instanceof Adam adam ? new FloatAdam(adam) : null;
    }

    /**
     * θ ← θ − rule(∇): applies one step of the rule to {@code parameters} given {@code gradient}
     * (both [1 × n]; the gradient is left unchanged).
     */
    public void apply(INDArray parameters, INDArray gradient) {
        if (floatAdam != null && FloatAdam.applies(parameters, gradient, state)) {
            floatAdam.apply(parameters, gradient, state, iteration);
            iteration++;
            return;
        }
        step.assign(gradient);
        updater.applyUpdater(step, iteration, 0);
        parameters.subi(step);
        iteration++;
    }

    /** Number of steps applied so far. */
    public int iteration() {
        return iteration;
    }

    /** The rule's state (moments), or {@code null} for a stateless rule; live, for checkpoints. */
    public INDArray state() {
        return state;
    }

    /** Restores the step count (the state array itself is restored through {@link #state()}). */
    public void setIteration(int iteration) {
        this.iteration = iteration;
    }

    @Override
    public void close() {
        step.close();
        if (state != null) {
            state.close();
        }
    }
}
