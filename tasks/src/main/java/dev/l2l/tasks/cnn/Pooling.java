package dev.l2l.tasks.cnn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** ND4J's 2×2 max-pooling ops ({@code maxpool2d}, {@code maxpool2d_bp}), stride 2, on NCHW arrays. */
final class Pooling {

    // kH, kW, sH, sW, pH, pW, dH, dW, same mode, extra (unused by max), data format (0 = NCHW)
    private static final int[] ARGUMENTS = {CnnNetwork.POOL, CnnNetwork.POOL, CnnNetwork.POOL, CnnNetwork.POOL,
        0, 0, 1, 1, 0, 0, 0};

    private Pooling() {
    }

    /** out [B, C, H/2, W/2] = the maximum of every 2×2 window of input [B, C, H, W]. */
    static void forward(INDArray input, INDArray out) {
        exec("maxpool2d", new INDArray[] {input}, out);
    }

    /** ∂L/∂input from ∂L/∂out: each window's gradient goes to its maximum. */
    static void backward(INDArray input, INDArray outGradient, INDArray inputGradient) {
        exec("maxpool2d_bp", new INDArray[] {input, outGradient}, inputGradient);
    }

    private static void exec(String op, INDArray[] inputs, INDArray output) {
        Nd4j.exec(DynamicCustomOp.builder(op).addInputs(inputs).addOutputs(output).addIntegerArguments(ARGUMENTS).build());
    }
}
