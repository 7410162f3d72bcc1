package dev.l2l.optimizers.preprocessing;

import dev.l2l.core.rnn.CellAdjoints;
import dev.l2l.core.rnn.CellBuffers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;


/**
 * RNNprop's input (Lv, Chen &amp; Song 2017, "Learning gradient descent: better generalization and
 * longer horizons"): Adam's bias-corrected moments per coordinate, and the two features
 * <pre>
 *   m ← β₁m + (1 − β₁)∇     v ← β₂v + (1 − β₂)∇²     c₁ ← β₁c₁ + (1 − β₁)   c₂ ← β₂c₂ + (1 − β₂)
 *   d = √(v/c₂) + ε          features: (∇/d, (m/c₁)/d)
 * </pre>
 * cₖ = 1 − βₖᵗ is kept as state, so that every state starts at zero like any other. Both features
 * are scale-invariant in the gradient, which is what lets an optimizer generalise across tasks.
 */
public final class RnnPropPreprocessing extends Preprocessing {

    private static final double TINY = 1e-30;

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    public RnnPropPreprocessing(double beta1, double beta2, double epsilon) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public int outputSize() {
        return 2;
    }

    @Override
    public int[] stateSizes() {
        return new int[] {1, 1, 1, 1};
    }

    @Override
    public CellBuffers newBuffers(int rows, DataType dataType) {
        return new Buffers(rows, dataType);
    }

    @Override
    public void forward(INDArray parameters, INDArray gradient, INDArray[] stateIn, CellBuffers step, CellBuffers scratch) {
        Buffers b = (Buffers) step;
        b.m.assign(stateIn[0]).muli(beta1).addi(b.denominator.assign(gradient).muli(1 - beta1));
        b.v.assign(stateIn[1]).muli(beta2).addi(b.denominator.assign(gradient).muli(gradient).muli(1 - beta2));
        b.c1.assign(stateIn[2]).muli(beta1).addi(1 - beta1);
        b.c2.assign(stateIn[3]).muli(beta2).addi(1 - beta2);
        b.denominator.assign(b.v).divi(b.c2);
        Transforms.sqrt(b.denominator, false);
        b.denominator.addi(epsilon);
        b.scaledGradient.assign(gradient).divi(b.denominator);
        b.scaledMomentum.assign(b.m).divi(b.c1).divi(b.denominator);
    }

    @Override
    public void backward(INDArray parameters, INDArray gradient, INDArray[] stateIn, CellBuffers step, CellBuffers scratch,
                         CellAdjoints a) {
        Buffers b = (Buffers) step;
        Buffers s = (Buffers) scratch;
        INDArray dScaledGradient = a.output.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all());
        INDArray dScaledMomentum = a.output.get(NDArrayIndex.interval(1, 2), NDArrayIndex.all());
        INDArray root = s.denominator.assign(b.denominator).subi(epsilon);
        Transforms.max(root, TINY, false);
        // ∂L/∂d = −(df₀ ∇ + df₁ m/c₁) / d²
        INDArray dDenominator = s.scaledGradient.assign(dScaledGradient).muli(gradient);
        INDArray work = s.scaledMomentum;
        dDenominator.addi(work.assign(dScaledMomentum).muli(b.m).divi(b.c1)).divi(b.denominator).divi(b.denominator).negi();
        // adjoints of the new state: what flows in from the next step plus the features' share
        s.m.assign(dScaledMomentum).divi(b.c1).divi(b.denominator).addi(a.stateOut[0]);
        s.v.assign(dDenominator).divi(root).divi(b.c2).muli(0.5).addi(a.stateOut[1]);
        s.c1.assign(dScaledMomentum).muli(b.m).divi(b.c1).divi(b.c1).divi(b.denominator).negi().addi(a.stateOut[2]);
        s.c2.assign(dDenominator).muli(b.v).divi(root).divi(b.c2).divi(b.c2).muli(0.5).negi().addi(a.stateOut[3]);
        if (a.input != null) {
            a.input.assign(dScaledGradient).divi(b.denominator);
            a.input.addi(work.assign(s.m).muli(1 - beta1));
            a.input.addi(work.assign(s.v).muli(gradient).muli(2 * (1 - beta2)));
        }
        a.stateIn[0].assign(s.m).muli(beta1);
        a.stateIn[1].assign(s.v).muli(beta2);
        a.stateIn[2].assign(s.c1).muli(beta1);
        a.stateIn[3].assign(s.c2).muli(beta2);
    }

    @Override
    public String toString() {
        return "RnnPropPreprocessing(beta1=" + beta1 + ", beta2=" + beta2 + ")";
    }

    private static final class Buffers extends CellBuffers {
        final INDArray features;
        final INDArray scaledGradient;
        final INDArray scaledMomentum;
        final INDArray m;
        final INDArray v;
        final INDArray c1;
        final INDArray c2;
        final INDArray denominator;
        final INDArray[] state;

        Buffers(int rows, DataType dataType) {
            super(rows, dataType);
            features = allocate(2);
            scaledGradient = rowBlock(features, 0, 1);
            scaledMomentum = rowBlock(features, 1, 2);
            m = allocate(1);
            v = allocate(1);
            c1 = allocate(1);
            c2 = allocate(1);
            denominator = allocate(1);
            state = new INDArray[] {m, v, c1, c2};
        }

        @Override
        public INDArray output() {
            return features;
        }

        @Override
        public INDArray[] state() {
            return state;
        }
    }
}
