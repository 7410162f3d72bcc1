package dev.l2l.optimizers.preprocessing;

import dev.l2l.core.rnn.CellAdjoints;
import dev.l2l.core.rnn.CellBuffers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;


/** No preprocessing: the network reads the raw gradient (the paper's choice on the quadratic). */
public final class IdentityPreprocessing extends Preprocessing {

    @Override
    public int outputSize() {
        return 1;
    }

    @Override
    public int[] stateSizes() {
        return new int[0];
    }

    @Override
    public CellBuffers newBuffers(int rows, DataType dataType) {
        return new StatelessBuffers(rows, dataType, 1);
    }

    @Override
    public void forward(INDArray parameters, INDArray input, INDArray[] stateIn, CellBuffers step, CellBuffers scratch) {
        step.output().assign(input);
    }

    @Override
    public void backward(INDArray parameters, INDArray input, INDArray[] stateIn, CellBuffers step, CellBuffers scratch,
                         CellAdjoints adjoints) {
        if (adjoints.input != null) {
            adjoints.input.assign(adjoints.output);
        }
    }

    @Override
    public String toString() {
        return "IdentityPreprocessing";
    }
}
