package dev.l2l.optimizers.baselines;

import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/** {@code type: nag}: Nesterov's accelerated gradient, ND4J's {@link Nesterovs}. */
public final class NagSpec extends MomentumRuleSpec {

    @Override
    public IUpdater updater(double learningRate) {
        return new Nesterovs(learningRate, momentum);
    }
}
