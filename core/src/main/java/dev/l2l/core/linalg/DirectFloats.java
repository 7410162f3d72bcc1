package dev.l2l.core.linalg;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Direct float buffers in native byte order (what {@link Sgemm} multiplies) and bulk copies
 * between them and ND4J arrays. A copy of a whole contiguous array is one memory move, where an
 * ND4J {@code assign} costs ~10 µs of call overhead on top (DESIGN.md §7).
 */
public final class DirectFloats {

    private DirectFloats() {
    }

    /** A zeroed direct buffer of {@code length} floats. */
    public static FloatBuffer allocate(int length) {
        return ByteBuffer.allocateDirect(Math.multiplyExact(length, Float.BYTES)).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    /** The {@code length} floats of {@code buffer} from {@code from}, as a buffer of their own (shared content). */
    public static FloatBuffer slice(FloatBuffer buffer, int from, int length) {
        return buffer.slice(from, length);
    }

    /**
     * Whether {@code array} is float and its elements are one contiguous run in row-major index
     * order. Decided by the strides alone: ND4J marks some views of a row vector 'f'-ordered.
     */
    public static boolean contiguousFloat(INDArray array) {
        if (array.dataType() != DataType.FLOAT || array.length() > Integer.MAX_VALUE) {
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

    /** The whole storage of a {@link #contiguousFloat} array; its elements start at {@code array.offset()}. */
    public static FloatBuffer storage(INDArray array) {
        return array.data().asNioFloat();
    }

    /** Copies the elements of {@code from} ({@link #contiguousFloat}) into {@code into[0 …]}. */
    public static void copy(INDArray from, FloatBuffer into) {
        into.put(0, storage(from), (int) from.offset(), (int) from.length());
    }

    /** Copies {@code from[0 … into.length())} into {@code into} ({@link #contiguousFloat}). */
    public static void copy(FloatBuffer from, INDArray into) {
        storage(into).put((int) into.offset(), from, 0, (int) into.length());
    }
}
