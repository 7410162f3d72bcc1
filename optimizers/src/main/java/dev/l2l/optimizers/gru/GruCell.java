package dev.l2l.optimizers.gru;

import dev.l2l.core.rnn.CellAdjoints;
import dev.l2l.core.rnn.CellBuffers;
import dev.l2l.optimizers.KernelBlocks;
import dev.l2l.optimizers.LayerBuffers;
import dev.l2l.optimizers.RecurrentLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;


/**
 * A GRU layer (Cho et al. 2014), in the form PyTorch and cuDNN use, feature-major:
 * <pre>
 *   a = Wx · x + bx,   b = Wh · h + bh        gate rows in the order r, z, n
 *   r = σ(a_r + b_r),  z = σ(a_z + b_z),  n = tanh(a_n + r ⊙ b_n)
 *   h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * State {h}; output h'.
 */
public final class GruCell extends RecurrentLayer {

    public GruCell(int inputSize, int units) {
        super(inputSize, units, new long[] {3L * units, inputSize}, new long[] {3L * units, units},
                new long[] {3L * units, 1}, new long[] {3L * units, 1});
    }

    @Override
    public int[] stateSizes() {
        return new int[] {units};
    }

    @Override
    public CellBuffers newBuffers(int rows, DataType dataType) {
        return new Buffers(rows, dataType, units);
    }

    @Override
    public void forward(INDArray parameters, INDArray input, INDArray[] stateIn, CellBuffers step, CellBuffers scratch) {
        INDArray[] p = parameters(parameters);
        Buffers b = (Buffers) step;
        INDArray h = stateIn[0];
        if (inputSize > 0 && KernelBlocks.applies(p)
                && KernelBlocks.applies(input, h, b.gates, b.candidate, b.hiddenCandidate, b.hidden)) {
            GruFloatKernel.forward(inputSize, units, weights(p), input, h, b.gates, b.candidate, b.hiddenCandidate,
                    b.hidden);
            return;
        }
        Nd4j.gemm(p[0], input, b.inputPart, false, false, 1.0, 0.0);
        b.inputPart.addiColumnVector(p[2]);
        Nd4j.gemm(p[1], h, b.hiddenPart, false, false, 1.0, 0.0);
        b.hiddenPart.addiColumnVector(p[3]);
        b.gates.assign(b.inputGates).addi(b.hiddenGates);
        Transforms.sigmoid(b.gates, false);
        b.candidate.assign(b.r).muli(b.hiddenCandidate).addi(b.inputCandidate);
        Transforms.tanh(b.candidate, false);
        b.hidden.assign(h).subi(b.candidate).muli(b.z).addi(b.candidate);
    }

    /** Without recording, the float kernel writes only h' (not the gates, n or b_n). */
    @Override
    public void forwardInference(INDArray parameters, INDArray input, INDArray[] stateIn, CellBuffers step,
                                 CellBuffers scratch) {
        INDArray[] p = parameters(parameters);
        Buffers b = (Buffers) step;
        if (inputSize > 0 && KernelBlocks.applies(p) && KernelBlocks.applies(input, stateIn[0], b.hidden)) {
            GruFloatKernel.forward(inputSize, units, weights(p), input, stateIn[0], null, null, null, b.hidden);
            return;
        }
        forward(parameters, input, stateIn, step, scratch);
    }

    @Override
    public void backward(INDArray parameters, INDArray input, INDArray[] stateIn, CellBuffers step, CellBuffers scratch,
                         CellAdjoints a) {
        INDArray[] p = parameters(parameters);
        INDArray[] dp = gradients(a.parameterGradient);
        Buffers b = (Buffers) step;
        Buffers s = (Buffers) scratch;
        INDArray h = stateIn[0];
        if (inputSize > 0 && KernelBlocks.applies(p) && KernelBlocks.applies(dp)
                && KernelBlocks.applies(input, h, b.gates, b.candidate, b.hiddenCandidate, a.output, a.stateOut[0],
                        a.stateIn[0])
                && (a.input == null || KernelBlocks.applies(a.input))) {
            GruFloatKernel.backward(inputSize, units, new GruFloatKernel.Backward(weights(p), input, h, b.gates,
                    b.candidate, b.hiddenCandidate, a.output, a.stateOut[0], a.input, a.stateIn[0], weights(dp)));
            return;
        }
        INDArray dh = s.hidden.assign(a.output).addi(a.stateOut[0]);
        // candidate: dn = dh ⊙ (1 − z), through tanh
        INDArray dCandidate = s.inputCandidate;
        dCandidate.assign(b.z).rsubi(1.0).muli(dh);
        s.candidate.assign(b.candidate).muli(b.candidate).rsubi(1.0);
        dCandidate.muli(s.candidate);
        // z: dz = dh ⊙ (h − n), through σ
        s.inputZ.assign(h).subi(b.candidate).muli(dh);
        s.candidate.assign(b.z).rsubi(1.0).muli(b.z);
        s.inputZ.muli(s.candidate);
        // r: dr = dn_pre ⊙ b_n, through σ
        s.inputR.assign(dCandidate).muli(b.hiddenCandidate);
        s.candidate.assign(b.r).rsubi(1.0).muli(b.r);
        s.inputR.muli(s.candidate);
        // the hidden side sees the same r and z adjoints, and r ⊙ dn_pre for the candidate
        s.hiddenGates.assign(s.inputGates);
        s.hiddenCandidate.assign(dCandidate).muli(b.r);
        Nd4j.gemm(s.inputPart, input, dp[0], false, true, 1.0, 1.0);
        Nd4j.gemm(s.hiddenPart, h, dp[1], false, true, 1.0, 1.0);
        Nd4j.gemm(s.inputPart, s.ones, dp[2], false, true, 1.0, 1.0);
        Nd4j.gemm(s.hiddenPart, s.ones, dp[3], false, true, 1.0, 1.0);
        if (a.input != null) {
            Nd4j.gemm(p[0], s.inputPart, a.input, true, false, 1.0, 0.0);
        }
        Nd4j.gemm(p[1], s.hiddenPart, a.stateIn[0], true, false, 1.0, 0.0);
        a.stateIn[0].addi(dh.muli(b.z));
    }

    /** The blocks Wx, Wh, bx, bh of a slice of φ or of its gradient, for the float kernel. */
    private static GruFloatKernel.Weights weights(INDArray[] blocks) {
        return new GruFloatKernel.Weights(blocks[0], blocks[1], blocks[2], blocks[3]);
    }

    /** One step's arrays; the gate blocks are contiguous row-block views. */
    private static final class Buffers extends LayerBuffers {
        final INDArray inputPart;
        final INDArray hiddenPart;
        final INDArray inputGates;
        final INDArray hiddenGates;
        final INDArray inputR;
        final INDArray inputZ;
        final INDArray inputCandidate;
        final INDArray hiddenCandidate;
        final INDArray gates;
        final INDArray r;
        final INDArray z;
        final INDArray candidate;

        Buffers(int rows, DataType dataType, int units) {
            super(rows, dataType, units);
            inputPart = allocate(3 * units);
            hiddenPart = allocate(3 * units);
            inputGates = rowBlock(inputPart, 0, 2 * units);
            hiddenGates = rowBlock(hiddenPart, 0, 2 * units);
            inputR = rowBlock(inputPart, 0, units);
            inputZ = rowBlock(inputPart, units, 2 * units);
            inputCandidate = rowBlock(inputPart, 2 * units, 3 * units);
            hiddenCandidate = rowBlock(hiddenPart, 2 * units, 3 * units);
            gates = allocate(2 * units);
            r = rowBlock(gates, 0, units);
            z = rowBlock(gates, units, 2 * units);
            candidate = allocate(units);
        }

    }
}
