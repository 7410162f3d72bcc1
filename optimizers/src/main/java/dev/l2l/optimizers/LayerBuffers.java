package dev.l2l.optimizers;

import dev.l2l.core.rnn.CellBuffers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the buffers of the built-in recurrent layers share: the hidden output h', a row of ones
 * (for bias gradients as one matrix product) and the state arrays, h' first.
 */
public abstract class LayerBuffers extends CellBuffers {

    /** The new hidden state h', [units × rows]: the output and the first state array. */
    public final INDArray hidden;
    /** A [1 × rows] row of ones: Σ over coordinates as a matrix product. */
    public final INDArray ones;
    private final INDArray[] state;

    /** @param otherStateSizes the sizes of the state arrays after h' (allocated here) */
    protected LayerBuffers(int rows, DataType dataType, int units, int... otherStateSizes) {
        super(rows, dataType);
        hidden = allocate(units);
        ones = allocate(1).assign(1.0);
        state = new INDArray[1 + otherStateSizes.length];
        state[0] = hidden;
        for (int k = 0; k < otherStateSizes.length; k++) {
            state[k + 1] = allocate(otherStateSizes[k]);
        }
    }

    @Override
    public final INDArray output() {
        return hidden;
    }

    @Override
    public final INDArray[] state() {
        return state;
    }
}
