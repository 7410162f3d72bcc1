package dev.l2l.core.rnn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

/**
 * One step of a recurrent network applied to many coordinates at once: the piece a new recurrent
 * learned optimizer supplies. {@link CoordinatewiseRnnOptimizer} stacks cells into layers, adds the
 * output head and scaling, carries the state across truncations and runs BPTT; a cell only maps
 * (input, state) to (output, new state) and back-propagates through that one step.
 *
 * <p><b>Layout.</b> Every per-coordinate array is feature-major: [features × rows], c-order, one
 * column per coordinate. Row blocks of such arrays are contiguous, which is what makes ND4J's
 * elementwise ops fast (column blocks are strided and several times slower). Columns are
 * independent: a cell computes each coordinate's column from that column alone, which is what
 * makes the optimizer coordinatewise (and lets a problem's coordinates be split over threads,
 * {@link dev.l2l.core.LearnedOptimizer#coordinatewise()}).
 *
 * <p><b>Buffers.</b> A cell allocates everything a step writes in {@link #newBuffers}; the rollout
 * keeps one {@link CellBuffers} per recorded step and reuses them across truncations, so the hot
 * loop allocates nothing. Each call also gets a scratch {@code CellBuffers} of the same shape that
 * the cell may overwrite freely.
 *
 * <p><b>Parameters.</b> The cell's parameters are a contiguous slice of the optimizer's flat φ; the
 * same array instance is passed on every call (cache views of it with {@link ParameterViews}).
 *
 * <p>Preprocessings of the gradient are cells too: input size 1, no parameters, and a state where
 * they need one (running moments).
 */
public interface RecurrentCell {

    /** Number of input features per coordinate. */
    int inputSize();

    /** Number of output features per coordinate. */
    int outputSize();

    /** Number of features of each state array (for example {h, c} for an LSTM); empty if stateless. */
    int[] stateSizes();

    /** Number of meta-parameters of this cell. */
    long parameterCount();

    /** Writes initial values into {@code parameters} (length {@link #parameterCount()}). */
    void initializeParameters(INDArray parameters, Random random);

    /** Allocates the arrays one step writes, for {@code rows} coordinates. */
    CellBuffers newBuffers(int rows, DataType dataType);

    /**
     * One forward step: reads {@code input} [inputSize × rows] and {@code stateIn}, writes
     * {@code step.output()} and {@code step.state()} and whatever the backward pass needs.
     */
    void forward(INDArray parameters, INDArray input, INDArray[] stateIn, CellBuffers step, CellBuffers scratch);

    /**
     * A forward step that will never be back-propagated (a rollout created without recording):
     * only {@code step.output()} and {@code step.state()} need to be written, so a cell may skip
     * what only {@link #backward} reads. The default runs {@link #forward}.
     */
    default void forwardInference(INDArray parameters, INDArray input, INDArray[] stateIn, CellBuffers step,
                                  CellBuffers scratch) {
        forward(parameters, input, stateIn, step, scratch);
    }

    /**
     * Back-propagates through a step previously computed by {@link #forward} with the same
     * parameters, input and state.
     *
     * @param adjoints what flows in (output and new-state adjoints) and what the cell writes
     *                 (input and old-state adjoints) or accumulates (parameter gradient)
     */
    void backward(INDArray parameters, INDArray input, INDArray[] stateIn, CellBuffers step, CellBuffers scratch,
                  CellAdjoints adjoints);
}
