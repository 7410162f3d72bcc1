package dev.l2l.optimizers;

import dev.l2l.core.rnn.ParameterViews;
import dev.l2l.core.rnn.RecurrentCell;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

/**
 * What the built-in recurrent layers share: input and unit counts, parameter blocks viewed through
 * {@link ParameterViews}, and PyTorch's initialisation U(−1/√units, 1/√units) of every block.
 */
public abstract class RecurrentLayer implements RecurrentCell {

    protected final int inputSize;
    protected final int units;
    private final ParameterViews parameterViews;
    private final ParameterViews gradientViews;

    /** @param blocks the shapes of the parameter blocks, in their order inside the flat slice */
    protected RecurrentLayer(int inputSize, int units, long[]... blocks) {
        this.inputSize = inputSize;
        this.units = units;
        this.parameterViews = new ParameterViews(blocks);
        this.gradientViews = new ParameterViews(blocks);
    }

    @Override
    public final int inputSize() {
        return inputSize;
    }

    @Override
    public final int outputSize() {
        return units;
    }

    @Override
    public final long parameterCount() {
        return parameterViews.size();
    }

    @Override
    public void initializeParameters(INDArray parameters, Random random) {
        double bound = 1.0 / Math.sqrt(units);
        for (INDArray block : parameterViews.of(parameters)) {
            CellInit.uniform(block, random, bound);
        }
    }

    /** The parameter blocks of this layer's slice of φ. */
    protected final INDArray[] parameters(INDArray flat) {
        return parameterViews.of(flat);
    }

    /** The same blocks of this layer's slice of ∂L/∂φ. */
    protected final INDArray[] gradients(INDArray flat) {
        return gradientViews.of(flat);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + inputSize + " -> " + units + ")";
    }
}
