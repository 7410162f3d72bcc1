package com.example.l2l.mlp;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Rollout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Random;

/**
 * A learned optimizer that is not a recurrent network: per coordinate, the features
 * x = (∇, m) with m ← βm + (1 − β)∇, then g = scale · (w₂ · tanh(W₁x + b₁) + b₂).
 * It implements {@link LearnedOptimizer} directly, so it shows the whole SPI; its only state
 * is m, through which its rollout back-propagates.
 */
final class MomentumMlp implements LearnedOptimizer {

    final int hidden;
    final double beta;
    final double scale;
    private final DataType dataType;
    private final INDArray parameters;
    final INDArray[] blocks;

    MomentumMlp(int hidden, double beta, double scale, DataType dataType, long seed) {
        this.hidden = hidden;
        this.beta = beta;
        this.scale = scale;
        this.dataType = dataType;
        this.parameters = Nd4j.zeros(dataType, 2L * hidden + hidden + hidden + 1);
        this.blocks = blocks(parameters);
        Random random = new Random(seed);
        for (INDArray block : new INDArray[] {blocks[0], blocks[2]}) {
            double bound = 1.0 / Math.sqrt(block.columns());
            for (int i = 0; i < block.rows(); i++) {
                for (int j = 0; j < block.columns(); j++) {
                    block.putScalar(i, j, (2 * random.nextDouble() - 1) * bound);
                }
            }
        }
    }

    /** Views W₁ [h × 2], b₁ [h × 1], w₂ [1 × h], b₂ [1 × 1] of a flat array laid out like φ. */
    INDArray[] blocks(INDArray flat) {
        INDArray vector = flat.reshape(flat.length());
        long[][] shapes = {{hidden, 2}, {hidden, 1}, {1, hidden}, {1, 1}};
        INDArray[] views = new INDArray[shapes.length];
        long offset = 0;
        for (int k = 0; k < shapes.length; k++) {
            long n = shapes[k][0] * shapes[k][1];
            views[k] = vector.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', shapes[k]);
            offset += n;
        }
        return views;
    }

    @Override
    public INDArray parameters() {
        return parameters;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public Rollout newRollout(int coordinates, boolean record) {
        return new MomentumMlpRollout(this, coordinates, record);
    }
}
