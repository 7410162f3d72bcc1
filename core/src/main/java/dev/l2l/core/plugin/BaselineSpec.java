package dev.l2l.core.plugin;

import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A hand-designed optimizer the learned one is compared with; registered with
 * {@link PluginRegistrar#baseline}. Its learning rate is tuned per task on a grid; every other
 * hyperparameter comes from this configuration.
 */
public interface BaselineSpec extends ComponentSpec {

    /**
     * The ND4J update rule with the given learning rate. Rules are applied elementwise to stacked
     * instances, so they must be coordinatewise (every ND4J updater is).
     */
    IUpdater updater(double learningRate);
}
