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
     * @param transposeA use Aᵀ: A is stored [k × m] instead of [m × k]
     * @param transposeB use Bᵀ: B is stored [n × k] instead of [k × n]
     * @param m rows of C
     * @param n columns of C
     * @param k the inner dimension
     */
    public static void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, float alpha,
                                FloatBuffer a, FloatBuffer b, float beta, FloatBuffer c) {
        int lda = transposeA ? m : k;
        int ldb = transposeB ? k : n;
        require(a, (long) m * k, "A");
        require(b, (long) k * n, "B");
        require(c, (long) m * n, "C");
        openblas.cblas_sgemm(openblas.CblasRowMajor, transposeA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transposeB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, n);
    }

    private static void require(FloatBuffer buffer, long elements, String name) {
        if (!buffer.isDirect() || buffer.position() != 0 || buffer.capacity() < elements) {
            throw new IllegalArgumentException("sgemm: " + name + " must be a direct buffer of at least " + elements
                    + " floats at position 0, got " + buffer);
        }
    }
}
