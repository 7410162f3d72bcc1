package dev.l2l.core;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A learned optimizer m(∇, h; φ): its meta-parameters φ, and a factory for {@link Rollout}s that
 * apply it to a problem.
 *
 * <p>Three things are kept apart, as in google/learned_optimization: the meta-parameters (owned
 * here, trained by the meta-optimizer), the optimizer applied to one problem (a {@link Rollout},
 * holding the per-coordinate state), and the problem itself (an {@link Optimizee}).
 *
 * <p>Coordinatewise recurrent optimizers need not implement this interface directly: supplying a
 * {@link dev.l2l.core.rnn.RecurrentCell} to {@link dev.l2l.core.rnn.CoordinatewiseRnnOptimizer}
 * gives the coordinatewise application, preprocessing, output scaling and BPTT.
 */
public interface LearnedOptimizer {

    /**
     * The meta-parameters φ as one flat vector. The array is live: the meta-optimizer updates it
     * in place, and rollouts created before see the change.
     */
    INDArray parameters();

    /** Precision of φ and of every array this optimizer's rollouts produce. */
    DataType dataType();

    /**
     * Starts applying this optimizer to a problem of {@code coordinates} coordinates, from the
     * initial state.
     *
     * @param record whether steps are recorded for {@link Rollout#backwardStep} (meta-training);
     *               without it a rollout keeps only the current state (evaluation)
     */
    Rollout newRollout(int coordinates, boolean record);

    /**
     * Starts applying this optimizer to a problem whose coordinates are grouped by {@code layout}.
     * The default ignores the groups (one φ serves every coordinate); an optimizer that treats
     * groups differently, such as {@link dev.l2l.core.groups.GroupedOptimizer}, overrides it.
     */
    default Rollout newRollout(ParameterLayout layout, boolean record) {
        return newRollout(layout.coordinates(), record);
    }

    /**
     * Whether each coordinate's update depends only on that coordinate's own gradients (and its
     * group), never on other coordinates. Then the coordinates of a problem can be split into
     * contiguous parts, each run by a rollout of its own over {@link ParameterLayout#range}, with
     * the same updates: how evaluation spreads one problem over several threads. The default is
     * {@code false}, which is always safe.
     */
    default boolean coordinatewise() {
        return false;
    }

    /**
     * The same optimizer with φ stored in {@code storage} (a vector of φ's length, into which φ's
     * current values are copied): how a {@link dev.l2l.core.groups.GroupedOptimizer} keeps the φ of
     * all its groups in one vector. This optimizer must not be used afterwards. Optional: the
     * default refuses, and such an optimizer cannot be one group of several.
     */
    default LearnedOptimizer withParameters(INDArray storage) {
        throw new UnsupportedOperationException(getClass().getName()
                + " cannot move its parameters into shared storage, so it cannot serve one parameter group of several");
    }
}
