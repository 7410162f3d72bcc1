package dev.l2l.core.rnn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * The arrays one step of a {@link RecurrentCell} writes: its output, its new state and whatever
 * the cell caches for the backward pass. Cells subclass it, allocating with {@link #allocate} so
 * that {@link #close} frees everything.
 */
public abstract class CellBuffers implements AutoCloseable {

    private final List<INDArray> owned = new ArrayList<>();
    protected final int rows;
    protected final DataType dataType;

    protected CellBuffers(int rows, DataType dataType) {
        this.rows = rows;
        this.dataType = dataType;
    }

    /** Allocates a zeroed [features × rows] array owned by these buffers. */
    protected final INDArray allocate(int features) {
        INDArray array = Nd4j.zeros(dataType, features, rows);
        owned.add(array);
        return array;
    }

    /** Rows [from, to) of a feature-major array: a contiguous view, fast for elementwise ops. */
    protected static INDArray rowBlock(INDArray array, int from, int to) {
        return array.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    /** The step's output, [outputSize × rows]. */
    public abstract INDArray output();

    /** The step's new state, one array per entry of {@link RecurrentCell#stateSizes()}. */
    public abstract INDArray[] state();

    @Override
    public void close() {
        owned.forEach(INDArray::close);
        owned.clear();
    }
}
