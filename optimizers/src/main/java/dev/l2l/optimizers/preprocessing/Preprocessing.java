package dev.l2l.optimizers.preprocessing;

import dev.l2l.core.rnn.RecurrentCell;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

/** A gradient preprocessing: a {@link RecurrentCell} reading the gradient alone, with no parameters. */
abstract class Preprocessing implements RecurrentCell {

    @Override
    public final int inputSize() {
        return 1;
    }

    @Override
    public final long parameterCount() {
        return 0;
    }

    @Override
    public final void initializeParameters(INDArray parameters, Random random) {
    }
}
