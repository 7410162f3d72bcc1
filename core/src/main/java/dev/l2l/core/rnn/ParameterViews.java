package dev.l2l.core.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Reshaped views of a cell's flat parameter slice (or of its gradient), rebuilt only when a
 * different array is passed: creating an ND4J view costs microseconds, too much for every step.
 *
 * <p>Construct it with the shapes of the blocks in order; {@link #of} returns one view per block.
 */
public final class ParameterViews {

    private final long[][] shapes;
    private INDArray source;
    private INDArray[] views;

    public ParameterViews(long[]... shapes) {
        this.shapes = shapes.clone();
    }

    /** Total number of parameters of all blocks. */
    public long size() {
        long total = 0;
        for (long[] shape : shapes) {
            total += length(shape);
        }
        return total;
    }

    /** The blocks of {@code flat} (length {@link #size()}), as views with the declared shapes. */
    public INDArray[] of(INDArray flat) {
        if (flat != source) {
            INDArray[] built = new INDArray[shapes.length];
            long offset = 0;
            for (int i = 0; i < shapes.length; i++) {
                long n = length(shapes[i]);
                built[i] = flat.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', shapes[i]);
                offset += n;
            }
            views = built;
            source = flat;
        }
        return views;
    }

    private static long length(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
