package dev.l2l.optimizers.preprocessing;

import dev.l2l.core.plugin.ConfigException;
import dev.l2l.core.plugin.PreprocessingSpec;
import dev.l2l.core.rnn.RecurrentCell;

/** Configuration of {@code type: rnnprop}: gradient and momentum scaled by the root of the second moment. */
public final class RnnPropSpec implements PreprocessingSpec {

    /** Decay of the running first moment (RNNprop's paper uses 0.95). */
    public double beta1 = 0.95;
    /** Decay of the running second moment (RNNprop's paper uses 0.95). */
    public double beta2 = 0.95;
    /** ε added to the root of the second moment. */
    public double epsilon = 1e-8;

    @Override
    public void validate() {
        ConfigException.requireInRange("beta1", beta1, 0, 0.999999);
        ConfigException.requireInRange("beta2", beta2, 0, 0.999999);
        ConfigException.requirePositive("epsilon", epsilon);
    }

    @Override
    public RecurrentCell create() {
        return new RnnPropPreprocessing(beta1, beta2, epsilon);
    }
}
