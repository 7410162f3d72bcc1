package dev.l2l.optimizers.lstm;

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
 * An LSTM layer (Hochreiter &amp; Schmidhuber 1997) without peepholes, feature-major:
 * <pre>
 *   z = W · [x; h] + b          W: [4H × (in + H)], gate rows in the order i, f, o, g
 *   i, f, o = σ(zᵢ, z_f, z_o)    g = tanh(z_g)
 *   c' = f ⊙ c + i ⊙ g           h' = o ⊙ tanh(c')
 * </pre>
 * State {h, c}; output h'.
 */
public final class LstmCell extends RecurrentLayer {

    public LstmCell(int inputSize, int units) {
        super(inputSize, units, new long[] {4L * units, inputSize + units}, new long[] {4L * units, 1});
    }

    @Override
    public int[] stateSizes() {
        return new int[] {units, units};
    }

    @Override
    public CellBuffers newBuffers(int rows, DataType dataType) {
        return new Buffers(rows, dataType, inputSize, units);
    }

    @Override
    public void forward(INDArray parameters, INDArray input, INDArray[] stateIn, CellBuffers step, CellBuffers scratch) {
        INDArray[] p = parameters(parameters);
        Buffers b = (Buffers) step;
        if (KernelBlocks.applies(p[0], p[1], input, stateIn[0], stateIn[1], b.gates, b.cell, b.tanhCell, b.hidden)) {
            LstmFloatKernel.forward(inputSize, units, p[0], p[1], input, stateIn[0], stateIn[1], b.gates, b.cell,
                    b.tanhCell, b.hidden);
            return;
        }
        b.inputPart().assign(input);
        b.hiddenPart().assign(stateIn[0]);
        Nd4j.gemm(p[0], b.concatenated(), b.gates, false, false, 1.0, 0.0);
        b.gates.addiColumnVector(p[1]);
        Transforms.sigmoid(b.sigmoidGates, false);
        Transforms.tanh(b.g, false);
        b.cell.assign(b.f).muli(stateIn[1]);
        b.tanhCell.assign(b.i).muli(b.g);
        b.cell.addi(b.tanhCell);
        b.tanhCell.assign(b.cell);
        Transforms.tanh(b.tanhCell, false);
        b.hidden.assign(b.o).muli(b.tanhCell);
    }

    /** Without recording, the float kernel writes only c' and h' (not the gates or tanh c'). */
    @Override
    public void forwardInference(INDArray parameters, INDArray input, INDArray[] stateIn, CellBuffers step,
                                 CellBuffers scratch) {
        INDArray[] p = parameters(parameters);
        Buffers b = (Buffers) step;
        if (KernelBlocks.applies(p[0], p[1], input, stateIn[0], stateIn[1], b.cell, b.hidden)) {
            LstmFloatKernel.forward(inputSize, units, p[0], p[1], input, stateIn[0], stateIn[1], null, b.cell,
                    null, b.hidden);
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
        if (KernelBlocks.applies(p[0], input, stateIn[0], stateIn[1], b.gates, b.tanhCell, a.output, a.stateOut[0],
                a.stateOut[1], a.stateIn[0], a.stateIn[1], dp[0], dp[1])
                && (a.input == null || KernelBlocks.applies(a.input))) {
            LstmFloatKernel.backward(inputSize, units, new LstmFloatKernel.Backward(p[0], input, stateIn[0], stateIn[1],
                    b.gates, b.tanhCell, a.output, a.stateOut[0], a.stateOut[1], a.input, a.stateIn[0], a.stateIn[1],
                    dp[0], dp[1]));
            return;
        }
        // the fused forward does not fill [x; h]
        b.inputPart().assign(input);
        b.hiddenPart().assign(stateIn[0]);
        elementwiseBackward(b, s, stateIn, a);
        Nd4j.gemm(s.gates, s.ones, dp[1], false, true, 1.0, 1.0);
        Nd4j.gemm(s.gates, b.concatenated(), dp[0], false, true, 1.0, 1.0);
        Nd4j.gemm(p[0], s.gates, s.concatenated(), true, false, 1.0, 0.0);
        if (a.input != null) {
            a.input.assign(s.inputPart());
        }
        a.stateIn[0].assign(s.hiddenPart());
    }

    /** ∂L/∂z of the gates into {@code s.gates} and ∂L/∂c into {@code a.stateIn[1]}, with ND4J ops (any precision). */
    private static void elementwiseBackward(Buffers b, Buffers s, INDArray[] stateIn, CellAdjoints a) {
        INDArray dh = s.hidden.assign(a.output).addi(a.stateOut[0]);
        // dc = dc' + dh ⊙ o ⊙ (1 − tanh²c')
        INDArray dc = s.cell;
        s.tanhCell.assign(b.tanhCell).muli(b.tanhCell).rsubi(1.0).muli(b.o).muli(dh);
        dc.assign(a.stateOut[1]).addi(s.tanhCell);
        s.o.assign(b.o).rsubi(1.0).muli(b.o).muli(b.tanhCell).muli(dh);
        s.i.assign(b.i).rsubi(1.0).muli(b.i).muli(b.g).muli(dc);
        s.f.assign(b.f).rsubi(1.0).muli(b.f).muli(stateIn[1]).muli(dc);
        s.g.assign(b.g).muli(b.g).rsubi(1.0).muli(b.i).muli(dc);
        a.stateIn[1].assign(dc).muli(b.f);
    }

    /**
     * One step's arrays; gate blocks and the halves of [x; h] are contiguous row-block views. [x; h]
     * is allocated on first use: only the general path fills it (the float kernel gathers [x; h]
     * block by block), and at 16,000 coordinates it is 2.5–4 MB per recorded step and layer.
     */
    private static final class Buffers extends LayerBuffers {
        private final int inputSize;
        private final int units;
        private INDArray concatenated;
        private INDArray inputPart;
        private INDArray hiddenPart;
        final INDArray gates;
        final INDArray sigmoidGates;
        final INDArray i;
        final INDArray f;
        final INDArray o;
        final INDArray g;
        final INDArray cell;
        final INDArray tanhCell;

        Buffers(int rows, DataType dataType, int inputSize, int units) {
            super(rows, dataType, units, units);
            this.inputSize = inputSize;
            this.units = units;
            gates = allocate(4 * units);
            sigmoidGates = rowBlock(gates, 0, 3 * units);
            i = rowBlock(gates, 0, units);
            f = rowBlock(gates, units, 2 * units);
            o = rowBlock(gates, 2 * units, 3 * units);
            g = rowBlock(gates, 3 * units, 4 * units);
            cell = state()[1];
            tanhCell = allocate(units);
        }

        /** [x; h], [(in + H) × rows]. */
        INDArray concatenated() {
            if (concatenated == null) {
                concatenated = allocate(inputSize + units);
                inputPart = rowBlock(concatenated, 0, inputSize);
                hiddenPart = rowBlock(concatenated, inputSize, inputSize + units);
            }
            return concatenated;
        }

        /** The x rows of {@link #concatenated()}. */
        INDArray inputPart() {
            concatenated();
            return inputPart;
        }

        /** The h rows of {@link #concatenated()}. */
        INDArray hiddenPart() {
            concatenated();
            return hiddenPart;
        }
    }
}
