package dev.l2l.core.linalg;

import org.bytedeco.openblas.global.openblas;

import java.nio.FloatBuffer;

/**
 * C = α·op(A)·op(B) + β·C in single precision on row-major direct buffers, by OpenBLAS's
 * {@code cblas_sgemm} (the library ND4J itself calls). Unlike {@code Nd4j.gemm}, a call allocates
 * nothing and costs ~0.2 µs besides the arithmetic, which matters for the [128 × 784]·[784 × 20]
 * products of an MLP step (≈ 140 µs each) as much as for tiny ones.
 *
 * <p>Every buffer must be direct and native-order ({@link DirectFloats#allocate}); its element 0 is
 * the matrix's first element (pass a {@link DirectFloats#slice} for a matrix inside a larger buffer).
 */
public final class Sgemm {

    private Sgemm() {
    }

    /**
     * C = α·op(A)·op(B) + β·C on dense matrices (leading dimension = row length).
     *
     * @param transposeA use Aᵀ: A is stored [k × m] instead of [m × k]
     * @param transposeB use Bᵀ: B is stored [n × k] instead of [k × n]
     * @param m rows of C
     * @param n columns of C
     * @param k the inner dimension
     */
    public static void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, float alpha,
                                FloatBuffer a, FloatBuffer b, float beta, FloatBuffer c) {
        multiply(transposeA, transposeB, m, n, k, alpha, a, transposeA ? m : k, b, transposeB ? k : n, beta, c, n);
    }

    /**
     * The same on matrices inside larger row-major ones: row r of a stored matrix starts at element
     * r·ld of its buffer (lda, ldb, ldc), so a block of columns of a wide matrix can be multiplied
     * in place.
     */
    public static void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, float alpha,
                                FloatBuffer a, int lda, FloatBuffer b, int ldb, float beta, FloatBuffer c, int ldc) {
        require(a, transposeA ? k : m, transposeA ? m : k, lda, "A");
        require(b, transposeB ? n : k, transposeB ? k : n, ldb, "B");
        require(c, m, n, ldc, "C");
        openblas.cblas_sgemm(openblas.CblasRowMajor, transposeA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transposeB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    private static void require(FloatBuffer buffer, int rows, int columns, int leading, String name) {
        long elements = rows == 0 || columns == 0 ? 0 : (long) (rows - 1) * leading + columns;
        if (!buffer.isDirect() || buffer.position() != 0 || leading < Math.max(1, columns) || buffer.capacity() < elements) {
            throw new IllegalArgumentException("sgemm: " + name + " [" + rows + " × " + columns + "] with leading dimension "
                    + leading + " needs a direct buffer of at least " + elements + " floats at position 0, got " + buffer);
        }
    }
}
