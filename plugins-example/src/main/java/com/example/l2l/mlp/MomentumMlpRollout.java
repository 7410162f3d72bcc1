package com.example.l2l.mlp;

import dev.l2l.core.Rollout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;

/** {@link MomentumMlp} on one problem: the momentum state and, when recording, each step's activations. */
final class MomentumMlpRollout implements Rollout {

    private final MomentumMlp optimizer;
    private final int rows;
    private final boolean record;
    private final DataType type;
    private final INDArray momentum;
    private final List<Step> steps = new ArrayList<>();
    private int recorded;
    private int cursor;
    private final INDArray work;
    private final INDArray hiddenAdjoint;
    private final INDArray featureAdjoint;
    private final INDArray momentumAdjoint;
    private final INDArray ones;
    private INDArray gradientSource;
    private INDArray[] gradientBlocks;

    MomentumMlpRollout(MomentumMlp optimizer, int rows, boolean record) {
        this.optimizer = optimizer;
        this.rows = rows;
        this.record = record;
        this.type = optimizer.dataType();
        this.momentum = Nd4j.zeros(type, 1, rows);
        this.work = Nd4j.zeros(type, 1, rows);
        this.hiddenAdjoint = Nd4j.zeros(type, optimizer.hidden, rows);
        this.featureAdjoint = Nd4j.zeros(type, 2, rows);
        this.momentumAdjoint = Nd4j.zeros(type, 1, rows);
        this.ones = Nd4j.ones(type, 1, rows);
    }

    @Override
    public int coordinates() {
        return rows;
    }

    @Override
    public void step(INDArray gradient, INDArray update) {
        if (record && cursor != recorded) {
            throw new IllegalStateException("step() during a backward pass: call truncate() first");
        }
        int index = record ? recorded : 0;
        while (steps.size() <= index) {
            steps.add(new Step());
        }
        Step s = steps.get(index);
        INDArray[] p = optimizer.blocks;
        momentum.muli(optimizer.beta).addi(work.assign(gradient).muli(1 - optimizer.beta));
        s.gradient.assign(gradient);
        s.momentum.assign(momentum);
        Nd4j.gemm(p[0], s.features, s.hidden, false, false, 1.0, 0.0);
        s.hidden.addiColumnVector(p[1]);
        Transforms.tanh(s.hidden, false);
        Nd4j.gemm(p[2], s.hidden, work, false, false, 1.0, 0.0);
        update.assign(work.addi(p[3].getDouble(0))).muli(optimizer.scale);
        if (record) {
            recorded++;
            cursor = recorded;
        }
    }

    @Override
    public void backwardStep(INDArray updateAdjoint, INDArray gradientAdjoint, INDArray parameterGradient) {
        if (!record || cursor == 0) {
            throw new IllegalStateException(record ? "no recorded step left" : "this rollout does not record");
        }
        if (cursor == recorded) {
            momentumAdjoint.assign(0.0);
        }
        Step s = steps.get(--cursor);
        INDArray[] p = optimizer.blocks;
        INDArray[] dp = gradientBlocks(parameterGradient);
        INDArray du = work.assign(updateAdjoint).muli(optimizer.scale);
        Nd4j.gemm(du, s.hidden, dp[2], false, true, 1.0, 1.0);
        Nd4j.gemm(du, ones, dp[3], false, true, 1.0, 1.0);
        Nd4j.gemm(p[2], du, hiddenAdjoint, true, false, 1.0, 0.0);
        // through tanh: dz = dh ⊙ (1 − h²)
        hiddenAdjoint.muli(s.derivative.assign(s.hidden).muli(s.hidden).rsubi(1.0));
        Nd4j.gemm(hiddenAdjoint, s.features, dp[0], false, true, 1.0, 1.0);
        Nd4j.gemm(hiddenAdjoint, ones, dp[1], false, true, 1.0, 1.0);
        Nd4j.gemm(p[0], hiddenAdjoint, featureAdjoint, true, false, 1.0, 0.0);
        // m feeds this step's features and the next step's m: m_t = β m_{t−1} + (1 − β) ∇_t
        momentumAdjoint.addi(featureAdjoint.get(NDArrayIndex.interval(1, 2), NDArrayIndex.all()));
        if (gradientAdjoint != null) {
            gradientAdjoint.assign(featureAdjoint.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()))
                    .addi(work.assign(momentumAdjoint).muli(1 - optimizer.beta));
        }
        momentumAdjoint.muli(optimizer.beta);
    }

    @Override
    public void truncate() {
        recorded = 0;
        cursor = 0;
    }

    @Override
    public void resetState(int from, int to) {
        momentum.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to)).assign(0.0);
    }

    @Override
    public void close() {
        for (Step s : steps) {
            s.features.close();
            s.hidden.close();
            s.derivative.close();
        }
        for (INDArray array : new INDArray[] {momentum, work, hiddenAdjoint, featureAdjoint, momentumAdjoint, ones}) {
            array.close();
        }
    }

    private INDArray[] gradientBlocks(INDArray parameterGradient) {
        if (parameterGradient != gradientSource) {
            gradientBlocks = optimizer.blocks(parameterGradient);
            gradientSource = parameterGradient;
        }
        return gradientBlocks;
    }

    /** One step's features (∇; m) and hidden activations. */
    private final class Step {
        final INDArray features = Nd4j.zeros(type, 2, rows);
        final INDArray gradient = features.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all());
        final INDArray momentum = features.get(NDArrayIndex.interval(1, 2), NDArrayIndex.all());
        final INDArray hidden = Nd4j.zeros(type, optimizer.hidden, rows);
        final INDArray derivative = Nd4j.zeros(type, optimizer.hidden, rows);
    }
}
