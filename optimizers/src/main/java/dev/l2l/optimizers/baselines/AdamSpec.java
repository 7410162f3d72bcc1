package dev.l2l.optimizers.baselines;

import dev.l2l.core.plugin.BaselineSpec;
import dev.l2l.core.plugin.ConfigException;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/** {@code type: adam}: ND4J's {@link Adam}, with the usual defaults. */
public final class AdamSpec implements BaselineSpec {

    public double beta1 = Adam.DEFAULT_ADAM_BETA1_MEAN_DECAY;
    public double beta2 = Adam.DEFAULT_ADAM_BETA2_VAR_DECAY;
    public double epsilon = Adam.DEFAULT_ADAM_EPSILON;

    @Override
    public void validate() {
        ConfigException.requireInRange("beta1", beta1, 0, 0.999999);
        ConfigException.requireInRange("beta2", beta2, 0, 0.999999);
        ConfigException.requirePositive("epsilon", epsilon);
    }

    @Override
    public IUpdater updater(double learningRate) {
        return new Adam(learningRate, beta1, beta2, epsilon);
    }
}
