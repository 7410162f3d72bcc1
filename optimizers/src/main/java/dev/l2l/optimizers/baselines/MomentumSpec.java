package dev.l2l.optimizers.baselines;

import org.nd4j.linalg.learning.config.IUpdater;

/** {@code type: momentum}: SGD with classical momentum ({@link HeavyBallMomentum}). */
public final class MomentumSpec extends MomentumRuleSpec {

    @Override
    public IUpdater updater(double learningRate) {
        return new HeavyBallMomentum(learningRate, momentum);
    }
}
