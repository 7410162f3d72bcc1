package dev.l2l.optimizers.preprocessing;

import dev.l2l.core.plugin.PreprocessingSpec;
import dev.l2l.core.rnn.RecurrentCell;

/** Configuration of {@code type: none}: the raw gradient is the input. */
public final class NoPreprocessingSpec implements PreprocessingSpec {

    @Override
    public RecurrentCell create() {
        return new IdentityPreprocessing();
    }
}
