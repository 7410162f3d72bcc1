package dev.l2l.optimizers.lstm;

import dev.l2l.optimizers.FastMath;
import dev.l2l.optimizers.HeapFloats;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The elementwise part of an LSTM step in single precision, fused into one pass over the
 * coordinates (on Java arrays, see {@link HeapFloats}) instead of the dozen ND4J ops of
 * {@link LstmCell}'s general path. Same arithmetic, with {@link FastMath}'s tanh and sigmoid.
 * Arrays are feature-major: unit u of coordinate n is at u·N + n.
 */
final class LstmFloatKernel {

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
        float[] z = HeapFloats.readScratch(0, gates);
        float[] b = HeapFloats.readScratch(1, bias);
        float[] c = HeapFloats.readScratch(2, cellIn);
        float[] tc = HeapFloats.scratch(3, (long) units * n);
        float[] h = HeapFloats.scratch(4, (long) units * n);
        int block = units * n;
        // One simple loop per row and quantity: the JIT vectorises these, not one fused loop body;
        // a row (n floats) of each array stays in cache between the passes.
        for (int u = 0; u < units; u++) {
            int row = u * n;
            sigmoid(z, row, n, b[u]);
            sigmoid(z, row + block, n, b[units + u]);
            sigmoid(z, row + 2 * block, n, b[2 * units + u]);
            tanh(z, row + 3 * block, n, b[3 * units + u]);
            for (int k = row; k < row + n; k++) {
                c[k] = z[k + block] * c[k] + z[k] * z[k + 3 * block];
            }
            for (int k = row; k < row + n; k++) {
                tc[k] = FastMath.tanh(c[k]);
            }
            for (int k = row; k < row + n; k++) {
                h[k] = z[k + 2 * block] * tc[k];
            }
        }
        HeapFloats.write(z, gates);
        HeapFloats.write(c, cellOut);
        HeapFloats.write(tc, tanhCellOut);
        HeapFloats.write(h, hiddenOut);
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
     * gradient) into {@code biasGradient}.
     */
    static void backward(int units, INDArray gates, INDArray tanhCell, INDArray cellIn, INDArray outputAdjoint,
                         INDArray hiddenAdjoint, INDArray cellAdjoint, INDArray gateAdjoints, INDArray cellInAdjoint,
                         INDArray biasGradient) {
        int n = (int) gates.size(1);
        float[] a = HeapFloats.readScratch(0, gates);
        float[] tc = HeapFloats.readScratch(1, tanhCell);
        float[] c = HeapFloats.readScratch(2, cellIn);
        float[] dh = HeapFloats.readScratch(3, outputAdjoint);
        float[] dhNext = HeapFloats.readScratch(4, hiddenAdjoint);
        float[] dc = HeapFloats.readScratch(5, cellAdjoint);
        float[] dz = HeapFloats.scratch(6, gates.length());
        float[] db = HeapFloats.readScratch(7, biasGradient);
        int block = units * n;
        for (int u = 0; u < units; u++) {
            int row = u * n;
            int end = row + n;
            for (int k = row; k < end; k++) {
                dh[k] += dhNext[k];
            }
            // dc = dc' + dh ⊙ o ⊙ (1 − tanh²c')
            for (int k = row; k < end; k++) {
                dc[k] += dh[k] * a[k + 2 * block] * (1 - tc[k] * tc[k]);
            }
            for (int k = row; k < end; k++) {
                dz[k] = dc[k] * a[k + 3 * block] * a[k] * (1 - a[k]);
            }
            for (int k = row; k < end; k++) {
                dz[k + block] = dc[k] * c[k] * a[k + block] * (1 - a[k + block]);
            }
            for (int k = row; k < end; k++) {
                dz[k + 2 * block] = dh[k] * tc[k] * a[k + 2 * block] * (1 - a[k + 2 * block]);
            }
            for (int k = row; k < end; k++) {
                dz[k + 3 * block] = dc[k] * a[k] * (1 - a[k + 3 * block] * a[k + 3 * block]);
            }
            for (int k = row; k < end; k++) {
                dc[k] *= a[k + block];
            }
            for (int gate = 0; gate < 4; gate++) {
                db[gate * units + u] += sum(dz, gate * block + row, n);
            }
        }
        HeapFloats.write(dz, gateAdjoints);
        HeapFloats.write(dc, cellInAdjoint);
        HeapFloats.write(db, biasGradient);
    }

    /** Σ of {@code length} values from {@code from}, in double, summed in an order that does not depend on threads. */
    private static float sum(float[] values, int from, int length) {
        double total = 0;
        for (int k = from; k < from + length; k++) {
            total += values[k];
        }
        return (float) total;
    }
}
