package dev.l2l.optimizers.preprocessing;

import dev.l2l.core.rnn.CellAdjoints;
import dev.l2l.core.rnn.CellBuffers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;


/**
 * The paper's gradient preprocessing (Andrychowicz et al. 2016, appendix A): two features,
 * (log|∇|/p, sgn ∇) if |∇| ≥ e⁻ᵖ, else (−1, eᵖ∇). Computed branch-free as
 * (log(max(|∇|, e⁻ᵖ))/p, clip(eᵖ∇, −1, 1)), which is the same function.
 */
public final class LogSignPreprocessing extends Preprocessing {

    private final double p;
    private final double threshold;
    private final double expP;

    public LogSignPreprocessing(double p) {
        if (!(p > 0)) {
            throw new IllegalArgumentException("p must be positive, got " + p);
        }
        this.p = p;
        this.threshold = Math.exp(-p);
        this.expP = Math.exp(p);
    }

    @Override
    public int outputSize() {
        return 2;
    }

    @Override
    public int[] stateSizes() {
        return new int[0];
    }

    @Override
    public CellBuffers newBuffers(int rows, DataType dataType) {
        return new StatelessBuffers(rows, dataType, 2);
    }

    @Override
    public void forward(INDArray parameters, INDArray input, INDArray[] stateIn, CellBuffers step, CellBuffers scratch) {
        StatelessBuffers b = (StatelessBuffers) step;
        INDArray magnitude = b.feature(0).assign(input);
        Transforms.abs(magnitude, false);
        Transforms.max(magnitude, threshold, false);
        Transforms.log(magnitude, false);
        magnitude.divi(p);
        INDArray sign = b.feature(1).assign(input).muli(expP);
        Transforms.max(sign, -1.0, false);
        Transforms.min(sign, 1.0, false);
    }

    @Override
    public void backward(INDArray parameters, INDArray input, INDArray[] stateIn, CellBuffers step, CellBuffers scratch,
                         CellAdjoints adjoints) {
        if (adjoints.input == null) {
            return;
        }
        StatelessBuffers s = (StatelessBuffers) scratch;
        INDArray dMagnitude = adjoints.output.getRow(0, true);
        INDArray dSign = adjoints.output.getRow(1, true);
        // mask = 1 where |∇| > e^-p (the log branch), 0 where the linear branch is active
        INDArray mask = s.mask.assign(input);
        Transforms.abs(mask, false);
        mask.subi(threshold);
        Transforms.step(mask, false);
        // d/d∇ log(|∇|)/p = sgn(∇) / (p |∇|) on the log branch
        INDArray work = s.work.assign(input);
        Transforms.abs(work, false);
        Transforms.max(work, threshold, false);
        work.muli(p).rdivi(1.0).muli(mask).muli(dMagnitude);
        adjoints.input.assign(input);
        Transforms.sign(adjoints.input, false);
        adjoints.input.muli(work);
        // d/d∇ clip(e^p ∇) = e^p on the linear branch
        mask.rsubi(1.0).muli(expP).muli(dSign);
        adjoints.input.addi(mask);
    }

    @Override
    public String toString() {
        return "LogSignPreprocessing(p=" + p + ")";
    }
}
