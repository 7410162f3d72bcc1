package dev.l2l.optimizers.lstm;

import dev.l2l.core.linalg.DirectFloats;
import dev.l2l.core.linalg.FastMath;
import dev.l2l.core.linalg.Sgemm;
import dev.l2l.optimizers.HeapFloats;
import dev.l2l.optimizers.KernelBlocks;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.FloatBuffer;

/**
 * An LSTM step in single precision, {@value #CHUNK} coordinates at a time: for each block of
 * columns, [x; h] is gathered into a small block, the gate pre-activations b + W·[x; h] come from
 * one {@link Sgemm} product into a block that starts as the bias and stays in the L2 cache (no
 * full-width [x; h] or pre-activation array), and the elementwise part runs on them in small Java
 * arrays ({@link HeapFloats.Rows}) with {@link FastMath}'s tanh and sigmoid. The backward pass is
 * blocked the same way: ∂L/∂z of a block feeds one product for ∂L/∂W and one for ∂L/∂[x; h]. Each
 * recorded array crosses main memory once; the same arithmetic as {@link LstmCell}'s general path,
 * except that sums over coordinates are taken block by block. Arrays are feature-major
 * [features × N]; W is [4H × (in + H)].
 */
final class LstmFloatKernel {

    /** Coordinates per block: a block of 80 gate rows takes 160 KB, a third of a core's L2 cache. */
    static final int CHUNK = 512;

    private LstmFloatKernel() {
    }

    /**
     * From x, h and c: writes the activated gates [i; f; o; g], c', tanh c' and h'.
     *
     * @param weights W [4H × (in + H)]
     * @param bias b [4H × 1]
     * @param gates where the activated gates go, or null when no backward pass will need them
     * @param tanhCellOut where tanh c' goes, or null (likewise)
     */
    static void forward(int inputSize, int units, INDArray weights, INDArray bias, INDArray input, INDArray hiddenIn,
                        INDArray cellIn, INDArray gates, INDArray cellOut, INDArray tanhCellOut, INDArray hiddenOut) {
        int n = (int) cellOut.size(1);
        int width = inputSize + units;
        int gateRows = 4 * units;
        float[] z = HeapFloats.scratch(1, 4L * CHUNK);
        float[] c = HeapFloats.scratch(2, CHUNK);
        float[] tc = HeapFloats.scratch(3, CHUNK);
        float[] h = HeapFloats.scratch(4, CHUNK);
        FloatBuffer w = KernelBlocks.elements(weights);
        FloatBuffer block = KernelBlocks.block(0, gateRows * CHUNK);
        FloatBuffer concatenated = KernelBlocks.block(1, width * CHUNK);
        FloatBuffer biasRows = KernelBlocks.biasRows(3, bias, CHUNK);
        FloatBuffer x = DirectFloats.storage(input);
        FloatBuffer hIn = DirectFloats.storage(hiddenIn);
        int xAt = (int) input.offset();
        int hAt = (int) hiddenIn.offset();
        HeapFloats.Rows cIn = new HeapFloats.Rows(cellIn);
        HeapFloats.Rows gOut = gates == null ? null : new HeapFloats.Rows(gates);
        HeapFloats.Rows cOut = new HeapFloats.Rows(cellOut);
        HeapFloats.Rows tcOut = tanhCellOut == null ? null : new HeapFloats.Rows(tanhCellOut);
        HeapFloats.Rows hOut = new HeapFloats.Rows(hiddenOut);
        final int i = 0;
        final int f = CHUNK;
        final int o = 2 * CHUNK;
        final int g = 3 * CHUNK;
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            for (int r = 0; r < inputSize; r++) {
                concatenated.put(r * len, x, xAt + r * n + start, len);
            }
            for (int r = 0; r < units; r++) {
                concatenated.put((inputSize + r) * len, hIn, hAt + r * n + start, len);
            }
            // z = b + W·[x; h]: the block starts as the bias and the product adds to it (β = 1), so
            // OpenBLAS need not clear it first (with β = 0 these products took 11–24% longer in a
            // harness); the results are the same bits as adding b afterwards (checked on φ)
            KernelBlocks.copyRows(biasRows, CHUNK, block, gateRows, len);
            Sgemm.multiply(false, false, gateRows, len, width, 1f, w, width, concatenated, len, 1f, block, len);
            for (int u = 0; u < units; u++) {
                for (int gate = 0; gate < 4; gate++) {
                    block.get((gate * units + u) * len, z, gate * CHUNK, len);
                }
                cIn.get(u, start, len, c, 0);
                // One simple loop per quantity: the JIT vectorises these, not one fused loop body.
                FastMath.sigmoid(z, i, len);
                FastMath.sigmoid(z, f, len);
                FastMath.sigmoid(z, o, len);
                FastMath.tanh(z, g, len);
                for (int k = 0; k < len; k++) {
                    c[k] = z[f + k] * c[k] + z[i + k] * z[g + k];
                }
                FastMath.tanh(c, tc, len);
                for (int k = 0; k < len; k++) {
                    h[k] = z[o + k] * tc[k];
                }
                if (gOut != null) {
                    for (int gate = 0; gate < 4; gate++) {
                        gOut.put(gate * units + u, start, len, z, gate * CHUNK);
                    }
                }
                if (tcOut != null) {
                    tcOut.put(u, start, len, tc, 0);
                }
                cOut.put(u, start, len, c, 0);
                hOut.put(u, start, len, h, 0);
            }
        }
    }

    /** The arrays of one backward step. */
    record Backward(INDArray weights, INDArray input, INDArray hiddenIn, INDArray cellIn, INDArray gates,
                    INDArray tanhCell, INDArray outputAdjoint, INDArray hiddenAdjoint, INDArray cellAdjoint,
                    INDArray inputAdjoint, INDArray hiddenInAdjoint, INDArray cellInAdjoint,
                    INDArray weightGradient, INDArray biasGradient) {
    }

    /**
     * From the step's activated gates, tanh c', c, x and h and the adjoints of h' (output plus next
     * state) and c': adds ∂L/∂W and ∂L/∂b (each gate's sum over the coordinates in double) into the
     * gradients, and writes ∂L/∂c, ∂L/∂h and, unless {@code inputAdjoint} is null, ∂L/∂x.
     */
    static void backward(int inputSize, int units, Backward s) {
        int n = (int) s.gates.size(1);
        int width = inputSize + units;
        int gateRows = 4 * units;
        float[] a = HeapFloats.scratch(1, 4L * CHUNK);
        float[] dz = HeapFloats.scratch(2, 4L * CHUNK);
        float[] tc = HeapFloats.scratch(3, CHUNK);
        float[] c = HeapFloats.scratch(4, CHUNK);
        float[] dh = HeapFloats.scratch(5, CHUNK);
        float[] dhNext = HeapFloats.scratch(6, CHUNK);
        float[] dc = HeapFloats.scratch(7, CHUNK);
        FloatBuffer w = KernelBlocks.elements(s.weights);
        FloatBuffer dw = KernelBlocks.elements(s.weightGradient);
        FloatBuffer block = KernelBlocks.block(0, gateRows * CHUNK);
        FloatBuffer concatenated = KernelBlocks.block(1, width * CHUNK);
        FloatBuffer concatenatedAdjoint = KernelBlocks.block(2, width * CHUNK);
        FloatBuffer x = DirectFloats.storage(s.input);
        FloatBuffer hIn = DirectFloats.storage(s.hiddenIn);
        FloatBuffer dx = s.inputAdjoint == null ? null : DirectFloats.storage(s.inputAdjoint);
        FloatBuffer dhIn = DirectFloats.storage(s.hiddenInAdjoint);
        int xAt = (int) s.input.offset();
        int hAt = (int) s.hiddenIn.offset();
        int dxAt = s.inputAdjoint == null ? 0 : (int) s.inputAdjoint.offset();
        int dhAt = (int) s.hiddenInAdjoint.offset();
        HeapFloats.Rows aRows = new HeapFloats.Rows(s.gates);
        HeapFloats.Rows tcRows = new HeapFloats.Rows(s.tanhCell);
        HeapFloats.Rows cRows = new HeapFloats.Rows(s.cellIn);
        HeapFloats.Rows dhRows = new HeapFloats.Rows(s.outputAdjoint);
        HeapFloats.Rows dhNextRows = new HeapFloats.Rows(s.hiddenAdjoint);
        HeapFloats.Rows dcRows = new HeapFloats.Rows(s.cellAdjoint);
        HeapFloats.Rows dcInRows = new HeapFloats.Rows(s.cellInAdjoint);
        final int i = 0;
        final int f = CHUNK;
        final int o = 2 * CHUNK;
        final int g = 3 * CHUNK;
        double[] sums = new double[gateRows];
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            for (int u = 0; u < units; u++) {
                for (int gate = 0; gate < 4; gate++) {
                    aRows.get(gate * units + u, start, len, a, gate * CHUNK);
                }
                tcRows.get(u, start, len, tc, 0);
                cRows.get(u, start, len, c, 0);
                dhRows.get(u, start, len, dh, 0);
                dhNextRows.get(u, start, len, dhNext, 0);
                dcRows.get(u, start, len, dc, 0);
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
                addGateSums(sums, units, u, dz, len);
                for (int gate = 0; gate < 4; gate++) {
                    block.put((gate * units + u) * len, dz, gate * CHUNK, len);
                }
                dcInRows.put(u, start, len, dc, 0);
            }
            for (int r = 0; r < inputSize; r++) {
                concatenated.put(r * len, x, xAt + r * n + start, len);
            }
            for (int r = 0; r < units; r++) {
                concatenated.put((inputSize + r) * len, hIn, hAt + r * n + start, len);
            }
            // ∂L/∂W += ∂L/∂z · [x; h]ᵀ and ∂L/∂[x; h] = Wᵀ · ∂L/∂z for this block
            Sgemm.multiply(false, true, gateRows, width, len, 1f, block, len, concatenated, len, 1f, dw, width);
            Sgemm.multiply(true, false, width, len, gateRows, 1f, w, width, block, len, 0f, concatenatedAdjoint, len);
            if (dx != null) {
                for (int r = 0; r < inputSize; r++) {
                    dx.put(dxAt + r * n + start, concatenatedAdjoint, r * len, len);
                }
            }
            for (int r = 0; r < units; r++) {
                dhIn.put(dhAt + r * n + start, concatenatedAdjoint, (inputSize + r) * len, len);
            }
        }
        KernelBlocks.addBiasSums(s.biasGradient, sums);
    }

    /**
     * Adds the block's ∂L/∂z of unit {@code u}'s four gates (rows u, H + u, 2H + u, 3H + u) to
     * their sums, each in coordinate order in double. The four sums run side by side: one chain of
     * dependent additions waits on each addition's latency, four independent ones overlap (the
     * same additions in the same order per row, so the same result as one row at a time).
     */
    private static void addGateSums(double[] sums, int units, int u, float[] dz, int length) {
        double si = sums[u];
        double sf = sums[units + u];
        double so = sums[2 * units + u];
        double sg = sums[3 * units + u];
        for (int k = 0; k < length; k++) {
            si += dz[k];
            sf += dz[CHUNK + k];
            so += dz[2 * CHUNK + k];
            sg += dz[3 * CHUNK + k];
        }
        sums[u] = si;
        sums[units + u] = sf;
        sums[2 * units + u] = so;
        sums[3 * units + u] = sg;
    }
}
