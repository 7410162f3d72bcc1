package dev.l2l.core.linalg;

/**
 * Single-precision tanh and logistic sigmoid without {@code exp}: a rational minimax approximation
 * of tanh on [−7.9053, 7.9053] (beyond which tanh rounds to ±1 in float), the form Eigen uses for
 * its vectorised float tanh. Only multiplications, additions, one division and clamping, so loops
 * of it vectorise. Its error is below 4e-7 over the whole float range
 * ({@code FastMathTest} checks it against {@link Math#tanh}).
 *
 * <p>Hot loops should call the bulk forms. Where {@link VectorSupport#available()} they run
 * {@link VectorMath}'s Vector API loops (the same bits; a bulk tanh over 512 floats took 0.40 ns per
 * element instead of 0.60 on the project's 2-core machine); otherwise their loops
 * are small methods of their own: the JIT
 * compiles each with the scalar function inlined. A loop written inside a large method can exceed
 * the JIT's inlining budget and call the scalar function once per element (seen in a profile of
 * the LSTM kernel, where the scalar tanh took 16% of the samples; moving the loops here gave no
 * measurable change in the step's time on the machine it was measured on).
 */
public final class FastMath {

    static final float CLAMP = 7.90531110763549805f;
    static final float A1 = 4.89352455891786e-03f;
    static final float A3 = 6.37261928875436e-04f;
    static final float A5 = 1.48572235717979e-05f;
    static final float A7 = 5.12229709037114e-08f;
    static final float A9 = -8.60467152213735e-11f;
    static final float A11 = 2.00018790482477e-13f;
    static final float A13 = -2.76076847742355e-16f;
    static final float B0 = 4.89352518554385e-03f;
    static final float B2 = 2.26843463243900e-03f;
    static final float B4 = 1.18534705686654e-04f;
    static final float B6 = 1.19825839466702e-06f;

    private FastMath() {
    }

    /** tanh x in single precision. */
    public static float tanh(float x) {
        float c = Math.max(-CLAMP, Math.min(CLAMP, x));
        float c2 = c * c;
        float p = ((((((A13 * c2 + A11) * c2 + A9) * c2 + A7) * c2 + A5) * c2 + A3) * c2 + A1) * c;
        float q = ((B6 * c2 + B4) * c2 + B2) * c2 + B0;
        return p / q;
    }

    /** σ(x) = 1 / (1 + e^−x) = (1 + tanh(x/2)) / 2 in single precision. */
    public static float sigmoid(float x) {
        return 0.5f + 0.5f * tanh(0.5f * x);
    }

    /** {@code values[k] ← tanh(values[k])} for {@code from ≤ k < from + length}. */
    public static void tanh(float[] values, int from, int length) {
        if (VectorSupport.available()) {
            VectorMath.tanh(values, from, values, from, length);
            return;
        }
        for (int k = from; k < from + length; k++) {
            values[k] = tanh(values[k]);
        }
    }

    /** {@code values[k] ← σ(values[k])} for {@code from ≤ k < from + length}. */
    public static void sigmoid(float[] values, int from, int length) {
        if (VectorSupport.available()) {
            VectorMath.sigmoid(values, from, length);
            return;
        }
        for (int k = from; k < from + length; k++) {
            values[k] = sigmoid(values[k]);
        }
    }

    /** {@code target[k] ← tanh(source[k])} for {@code k < length}. */
    public static void tanh(float[] source, float[] target, int length) {
        if (VectorSupport.available()) {
            VectorMath.tanh(source, 0, target, 0, length);
            return;
        }
        for (int k = 0; k < length; k++) {
            target[k] = tanh(source[k]);
        }
    }

    /** {@code values[k] ← tanh(values[k])} for {@code k < length}. */
    public static void tanh(float[] values, int length) {
        tanh(values, values, length);
    }

    /** {@code values[k] ← σ(values[k])} for {@code k < length}. */
    public static void sigmoid(float[] values, int length) {
        sigmoid(values, 0, length);
    }
}
