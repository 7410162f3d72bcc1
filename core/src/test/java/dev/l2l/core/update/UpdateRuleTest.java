package dev.l2l.core.update;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdateRuleTest {

    private static final int N = 2500;
    private static final int STEPS = 30;

    /**
     * The Java Adam pass (contiguous float θ) against ND4J's adam_updater op (the same θ as every
     * other element of a longer row, which the Java pass does not take): θ and both moments agree.
     */
    @Test
    void floatAdamAgreesWithNd4jsAdamOp() {
        Adam config = new Adam(0.03, 0.9, 0.999, 1e-8);
        INDArray fast = Nd4j.rand(DataType.FLOAT, 1, N).subi(0.5);
        INDArray reference = Nd4j.zeros(DataType.FLOAT, 1, 2 * N).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 2 * N))
                .assign(fast);
        assertTrue(FloatAdam.applies(fast, fast, Nd4j.zeros(DataType.FLOAT, 1, 2 * N)));
        assertTrue(!FloatAdam.applies(reference, fast, Nd4j.zeros(DataType.FLOAT, 1, 2 * N)));
        UpdateRule fastRule = new UpdateRule(config, fast);
        UpdateRule referenceRule = new UpdateRule(config, reference);
        Random random = new Random(3);
        INDArray gradient = Nd4j.zeros(DataType.FLOAT, 1, N);
        for (int t = 0; t < STEPS; t++) {
            float[] g = new float[N];
            for (int i = 0; i < N; i++) {
                // gradients over many scales, some exactly zero
                g[i] = i % 97 == 0 ? 0f : (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 4));
            }
            gradient.assign(Nd4j.createFromArray(g).reshape(1, N));
            fastRule.apply(fast, gradient);
            referenceRule.apply(reference, gradient);
        }
        assertEquals(STEPS, fastRule.iteration());
        assertClose(reference.toFloatVector(), fast.toFloatVector(), "θ");
        assertClose(referenceRule.state().toFloatVector(), fastRule.state().toFloatVector(), "moments m and v");
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            float tolerance = 2e-6f * Math.max(1e-3f, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tolerance, what + " at " + i);
        }
    }
}
