package dev.l2l.optimizers.baselines;

import dev.l2l.core.plugin.BaselineSpec;
import dev.l2l.core.plugin.ConfigException;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/** {@code type: nag}: Nesterov's accelerated gradient, ND4J's {@link Nesterovs}. */
public final class NagSpec implements BaselineSpec {

    /** μ, the momentum coefficient. */
    public double momentum = 0.9;

    @Override
    public void validate() {
        ConfigException.requireInRange("momentum", momentum, 0, 0.999999);
    }

    @Override
    public IUpdater updater(double learningRate) {
        return new Nesterovs(learningRate, momentum);
    }
}
