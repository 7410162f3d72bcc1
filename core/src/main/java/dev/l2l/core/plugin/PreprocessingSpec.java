package dev.l2l.core.plugin;

import dev.l2l.core.rnn.RecurrentCell;

/**
 * Configuration of a gradient preprocessing for recurrent optimizers; registered with
 * {@link PluginRegistrar#preprocessing}. A preprocessing is a parameterless
 * {@link RecurrentCell} with one input feature, the gradient.
 */
public interface PreprocessingSpec extends ComponentSpec {

    /** Builds the preprocessing. */
    RecurrentCell create();
}
