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
}
