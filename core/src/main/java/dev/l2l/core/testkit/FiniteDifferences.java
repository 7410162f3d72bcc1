package dev.l2l.core.testkit;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.function.DoubleSupplier;

/** Central finite differences over the entries of a double-precision array, and their comparison. */
public final class FiniteDifferences {

    /** Step of the central differences: small enough for ε² truncation, large against round-off. */
    public static final double EPSILON = 1e-6;

    private FiniteDifferences() {
    }

    /**
     * ∂f/∂x for every entry of {@code x}, by (f(x + ε) − f(x − ε)) / 2ε; {@code x} is restored.
     * {@code f} must read {@code x} afresh on every call.
     */
    public static double[] gradient(INDArray x, DoubleSupplier f) {
        return gradient(x, all((int) x.length()), f);
    }

    /** ∂f/∂x for the entries {@code indices} of {@code x} (flat, c-order), in that order. */
    public static double[] gradient(INDArray x, int[] indices, DoubleSupplier f) {
        requireDouble(x);
        INDArray flat = x.reshape(x.length());
        double[] result = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int k = indices[i];
            double original = flat.getDouble(k);
            flat.putScalar(k, original + EPSILON);
            double plus = f.getAsDouble();
            flat.putScalar(k, original - EPSILON);
            double minus = f.getAsDouble();
            flat.putScalar(k, original);
            result[i] = (plus - minus) / (2 * EPSILON);
        }
        return result;
    }

    /** All of 0 … n−1 if n ≤ max, else {@code max} distinct indices drawn at random, sorted. */
    public static int[] sample(int n, int max, java.util.Random random) {
        if (n <= max) {
            return all(n);
        }
        return random.ints(0, n).distinct().limit(max).sorted().toArray();
    }

    /** The entries {@code indices} of {@code values}. */
    public static double[] select(double[] values, int[] indices) {
        double[] selected = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            selected[i] = values[indices[i]];
        }
        return selected;
    }

    private static int[] all(int n) {
        int[] indices = new int[n];
        for (int k = 0; k < n; k++) {
            indices[k] = k;
        }
        return indices;
    }

    /** ‖a − b‖ / max(‖a‖, ‖b‖): the relative error of two gradients as a whole (0 if both are 0). */
    public static double relativeError(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new AssertionError("gradients of different lengths: " + a.length + " and " + b.length);
        }
        double diff = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < a.length; k++) {
            diff += (a[k] - b[k]) * (a[k] - b[k]);
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }
        double scale = Math.sqrt(Math.max(na, nb));
        return scale == 0 ? 0 : Math.sqrt(diff) / scale;
    }

    /** Throws an {@link AssertionError} naming {@code what} if the analytic and numeric gradients differ. */
    public static void assertClose(String what, double[] analytic, double[] numeric, double tolerance) {
        double error = relativeError(analytic, numeric);
        if (!(error <= tolerance)) {
            throw new AssertionError(what + ": relative error " + error + " exceeds " + tolerance
                    + " (analytic norm " + norm(analytic) + ", numeric norm " + norm(numeric) + ")");
        }
    }

    /** Gradient checks are meaningless in float: refuse, as DL4J's do. */
    public static void requireDouble(INDArray array) {
        if (array.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("finite-difference checks need double precision, got " + array.dataType());
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
