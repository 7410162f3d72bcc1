package dev.l2l.core;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One problem instance to be optimized: a differentiable loss f(θ) over a flat parameter vector.
 *
 * <p>Call protocol: {@link #initialParameters} once, then any number of
 * {@link #lossAndGradient} (and, for exact second-order meta-gradients,
 * {@link #hessianVectorProduct}) calls. Every call names the optimization {@code step} it belongs
 * to: a stochastic optimizee (a network trained on minibatches) must use the same minibatch for
 * the same step, so that a step can be revisited (for a Hessian-vector product, or after a resume)
 * and give the same numbers. A deterministic optimizee ignores the step.
 *
 * <p>Arrays passed in are row vectors of shape [1, {@link #dimension()}], possibly views into a
 * larger stacked array, in float or double precision; implementations must not keep references to
 * them between calls.
 */
public interface Optimizee {

    /** Number of coordinates of θ. */
    int dimension();

    /**
     * Writes the initial parameters θ₀ of this instance into {@code theta}.
     *
     * @param theta row vector [1, dimension] to fill
     */
    void initialParameters(INDArray theta);

    /**
     * Evaluates the loss and its gradient at {@code theta} on the data of {@code step}.
     *
     * @param step the optimization step (selects the minibatch of a stochastic optimizee)
     * @param theta the parameters, read only
     * @param gradient receives ∇f(θ), same shape as theta
     * @return f(θ)
     */
    double lossAndGradient(long step, INDArray theta, INDArray gradient);

    /**
     * Writes the product of the Hessian of f at {@code theta} (on the data of {@code step}) with
     * {@code vector} into {@code out}. The default is a central difference of two gradients,
     * (∇f(θ + εv) − ∇f(θ − εv)) / 2ε on the same minibatch, with ε scaled to the size of v; a task
     * that knows its Hessian should override it with the exact product.
     */
    default void hessianVectorProduct(long step, INDArray theta, INDArray vector, INDArray out) {
        FiniteDifferenceHvp.apply(this, step, theta, vector, out);
    }

    /**
     * The named groups of θ's coordinates, in order, covering [0, dimension()) without gaps (e.g.
     * {@code conv} then {@code dense} for a convolutional network), so that a configuration can give
     * each group its own learned optimizer. The default is one group, {@link ParameterGroup#ALL}.
     */
    default java.util.List<ParameterGroup> parameterGroups() {
        return java.util.List.of(new ParameterGroup(ParameterGroup.ALL, 0, dimension()));
    }
}
