package dev.l2l.core.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arrays of one {@link RecurrentCell#backward} call. The rollout owns them and reuses them from
 * step to step; the cell reads the first two and writes the others.
 */
public final class CellAdjoints {

    /** ∂L/∂output, [outputSize × rows]: read. */
    public INDArray output;
    /** ∂L/∂(new state), one per state array: read (zero at the end of a truncation). */
    public INDArray[] stateOut;
    /** Receives ∂L/∂input, [inputSize × rows] (assigned, not added), or {@code null} if not needed. */
    public INDArray input;
    /** Receive ∂L/∂(previous state), one per state array (assigned, not added). */
    public INDArray[] stateIn;
    /** ∂L/∂(this cell's parameters) is added into it (length parameterCount). */
    public INDArray parameterGradient;
}
