package dev.l2l.core.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Reshaped views of a cell's flat parameter slice (or of its gradient), built once per array:
 * creating an ND4J view costs microseconds, too much for every step.
 *
 * <p>Construct it with the shapes of the blocks in order; {@link #of} returns one view per block.
 * It is safe to share between threads: the shards of a meta-batch pass their own gradient arrays
 * through the same cell concurrently, and each must get the views of its own array.
 */
public final class ParameterViews {

    /** Arrays remembered; older ones are forgotten (rebuilt if they come back). */
    private static final int CAPACITY = 16;

    private final long[][] shapes;
    private volatile Entry[] entries = new Entry[0];

    private record Entry(INDArray source, INDArray[] views) {
    }

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
        for (Entry entry : entries) {
            if (entry.source() == flat) {
                return entry.views();
            }
        }
        synchronized (this) {
            for (Entry entry : entries) {
                if (entry.source() == flat) {
                    return entry.views();
                }
            }
            Entry[] current = entries;
            int kept = Math.min(current.length, CAPACITY - 1);
            Entry[] updated = new Entry[kept + 1];
            System.arraycopy(current, current.length - kept, updated, 0, kept);
            updated[kept] = new Entry(flat, build(flat));
            entries = updated;
            return updated[kept].views();
        }
    }

    /**
     * The blocks of {@code flat} as new views, not remembered: for an owner that keeps them itself
     * (many arrays going through one layout would only churn the cache).
     */
    public INDArray[] split(INDArray flat) {
        return build(flat);
    }

    private INDArray[] build(INDArray flat) {
        INDArray[] built = new INDArray[shapes.length];
        long offset = 0;
        for (int i = 0; i < shapes.length; i++) {
            long n = length(shapes[i]);
            built[i] = flat.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', shapes[i]);
            offset += n;
        }
        return built;
    }

    private static long length(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
