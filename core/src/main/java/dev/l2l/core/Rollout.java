package dev.l2l.core;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A learned optimizer applied to one (possibly stacked) problem: the per-coordinate state, and,
 * when recording, what truncated BPTT needs.
 *
 * <p>Call protocol: {@code (step)* [backwardStep × (number of steps since truncate)] truncate}, repeated;
 * then {@link #close}. {@link #backwardStep} walks the recorded steps from the last to the first;
 * {@link #truncate} drops the record and keeps the state, detached (the next truncation starts from
 * it, and no gradient flows into the previous one).
 */
public interface Rollout extends AutoCloseable {

    /** Number of coordinates (rows) this rollout optimizes. */
    int coordinates();

    /**
     * One optimizer step: reads the gradient ∇ₜ, advances the state and writes the update gₜ
     * (θₜ₊₁ = θₜ + gₜ). The gradient is copied when recording, so the caller may reuse its array.
     *
     * @param gradient row vector [1, coordinates]
     * @param update receives the update, same shape
     */
    void step(INDArray gradient, INDArray update);

    /**
     * Back-propagates through the latest recorded step not yet visited.
     *
     * @param updateAdjoint ∂L/∂gₜ, [1, coordinates]
     * @param gradientAdjoint receives ∂L/∂∇ₜ (needed for second-order meta-gradients), or
     *                        {@code null} when the gradient is treated as a constant
     * @param parameterGradient ∂L/∂φ is added into it (same length as φ)
     */
    void backwardStep(INDArray updateAdjoint, INDArray gradientAdjoint, INDArray parameterGradient);

    /** Forgets the recorded steps, keeping the current state as the start of the next truncation. */
    void truncate();

    /**
     * Returns the state of coordinates [from, to) to the initial state, for an instance of a stacked
     * problem that diverged and was replaced by a new one. Called between truncations (after
     * {@link #truncate}). Optional: the default refuses.
     */
    default void resetState(int from, int to) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot reset the state of part of its coordinates");
    }

    /** Releases the native memory of this rollout. */
    @Override
    void close();
}
