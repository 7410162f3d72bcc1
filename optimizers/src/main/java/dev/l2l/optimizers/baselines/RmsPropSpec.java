package dev.l2l.optimizers.baselines;

import dev.l2l.core.plugin.BaselineSpec;
import dev.l2l.core.plugin.ConfigException;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;

/** {@code type: rmsprop}: ND4J's {@link RmsProp}, with ND4J's defaults. */
public final class RmsPropSpec implements BaselineSpec {

    /** Decay of the running mean of squared gradients. */
    public double decay = RmsProp.DEFAULT_RMSPROP_RMSDECAY;
    /** ε added to the root of the running mean. */
    public double epsilon = RmsProp.DEFAULT_RMSPROP_EPSILON;

    @Override
    public void validate() {
        ConfigException.requireInRange("decay", decay, 0, 0.999999);
        ConfigException.requirePositive("epsilon", epsilon);
    }

    @Override
    public IUpdater updater(double learningRate) {
        return new RmsProp(learningRate, decay, epsilon);
    }
}
