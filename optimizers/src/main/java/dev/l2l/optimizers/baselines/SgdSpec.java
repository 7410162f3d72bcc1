package dev.l2l.optimizers.baselines;

import dev.l2l.core.plugin.BaselineSpec;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

/** {@code type: sgd}: plain gradient descent, ND4J's {@link Sgd}. */
public final class SgdSpec implements BaselineSpec {

    @Override
    public IUpdater updater(double learningRate) {
        return new Sgd(learningRate);
    }
}
