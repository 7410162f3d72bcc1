package dev.l2l.core.linalg;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastMathTest {

    @Test
    void tanhIsWithinFourTenMillionthsOfMathTanhOverTheWholeRange() {
        double worst = 0;
        for (float x = -12f; x <= 12f; x += 1.0e-4f) {
            worst = Math.max(worst, Math.abs(FastMath.tanh(x) - Math.tanh(x)));
        }
        assertTrue(worst < 4e-7, "largest error " + worst);
        assertEquals(1f, FastMath.tanh(1e30f));
        assertEquals(-1f, FastMath.tanh(Float.NEGATIVE_INFINITY));
        assertEquals(0f, FastMath.tanh(0f));
    }

    @Test
    void sigmoidIsWithinFourTenMillionthsOfTheLogistic() {
        double worst = 0;
        for (float x = -30f; x <= 30f; x += 2.0e-4f) {
            worst = Math.max(worst, Math.abs(FastMath.sigmoid(x) - 1 / (1 + Math.exp(-x))));
        }
        assertTrue(worst < 4e-7, "largest error " + worst);
        assertEquals(0.5f, FastMath.sigmoid(0f));
    }

    @Test
    void theBulkFormsGiveTheScalarFunctionsBitsForEveryKindOfInput() {
        assertTrue(VectorSupport.available(), "tests run with jdk.incubator.vector, so this checks VectorMath");
        java.util.Random random = new java.util.Random(11);
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, Float.MIN_VALUE,
            -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, FastMath.CLAMP, -FastMath.CLAMP,
            Math.nextUp(FastMath.CLAMP), Math.nextDown(-FastMath.CLAMP), 1e-20f, 15.8f, -15.8f};
        int n = 1003;
        float[] x = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = k < special.length ? special[k] : (float) (random.nextGaussian() * (k % 3 == 0 ? 20 : 3));
        }
        float[] tanh = new float[n];
        FastMath.tanh(x, tanh, n);
        float[] sigmoid = x.clone();
        FastMath.sigmoid(sigmoid, 0, n);
        float[] shifted = x.clone();
        FastMath.tanh(shifted, 5, n - 5);
        float[] shiftedSigmoid = x.clone();
        FastMath.sigmoid(shiftedSigmoid, 7, n - 7);
        for (int k = 0; k < n; k++) {
            assertEquals(Float.floatToIntBits(FastMath.tanh(x[k])), Float.floatToIntBits(tanh[k]), "tanh " + x[k]);
            assertEquals(Float.floatToIntBits(FastMath.sigmoid(x[k])), Float.floatToIntBits(sigmoid[k]),
                    "sigmoid " + x[k]);
            float expected = k < 5 ? x[k] : FastMath.tanh(x[k]);
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(shifted[k]), "in place from 5, " + x[k]);
            float expectedSigmoid = k < 7 ? x[k] : FastMath.sigmoid(x[k]);
            assertEquals(Float.floatToIntBits(expectedSigmoid), Float.floatToIntBits(shiftedSigmoid[k]),
                    "sigmoid in place from 7, " + x[k]);
        }
        assertTrue(Float.isNaN(tanh[0]), "NaN stays NaN");
    }
}
