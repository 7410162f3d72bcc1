package dev.l2l.optimizers;

import dev.l2l.core.linalg.DirectFloats;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.FloatBuffer;

/**
 * Bulk copies between contiguous float ND4J arrays (or contiguous row-block views of them) and
 * Java arrays, and per-thread scratch arrays to copy into. Fused elementwise kernels run on the
 * Java side: one pass that the JIT vectorises instead of a dozen ND4J ops, each a full pass over
 * memory with ~10 µs of call overhead (DESIGN.md §7). A kernel over large arrays copies them in
 * {@link Rows chunks} that stay in the L1 cache rather than whole, so that each array crosses
 * main memory once each way.
 */
public final class HeapFloats {

    private static final int SLOTS = 12;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[SLOTS][]);

    private HeapFloats() {
    }

    /** Whether {@code array} is float and its elements are one contiguous run in row-major order. */
    public static boolean eligible(INDArray array) {
        return DirectFloats.contiguousFloat(array);
    }

    /** Copies {@code array} (contiguous, float) into {@code into[0 … length)}; returns {@code into}. */
    public static float[] read(INDArray array, float[] into) {
        FloatBuffer buffer = DirectFloats.storage(array);
        buffer.get((int) array.offset(), into, 0, (int) array.length());
        return into;
    }

    /** Copies {@code from[0 … length)} into {@code array} (contiguous, float). */
    public static void write(float[] from, INDArray array) {
        FloatBuffer buffer = DirectFloats.storage(array);
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

    /**
     * Chunked access to a contiguous float array seen as [rows × columns] (row-major): copies of
     * part of a row into and out of Java arrays.
     */
    public static final class Rows {
        private final FloatBuffer buffer;
        private final int base;
        private final int columns;

        /** @param array contiguous and float ({@link #eligible}); its last dimension is the columns */
        public Rows(INDArray array) {
            this.buffer = DirectFloats.storage(array);
            this.base = (int) array.offset();
            this.columns = (int) array.size(array.rank() - 1);
        }

        /** Copies {@code length} values of row {@code row} from column {@code from} into {@code into[at …]}. */
        public void get(int row, int from, int length, float[] into, int at) {
            buffer.get(base + row * columns + from, into, at, length);
        }

        /** Copies {@code from[at … at + length)} into row {@code row} from column {@code column}. */
        public void put(int row, int column, int length, float[] from, int at) {
            buffer.put(base + row * columns + column, from, at, length);
        }
    }

    /** {@link #scratch} filled with {@code array}'s values. */
    public static float[] readScratch(int slot, INDArray array) {
        return read(array, scratch(slot, array.length()));
    }
}
