package dev.l2l.optimizers.preprocessing;

import dev.l2l.core.rnn.CellBuffers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Buffers of a stateless preprocessing: its feature rows and two rows of working space. */
final class StatelessBuffers extends CellBuffers {

    private static final INDArray[] NO_STATE = new INDArray[0];

    final INDArray features;
    final INDArray work;
    final INDArray mask;

    StatelessBuffers(int rows, DataType dataType, int featureCount) {
        super(rows, dataType);
        features = allocate(featureCount);
        work = allocate(1);
        mask = allocate(1);
    }

    /** Row {@code index} of the features, as a contiguous [1 × rows] view. */
    INDArray feature(int index) {
        return rowBlock(features, index, index + 1);
    }

    @Override
    public INDArray output() {
        return features;
    }

    @Override
    public INDArray[] state() {
        return NO_STATE;
    }
}
