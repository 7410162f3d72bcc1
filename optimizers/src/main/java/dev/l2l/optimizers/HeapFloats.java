package dev.l2l.optimizers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.FloatBuffer;

/**
 * Bulk copies between contiguous float ND4J arrays (or contiguous row-block views of them) and
 * Java arrays, and per-thread scratch arrays to copy into. Fused elementwise kernels run on the
 * Java side: one pass that the JIT vectorises instead of a dozen ND4J ops, each a full pass over
 * memory with ~10 µs of call overhead (DESIGN.md §7).
 */
public final class HeapFloats {

    private static final int SLOTS = 12;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[SLOTS][]);

    private HeapFloats() {
    }

    /** Whether {@code array} is float and its elements are one contiguous run in row-major order. */
    public static boolean eligible(INDArray array) {
        if (array.dataType() != DataType.FLOAT || array.ordering() != 'c' || array.length() > Integer.MAX_VALUE) {
            return false;
        }
        long expected = 1;
        for (int d = array.rank() - 1; d >= 0; d--) {
            if (array.size(d) != 1 && array.stride(d) != expected) {
                return false;
            }
            expected *= array.size(d);
        }
        return true;
    }

    /** Copies {@code array} (contiguous, float) into {@code into[0 … length)}; returns {@code into}. */
    public static float[] read(INDArray array, float[] into) {
        FloatBuffer buffer = array.data().asNioFloat();
        buffer.get((int) array.offset(), into, 0, (int) array.length());
        return into;
    }

    /** Copies {@code from[0 … length)} into {@code array} (contiguous, float). */
    public static void write(float[] from, INDArray array) {
        FloatBuffer buffer = array.data().asNioFloat();
        buffer.put((int) array.offset(), from, 0, (int) array.length());
    }

    /**
     * This thread's scratch array number {@code slot}, of at least {@code length} elements; its
     * contents are whatever the last user left.
     */
    public static float[] scratch(int slot, long length) {
        float[][] slots = SCRATCH.get();
        if (slots[slot] == null || slots[slot].length < length) {
            slots[slot] = new float[Math.toIntExact(length)];
        }
        return slots[slot];
    }

    /** {@link #scratch} filled with {@code array}'s values. */
    public static float[] readScratch(int slot, INDArray array) {
        return read(array, scratch(slot, array.length()));
    }
}
