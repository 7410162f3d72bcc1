package dev.l2l.optimizers.preprocessing;

import dev.l2l.core.plugin.ConfigException;
import dev.l2l.core.plugin.PreprocessingSpec;
import dev.l2l.core.rnn.RecurrentCell;

/** Configuration of {@code type: log-sign}: the paper's log-magnitude and sign features. */
public final class LogSignSpec implements PreprocessingSpec {

    /** p: gradients smaller than e⁻ᵖ in magnitude take the linear branch (the paper uses 10). */
    public double p = 10.0;

    @Override
    public void validate() {
        ConfigException.requirePositive("p", p);
    }

    @Override
    public RecurrentCell create() {
        return new LogSignPreprocessing(p);
    }
}
