package com.example.l2l.mlp;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.plugin.ConfigException;
import dev.l2l.core.plugin.OptimizerSpec;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code type: momentum-mlp}: a coordinatewise MLP over the gradient and its running momentum. */
public final class MomentumMlpSpec implements OptimizerSpec {

    /** Hidden units of the MLP. */
    public int hidden = 16;
    /** Decay β of the momentum feature m ← βm + (1 − β)∇. */
    public double beta = 0.9;
    /** Factor applied to the MLP's output to give the update. */
    public double outputScale = 0.1;

    @Override
    public void validate() {
        ConfigException.requirePositive("hidden", hidden);
        ConfigException.requireInRange("beta", beta, 0, 0.999999);
        ConfigException.requirePositive("outputScale", outputScale);
    }

    @Override
    public LearnedOptimizer create(DataType dataType, long seed) {
        return new MomentumMlp(hidden, beta, outputScale, dataType, seed);
    }
}
