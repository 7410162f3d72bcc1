package dev.l2l.optimizers;

import dev.l2l.core.linalg.DirectFloats;
import dev.l2l.core.linalg.Sgemm;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * What the fused float kernels of the recurrent layers share: per-thread direct blocks for
 * {@link Sgemm} to multiply into, views of ND4J arrays as direct buffers, and the test that every
 * array of a step can take a fused path. A kernel walks the coordinates in blocks of a few hundred
 * columns, so that a block of gate rows stays in the L2 cache between its product and the
 * elementwise work on it.
 */
public final class KernelBlocks {

    private static final int SLOTS = 8;
    private static final ThreadLocal<FloatBuffer[]> BLOCKS = ThreadLocal.withInitial(() -> new FloatBuffer[SLOTS]);
    private static final ThreadLocal<float[]> FILL = ThreadLocal.withInitial(() -> new float[0]);

    private KernelBlocks() {
    }

    /** Whether every array is float and contiguous ({@link HeapFloats#eligible}). */
    public static boolean applies(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (!HeapFloats.eligible(array)) {
                return false;
            }
        }
        return true;
    }

    /**
     * This thread's direct block number {@code slot} of at least {@code length} floats; its contents
     * are whatever the last user left. A kernel call owns every slot until it returns.
     */
    public static FloatBuffer block(int slot, int length) {
        FloatBuffer[] blocks = BLOCKS.get();
        if (blocks[slot] == null || blocks[slot].capacity() < length) {
            blocks[slot] = DirectFloats.allocate(length);
        }
        return blocks[slot];
    }

    /** The elements of a contiguous {@code array} as a buffer of their own (shared content). */
    public static FloatBuffer elements(INDArray array) {
        return DirectFloats.slice(DirectFloats.storage(array), (int) array.offset(), (int) array.length());
    }

    /**
     * Columns {@code start … start + length)} of every row of a contiguous feature-major
     * {@code array}, as a matrix for {@link Sgemm} whose leading dimension is the array's column
     * count.
     */
    public static FloatBuffer columns(INDArray array, int start, int length) {
        int rows = (int) array.size(0);
        int n = (int) array.size(1);
        return DirectFloats.slice(DirectFloats.storage(array), (int) array.offset() + start, (rows - 1) * n + length);
    }

    /**
     * This thread's direct block number {@code slot} as rows of {@code width} floats, row r filled
     * with {@code bias[r]} (a contiguous float column): a bias to copy into a block before a product
     * adds to it.
     */
    public static FloatBuffer biasRows(int slot, INDArray bias, int width) {
        int rows = (int) bias.length();
        FloatBuffer values = DirectFloats.storage(bias);
        int at = (int) bias.offset();
        FloatBuffer filled = block(slot, rows * width);
        float[] row = FILL.get();
        if (row.length < width) {
            row = new float[width];
            FILL.set(row);
        }
        for (int r = 0; r < rows; r++) {
            Arrays.fill(row, 0, width, values.get(at + r));
            filled.put(r * width, row, 0, width);
        }
        return filled;
    }

    /**
     * Adds {@code sums[r]}, rounded to float, to element r of {@code gradient} (contiguous, float):
     * a bias gradient whose sums over the coordinates a kernel took in double.
     */
    public static void addBiasSums(INDArray gradient, double[] sums) {
        float[] values = HeapFloats.readScratch(0, gradient);
        for (int row = 0; row < sums.length; row++) {
            values[row] += (float) sums[row];
        }
        HeapFloats.write(values, gradient);
    }

    /**
     * Copies the first {@code length} floats of each of the {@code rows} rows of {@code rowsBlock}
     * (rows of {@code width}) into {@code into}, as rows of {@code length}.
     */
    public static void copyRows(FloatBuffer rowsBlock, int width, FloatBuffer into, int rows, int length) {
        for (int r = 0; r < rows; r++) {
            into.put(r * length, rowsBlock, r * width, length);
        }
    }
}
