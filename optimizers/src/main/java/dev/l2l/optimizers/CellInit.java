package dev.l2l.optimizers;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

/** Initial values of recurrent-cell parameters, drawn from a seeded {@link Random}. */
public final class CellInit {

    private CellInit() {
    }

    /** Fills {@code array} with independent draws from U(−bound, bound), in c-order. */
    public static void uniform(INDArray array, Random random, double bound) {
        double[] values = new double[(int) array.length()];
        for (int k = 0; k < values.length; k++) {
            values[k] = (2 * random.nextDouble() - 1) * bound;
        }
        array.assign(org.nd4j.linalg.factory.Nd4j.create(values, array.shape(), array.dataType()));
    }
}
