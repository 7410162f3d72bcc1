package dev.l2l.core.linalg;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.FloatBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectFloatsTest {

    @Test
    void copiesToAndFromTheElementsOfAViewInsideALargerArray() {
        INDArray row = Nd4j.createFromArray(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}).reshape(1, 10);
        INDArray view = row.get(NDArrayIndex.all(), NDArrayIndex.interval(3, 7));
        assertTrue(DirectFloats.contiguousFloat(view));
        FloatBuffer buffer = DirectFloats.allocate(4);
        DirectFloats.copy(view, buffer);
        assertArrayEquals(new float[] {3, 4, 5, 6}, new float[] {buffer.get(0), buffer.get(1), buffer.get(2), buffer.get(3)});
        buffer.put(0, 30f).put(3, 60f);
        DirectFloats.copy(buffer, view);
        assertArrayEquals(new float[] {0, 1, 2, 30, 4, 5, 60, 7, 8, 9}, row.toFloatVector());
        assertFalse(DirectFloats.contiguousFloat(row.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 10))));
        assertFalse(DirectFloats.contiguousFloat(row.castTo(DataType.DOUBLE)));
    }
}
