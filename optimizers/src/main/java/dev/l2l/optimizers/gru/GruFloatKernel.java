package dev.l2l.optimizers.gru;

import dev.l2l.core.linalg.FastMath;
import dev.l2l.core.linalg.Sgemm;
import dev.l2l.optimizers.HeapFloats;
import dev.l2l.optimizers.KernelBlocks;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.FloatBuffer;

/**
 * A GRU step in single precision, {@value #CHUNK} coordinates at a time, in the manner of the
 * LSTM's kernel: for each block of columns, a = Wx·x + bx and b = Wh·h + bh come from two
 * {@link Sgemm} products (reading x and h in place) into blocks that stay in the L2 cache, and the
 * gates run on them in small Java arrays with {@link FastMath}'s sigmoid and tanh. The backward
 * pass is blocked the same way. The same arithmetic, in the same order, as {@link GruCell}'s
 * general path, except for the activations (FastMath's, within 4e-7 of the exact ones) and the
 * bias gradients (each summed over the coordinates in double). Arrays are feature-major
 * [features × N].
 */
final class GruFloatKernel {

    /** Coordinates per block: two blocks of 60 gate rows take 240 KB, a quarter of a core's L2 cache. */
    static final int CHUNK = 512;

    private GruFloatKernel() {
    }

    /** The parameter blocks of a GRU layer: Wx [3H × in], Wh [3H × H], bx and bh [3H × 1]. */
    record Weights(INDArray inputWeights, INDArray hiddenWeights, INDArray inputBias, INDArray hiddenBias) {
    }

    /**
     * From x and h: writes h' and, unless they are null (no backward pass will need them), the
     * gates [r; z], the candidate n and b_n = (Wh·h + bh)_n.
     */
    static void forward(int inputSize, int units, Weights p, INDArray input, INDArray hiddenIn, INDArray gates,
                        INDArray candidate, INDArray hiddenCandidate, INDArray hiddenOut) {
        int n = (int) hiddenOut.size(1);
        int gateRows = 3 * units;
        FloatBuffer inputSide = KernelBlocks.block(0, gateRows * CHUNK);
        FloatBuffer hiddenSide = KernelBlocks.block(1, gateRows * CHUNK);
        FloatBuffer inputBias = KernelBlocks.biasRows(2, p.inputBias, CHUNK);
        FloatBuffer hiddenBias = KernelBlocks.biasRows(3, p.hiddenBias, CHUNK);
        FloatBuffer wx = KernelBlocks.elements(p.inputWeights);
        FloatBuffer wh = KernelBlocks.elements(p.hiddenWeights);
        float[] a = HeapFloats.scratch(1, 3L * CHUNK);
        float[] b = HeapFloats.scratch(2, 3L * CHUNK);
        float[] h = HeapFloats.scratch(3, CHUNK);
        HeapFloats.Rows hIn = new HeapFloats.Rows(hiddenIn);
        HeapFloats.Rows gOut = gates == null ? null : new HeapFloats.Rows(gates);
        HeapFloats.Rows nOut = candidate == null ? null : new HeapFloats.Rows(candidate);
        HeapFloats.Rows bnOut = hiddenCandidate == null ? null : new HeapFloats.Rows(hiddenCandidate);
        HeapFloats.Rows hOut = new HeapFloats.Rows(hiddenOut);
        final int r = 0;
        final int z = CHUNK;
        final int c = 2 * CHUNK;
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            // the blocks start as the biases and the products add to them (β = 1)
            KernelBlocks.copyRows(inputBias, CHUNK, inputSide, gateRows, len);
            KernelBlocks.copyRows(hiddenBias, CHUNK, hiddenSide, gateRows, len);
            Sgemm.multiply(false, false, gateRows, len, inputSize, 1f, wx, inputSize,
                    KernelBlocks.columns(input, start, len), n, 1f, inputSide, len);
            Sgemm.multiply(false, false, gateRows, len, units, 1f, wh, units,
                    KernelBlocks.columns(hiddenIn, start, len), n, 1f, hiddenSide, len);
            for (int u = 0; u < units; u++) {
                for (int gate = 0; gate < 3; gate++) {
                    inputSide.get((gate * units + u) * len, a, gate * CHUNK, len);
                    hiddenSide.get((gate * units + u) * len, b, gate * CHUNK, len);
                }
                hIn.get(u, start, len, h, 0);
                for (int k = 0; k < len; k++) {
                    a[r + k] += b[r + k];
                }
                for (int k = 0; k < len; k++) {
                    a[z + k] += b[z + k];
                }
                FastMath.sigmoid(a, r, len);
                FastMath.sigmoid(a, z, len);
                // n = tanh(a_n + r ⊙ b_n), into a's n rows
                for (int k = 0; k < len; k++) {
                    a[c + k] = a[r + k] * b[c + k] + a[c + k];
                }
                FastMath.tanh(a, c, len);
                // h' = (h − n) ⊙ z + n, into h
                for (int k = 0; k < len; k++) {
                    h[k] = (h[k] - a[c + k]) * a[z + k] + a[c + k];
                }
                if (gOut != null) {
                    gOut.put(u, start, len, a, r);
                    gOut.put(units + u, start, len, a, z);
                }
                if (nOut != null) {
                    nOut.put(u, start, len, a, c);
                }
                if (bnOut != null) {
                    bnOut.put(u, start, len, b, c);
                }
                hOut.put(u, start, len, h, 0);
            }
        }
    }

    /** The arrays of one backward step. */
    record Backward(Weights weights, INDArray input, INDArray hiddenIn, INDArray gates, INDArray candidate,
                    INDArray hiddenCandidate, INDArray outputAdjoint, INDArray hiddenAdjoint, INDArray inputAdjoint,
                    INDArray hiddenInAdjoint, Weights gradients) {
    }

    /**
     * From the step's gates, candidate, b_n, x and h and the adjoints of h' (output plus next
     * state): adds ∂L/∂Wx, ∂L/∂Wh, ∂L/∂bx and ∂L/∂bh into the gradients, and writes ∂L/∂h and,
     * unless {@code inputAdjoint} is null, ∂L/∂x.
     */
    static void backward(int inputSize, int units, Backward s) {
        int n = (int) s.hiddenIn.size(1);
        int gateRows = 3 * units;
        FloatBuffer inputSide = KernelBlocks.block(0, gateRows * CHUNK);
        FloatBuffer hiddenSide = KernelBlocks.block(1, gateRows * CHUNK);
        FloatBuffer wx = KernelBlocks.elements(s.weights.inputWeights);
        FloatBuffer wh = KernelBlocks.elements(s.weights.hiddenWeights);
        FloatBuffer dwx = KernelBlocks.elements(s.gradients.inputWeights);
        FloatBuffer dwh = KernelBlocks.elements(s.gradients.hiddenWeights);
        float[] gate = HeapFloats.scratch(1, 2L * CHUNK);
        float[] nb = HeapFloats.scratch(2, 2L * CHUNK);
        float[] h = HeapFloats.scratch(3, CHUNK);
        float[] dh = HeapFloats.scratch(4, CHUNK);
        float[] dhNext = HeapFloats.scratch(5, CHUNK);
        float[] da = HeapFloats.scratch(6, 3L * CHUNK);
        float[] dbn = HeapFloats.scratch(7, CHUNK);
        HeapFloats.Rows gates = new HeapFloats.Rows(s.gates);
        HeapFloats.Rows candidate = new HeapFloats.Rows(s.candidate);
        HeapFloats.Rows hiddenCandidate = new HeapFloats.Rows(s.hiddenCandidate);
        HeapFloats.Rows hIn = new HeapFloats.Rows(s.hiddenIn);
        HeapFloats.Rows dhRows = new HeapFloats.Rows(s.outputAdjoint);
        HeapFloats.Rows dhNextRows = new HeapFloats.Rows(s.hiddenAdjoint);
        HeapFloats.Rows dhInRows = new HeapFloats.Rows(s.hiddenInAdjoint);
        final int r = 0;
        final int z = CHUNK;
        final int c = 2 * CHUNK;
        double[] inputSums = new double[gateRows];
        double[] hiddenSums = new double[gateRows];
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            for (int u = 0; u < units; u++) {
                gates.get(u, start, len, gate, r);
                gates.get(units + u, start, len, gate, z);
                candidate.get(u, start, len, nb, 0);
                hiddenCandidate.get(u, start, len, nb, CHUNK);
                hIn.get(u, start, len, h, 0);
                dhRows.get(u, start, len, dh, 0);
                dhNextRows.get(u, start, len, dhNext, 0);
                for (int k = 0; k < len; k++) {
                    dh[k] += dhNext[k];
                }
                // through n: dn = dh ⊙ (1 − z) ⊙ (1 − n²)
                for (int k = 0; k < len; k++) {
                    da[c + k] = (1 - gate[z + k]) * dh[k] * (1 - nb[k] * nb[k]);
                }
                // through z: dz = dh ⊙ (h − n) ⊙ z(1 − z)
                for (int k = 0; k < len; k++) {
                    da[z + k] = (h[k] - nb[k]) * dh[k] * ((1 - gate[z + k]) * gate[z + k]);
                }
                // through r: dr = dn ⊙ b_n ⊙ r(1 − r)
                for (int k = 0; k < len; k++) {
                    da[r + k] = da[c + k] * nb[CHUNK + k] * ((1 - gate[r + k]) * gate[r + k]);
                }
                // the hidden side sees r ⊙ dn for its candidate rows
                for (int k = 0; k < len; k++) {
                    dbn[k] = da[c + k] * gate[r + k];
                }
                // ∂L/∂h starts as dh ⊙ z; the product below adds Whᵀ · (hidden side) to it
                for (int k = 0; k < len; k++) {
                    dh[k] *= gate[z + k];
                }
                dhInRows.put(u, start, len, dh, 0);
                addSums(inputSums, units, u, da, da, len);
                addSums(hiddenSums, units, u, da, dbn, len);
                for (int g = 0; g < 3; g++) {
                    inputSide.put((g * units + u) * len, da, g * CHUNK, len);
                }
                hiddenSide.put(u * len, da, r, len);
                hiddenSide.put((units + u) * len, da, z, len);
                hiddenSide.put((2 * units + u) * len, dbn, 0, len);
            }
            Sgemm.multiply(false, true, gateRows, inputSize, len, 1f, inputSide, len,
                    KernelBlocks.columns(s.input, start, len), n, 1f, dwx, inputSize);
            Sgemm.multiply(false, true, gateRows, units, len, 1f, hiddenSide, len,
                    KernelBlocks.columns(s.hiddenIn, start, len), n, 1f, dwh, units);
            if (s.inputAdjoint != null) {
                Sgemm.multiply(true, false, inputSize, len, gateRows, 1f, wx, inputSize, inputSide, len, 0f,
                        KernelBlocks.columns(s.inputAdjoint, start, len), n);
            }
            Sgemm.multiply(true, false, units, len, gateRows, 1f, wh, units, hiddenSide, len, 1f,
                    KernelBlocks.columns(s.hiddenInAdjoint, start, len), n);
        }
        KernelBlocks.addBiasSums(s.gradients.inputBias, inputSums);
        KernelBlocks.addBiasSums(s.gradients.hiddenBias, hiddenSums);
    }

    /**
     * Adds the block's adjoints of unit {@code u}'s three gate rows (u, H + u, 2H + u) to their sums,
     * in coordinate order in double: the r and z rows from {@code rz}, the n row from
     * {@code candidate} (at offset 2·CHUNK when it is {@code rz} itself, else at 0).
     */
    private static void addSums(double[] sums, int units, int u, float[] rz, float[] candidate, int length) {
        int at = candidate == rz ? 2 * CHUNK : 0;
        double sr = sums[u];
        double sz = sums[units + u];
        double sn = sums[2 * units + u];
        for (int k = 0; k < length; k++) {
            sr += rz[k];
            sz += rz[CHUNK + k];
            sn += candidate[at + k];
        }
        sums[u] = sr;
        sums[units + u] = sz;
        sums[2 * units + u] = sn;
    }
}
