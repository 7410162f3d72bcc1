package dev.l2l.optimizers.baselines;

import dev.l2l.core.plugin.BaselineSpec;
import dev.l2l.core.plugin.ConfigException;
import org.nd4j.linalg.learning.config.IUpdater;

/** {@code type: momentum}: SGD with classical momentum ({@link HeavyBallMomentum}). */
public final class MomentumSpec implements BaselineSpec {

    /** μ, the decay of the velocity. */
    public double momentum = 0.9;

    @Override
    public void validate() {
        ConfigException.requireInRange("momentum", momentum, 0, 0.999999);
    }

    @Override
    public IUpdater updater(double learningRate) {
        return new HeavyBallMomentum(learningRate, momentum);
    }
}
