package dev.l2l.core;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Central-difference Hessian-vector product, the default of {@link Optimizee#hessianVectorProduct}. */
final class FiniteDifferenceHvp {

    private FiniteDifferenceHvp() {
    }

    static void apply(Optimizee optimizee, long step, INDArray theta, INDArray vector, INDArray out) {
        double norm = vector.norm2Number().doubleValue();
        if (norm == 0.0) {
            out.assign(0.0);
            return;
        }
        double base = theta.dataType() == DataType.DOUBLE ? 1e-5 : 1e-2;
        double epsilon = base * Math.max(1.0, theta.norm2Number().doubleValue()) / norm;
        INDArray shifted = theta.dup();
        INDArray gradPlus = theta.ulike();
        INDArray gradMinus = theta.ulike();
        try {
            shifted.addi(vector.mul(epsilon));
            optimizee.lossAndGradient(step, shifted, gradPlus);
            shifted.assign(theta).subi(vector.mul(epsilon));
            optimizee.lossAndGradient(step, shifted, gradMinus);
            out.assign(gradPlus.subi(gradMinus).divi(2.0 * epsilon));
        } finally {
            shifted.close();
            gradPlus.close();
            gradMinus.close();
        }
    }
}
