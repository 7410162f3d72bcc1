package dev.l2l.core.plugin;

/**
 * What a {@link L2lPlugin} registers its components with. A name is what users write after
 * {@code type:} in an experiment file; it must be unique within its kind across all plugins.
 */
public interface PluginRegistrar {

    /** Registers a task family. */
    void task(String name, Class<? extends TaskSpec> spec);

    /** Registers a learned optimizer. */
    void optimizer(String name, Class<? extends OptimizerSpec> spec);

    /** Registers a gradient preprocessing for recurrent optimizers. */
    void preprocessing(String name, Class<? extends PreprocessingSpec> spec);

    /** Registers a hand-designed baseline optimizer. */
    void baseline(String name, Class<? extends BaselineSpec> spec);
}
