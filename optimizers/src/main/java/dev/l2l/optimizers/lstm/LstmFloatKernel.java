package dev.l2l.optimizers.lstm;

import dev.l2l.core.linalg.FastMath;
import dev.l2l.optimizers.HeapFloats;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * The elementwise part of an LSTM step in single precision, fused into one pass over the
 * coordinates instead of the dozen ND4J ops of {@link LstmCell}'s general path. Same arithmetic,
 * with {@link FastMath}'s tanh and sigmoid. Arrays are feature-major [features × N]; the pass goes
 * unit by unit and, within a unit, {@value #CHUNK} coordinates at a time, copied into small Java
 * arrays that stay in the L1 cache ({@link HeapFloats.Rows}) and back.
 */
final class LstmFloatKernel {

    /** Coordinates per chunk: the 13 chunk arrays of the backward pass take 26 KB. */
    static final int CHUNK = 512;

    private LstmFloatKernel() {
    }

    /** Whether every array of a step can take the fused path. */
    static boolean applies(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (!HeapFloats.eligible(array)) {
                return false;
            }
        }
        return true;
    }

    /**
     * From the gate pre-activations z (without bias) and c: writes the activated gates [i; f; o; g]
     * back over z, and c', tanh c' and h'.
     */
    static void forward(int units, INDArray gates, INDArray bias, INDArray cellIn, INDArray cellOut,
                        INDArray tanhCellOut, INDArray hiddenOut) {
        int n = (int) gates.size(1);
        float[] b = HeapFloats.readScratch(0, bias);
        float[] z = HeapFloats.scratch(1, 4L * CHUNK);
        float[] c = HeapFloats.scratch(2, CHUNK);
        float[] tc = HeapFloats.scratch(3, CHUNK);
        float[] h = HeapFloats.scratch(4, CHUNK);
        HeapFloats.Rows zRows = new HeapFloats.Rows(gates);
        HeapFloats.Rows cIn = new HeapFloats.Rows(cellIn);
        HeapFloats.Rows cOut = new HeapFloats.Rows(cellOut);
        HeapFloats.Rows tcOut = new HeapFloats.Rows(tanhCellOut);
        HeapFloats.Rows hOut = new HeapFloats.Rows(hiddenOut);
        final int i = 0;
        final int f = CHUNK;
        final int o = 2 * CHUNK;
        final int g = 3 * CHUNK;
        for (int u = 0; u < units; u++) {
            for (int from = 0; from < n; from += CHUNK) {
                int len = Math.min(CHUNK, n - from);
                for (int gate = 0; gate < 4; gate++) {
                    zRows.get(gate * units + u, from, len, z, gate * CHUNK);
                }
                cIn.get(u, from, len, c, 0);
                // One simple loop per quantity: the JIT vectorises these, not one fused loop body.
                sigmoid(z, i, len, b[u]);
                sigmoid(z, f, len, b[units + u]);
                sigmoid(z, o, len, b[2 * units + u]);
                tanh(z, g, len, b[3 * units + u]);
                for (int k = 0; k < len; k++) {
                    c[k] = z[f + k] * c[k] + z[i + k] * z[g + k];
                }
                for (int k = 0; k < len; k++) {
                    tc[k] = FastMath.tanh(c[k]);
                }
                for (int k = 0; k < len; k++) {
                    h[k] = z[o + k] * tc[k];
                }
                for (int gate = 0; gate < 4; gate++) {
                    zRows.put(gate * units + u, from, len, z, gate * CHUNK);
                }
                cOut.put(u, from, len, c, 0);
                tcOut.put(u, from, len, tc, 0);
                hOut.put(u, from, len, h, 0);
            }
        }
    }

    private static void sigmoid(float[] z, int from, int length, float bias) {
        for (int k = from; k < from + length; k++) {
            z[k] = FastMath.sigmoid(z[k] + bias);
        }
    }

    private static void tanh(float[] z, int from, int length, float bias) {
        for (int k = from; k < from + length; k++) {
            z[k] = FastMath.tanh(z[k] + bias);
        }
    }

    /**
     * From the step's activated gates, tanh c' and c, and the adjoints of h' (output plus next
     * state) and c': writes ∂L/∂z of the four gates and ∂L/∂c, and adds Σₙ ∂L/∂z (the bias
     * gradient, each gate's sum over the coordinates in double) into {@code biasGradient}.
     */
    static void backward(int units, INDArray gates, INDArray tanhCell, INDArray cellIn, INDArray outputAdjoint,
                         INDArray hiddenAdjoint, INDArray cellAdjoint, INDArray gateAdjoints, INDArray cellInAdjoint,
                         INDArray biasGradient) {
        int n = (int) gates.size(1);
        float[] db = HeapFloats.readScratch(0, biasGradient);
        float[] a = HeapFloats.scratch(1, 4L * CHUNK);
        float[] dz = HeapFloats.scratch(2, 4L * CHUNK);
        float[] tc = HeapFloats.scratch(3, CHUNK);
        float[] c = HeapFloats.scratch(4, CHUNK);
        float[] dh = HeapFloats.scratch(5, CHUNK);
        float[] dhNext = HeapFloats.scratch(6, CHUNK);
        float[] dc = HeapFloats.scratch(7, CHUNK);
        HeapFloats.Rows aRows = new HeapFloats.Rows(gates);
        HeapFloats.Rows dzRows = new HeapFloats.Rows(gateAdjoints);
        HeapFloats.Rows tcRows = new HeapFloats.Rows(tanhCell);
        HeapFloats.Rows cRows = new HeapFloats.Rows(cellIn);
        HeapFloats.Rows dhRows = new HeapFloats.Rows(outputAdjoint);
        HeapFloats.Rows dhNextRows = new HeapFloats.Rows(hiddenAdjoint);
        HeapFloats.Rows dcRows = new HeapFloats.Rows(cellAdjoint);
        HeapFloats.Rows dcInRows = new HeapFloats.Rows(cellInAdjoint);
        final int i = 0;
        final int f = CHUNK;
        final int o = 2 * CHUNK;
        final int g = 3 * CHUNK;
        double[] sums = new double[4];
        for (int u = 0; u < units; u++) {
            Arrays.fill(sums, 0.0);
            for (int from = 0; from < n; from += CHUNK) {
                int len = Math.min(CHUNK, n - from);
                for (int gate = 0; gate < 4; gate++) {
                    aRows.get(gate * units + u, from, len, a, gate * CHUNK);
                }
                tcRows.get(u, from, len, tc, 0);
                cRows.get(u, from, len, c, 0);
                dhRows.get(u, from, len, dh, 0);
                dhNextRows.get(u, from, len, dhNext, 0);
                dcRows.get(u, from, len, dc, 0);
                for (int k = 0; k < len; k++) {
                    dh[k] += dhNext[k];
                }
                // dc = dc' + dh ⊙ o ⊙ (1 − tanh²c')
                for (int k = 0; k < len; k++) {
                    dc[k] += dh[k] * a[o + k] * (1 - tc[k] * tc[k]);
                }
                for (int k = 0; k < len; k++) {
                    dz[i + k] = dc[k] * a[g + k] * a[i + k] * (1 - a[i + k]);
                }
                for (int k = 0; k < len; k++) {
                    dz[f + k] = dc[k] * c[k] * a[f + k] * (1 - a[f + k]);
                }
                for (int k = 0; k < len; k++) {
                    dz[o + k] = dh[k] * tc[k] * a[o + k] * (1 - a[o + k]);
                }
                for (int k = 0; k < len; k++) {
                    dz[g + k] = dc[k] * a[i + k] * (1 - a[g + k] * a[g + k]);
                }
                for (int k = 0; k < len; k++) {
                    dc[k] *= a[f + k];
                }
                for (int gate = 0; gate < 4; gate++) {
                    sums[gate] = sum(sums[gate], dz, gate * CHUNK, len);
                    dzRows.put(gate * units + u, from, len, dz, gate * CHUNK);
                }
                dcInRows.put(u, from, len, dc, 0);
            }
            for (int gate = 0; gate < 4; gate++) {
                db[gate * units + u] += (float) sums[gate];
            }
        }
        HeapFloats.write(db, biasGradient);
    }

    /** {@code total} plus {@code length} values from {@code from}, added in order in double. */
    private static double sum(double total, float[] values, int from, int length) {
        for (int k = from; k < from + length; k++) {
            total += values[k];
        }
        return total;
    }
}
