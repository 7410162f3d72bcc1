package dev.l2l.core.linalg;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SgemmTest {

    @ParameterizedTest(name = "Aᵀ {0}, Bᵀ {1}")
    @CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void matchesTheProductComputedInDouble(boolean transposeA, boolean transposeB) {
        int m = 5;
        int n = 7;
        int k = 3;
        Random random = new Random(4);
        float[] a = values(random, m * k);
        float[] b = values(random, k * n);
        float[] c = values(random, m * n);
        // A and B at an offset inside larger buffers, as the weights of a layer inside θ
        FloatBuffer aBuffer = DirectFloats.slice(filled(prefixed(a, 11)), 11, a.length);
        FloatBuffer bBuffer = DirectFloats.slice(filled(prefixed(b, 4)), 4, b.length);
        FloatBuffer cBuffer = filled(c);
        Sgemm.multiply(transposeA, transposeB, m, n, k, 2f, aBuffer, bBuffer, 0.5f, cBuffer);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double aip = transposeA ? a[p * m + i] : a[i * k + p];
                    double bpj = transposeB ? b[j * k + p] : b[p * n + j];
                    sum += aip * bpj;
                }
                assertEquals(2 * sum + 0.5 * c[i * n + j], cBuffer.get(i * n + j), 1e-5, "C[" + i + "," + j + "]");
            }
        }
    }

    @Test
    void multipliesBlocksOfColumnsOfWiderMatricesInPlace() {
        // C[:, 2:5] of a [2 × 6] matrix += A[2 × 3] · B[:, 1:4] of a [3 × 7] matrix
        Random random = new Random(8);
        float[] a = values(random, 6);
        float[] b = values(random, 21);
        float[] c = values(random, 12);
        FloatBuffer cBuffer = filled(c);
        Sgemm.multiply(false, false, 2, 3, 3, 1f, filled(a), 3, DirectFloats.slice(filled(b), 1, 20), 7, 1f,
                DirectFloats.slice(cBuffer, 2, 10), 6);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 6; j++) {
                double expected = c[i * 6 + j];
                if (j >= 2 && j < 5) {
                    for (int p = 0; p < 3; p++) {
                        expected += (double) a[i * 3 + p] * b[p * 7 + 1 + j - 2];
                    }
                }
                assertEquals(expected, cBuffer.get(i * 6 + j), 1e-5, "C[" + i + "," + j + "]");
            }
        }
    }

    @Test
    void refusesBuffersTooSmallOrOnTheHeap() {
        FloatBuffer small = DirectFloats.allocate(5);
        FloatBuffer enough = DirectFloats.allocate(6);
        assertThrows(IllegalArgumentException.class,
                () -> Sgemm.multiply(false, false, 2, 3, 1, 1f, small, enough, 0f, small));
        assertThrows(IllegalArgumentException.class,
                () -> Sgemm.multiply(false, false, 2, 3, 1, 1f, FloatBuffer.allocate(2), enough, 0f, enough));
        // a leading dimension shorter than a row, and a buffer too short for the last row
        assertThrows(IllegalArgumentException.class,
                () -> Sgemm.multiply(false, false, 2, 3, 1, 1f, enough, 1, enough, 2, 0f, enough, 3));
        assertThrows(IllegalArgumentException.class,
                () -> Sgemm.multiply(false, false, 2, 3, 1, 1f, enough, 1, enough, 3, 0f, enough, 4));
    }

    private static float[] values(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private static float[] prefixed(float[] values, int prefix) {
        float[] out = new float[prefix + values.length];
        java.util.Arrays.fill(out, 0, prefix, 99f);
        System.arraycopy(values, 0, out, prefix, values.length);
        return out;
    }

    private static FloatBuffer filled(float[] values) {
        FloatBuffer buffer = DirectFloats.allocate(values.length);
        buffer.put(0, values);
        return buffer;
    }
}
