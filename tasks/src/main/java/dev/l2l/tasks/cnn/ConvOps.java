package dev.l2l.tasks.cnn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's convolution and max-pooling ops (libnd4j {@code conv2d}, {@code conv2d_bp},
 * {@code maxpool2d}, {@code maxpool2d_bp}) on NCHW arrays, writing into the arrays given: 3×3
 * kernels in the layout [kH, kW, in, out] with stride 1 and same padding; 2×2 pooling with stride 2.
 */
final class ConvOps {

    // kH, kW, sH, sW, pH, pW, dH, dW, same mode, data format (0 = NCHW)
    private static final int[] CONVOLUTION = {CnnNetwork.KERNEL, CnnNetwork.KERNEL, 1, 1, 0, 0, 1, 1, 1, 0};
    // kH, kW, sH, sW, pH, pW, dH, dW, same mode, extra (unused by max), data format (0 = NCHW)
    private static final int[] POOLING = {CnnNetwork.POOL, CnnNetwork.POOL, CnnNetwork.POOL, CnnNetwork.POOL, 0, 0, 1, 1, 0, 0, 0};

    private ConvOps() {
    }

    /** out [B, out, H, W] = conv(input [B, in, H, W], kernel) + bias. */
    static void convolve(INDArray input, INDArray kernel, INDArray bias, INDArray out) {
        exec("conv2d", CONVOLUTION, new INDArray[] {input, kernel, bias}, out);
    }

    /** From ∂L/∂out: ∂L/∂input, ∂L/∂kernel and ∂L/∂bias. */
    static void convolveBackward(INDArray input, INDArray kernel, INDArray bias, INDArray outGradient,
                                 INDArray inputGradient, INDArray kernelGradient, INDArray biasGradient) {
        exec("conv2d_bp", CONVOLUTION, new INDArray[] {input, kernel, bias, outGradient},
                inputGradient, kernelGradient, biasGradient);
    }

    /** out [B, C, H/2, W/2] = the maximum of every 2×2 window of input [B, C, H, W]. */
    static void maxPool(INDArray input, INDArray out) {
        exec("maxpool2d", POOLING, new INDArray[] {input}, out);
    }

    /** ∂L/∂input from ∂L/∂out: each window's gradient goes to its maximum. */
    static void maxPoolBackward(INDArray input, INDArray outGradient, INDArray inputGradient) {
        exec("maxpool2d_bp", POOLING, new INDArray[] {input, outGradient}, inputGradient);
    }

    private static void exec(String op, int[] arguments, INDArray[] inputs, INDArray... outputs) {
        Nd4j.exec(DynamicCustomOp.builder(op).addInputs(inputs).addOutputs(outputs).addIntegerArguments(arguments).build());
    }
}
