package dev.l2l.core.eval;

import dev.l2l.core.plugin.ConfigException;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the comparison with tuned baselines (the {@code evaluation:} section of an
 * experiment). Public fields with their defaults, bound from YAML by the runner.
 */
public final class EvaluationSettings implements dev.l2l.core.plugin.ComponentSpec {

    /** Held-out instances each optimizer is evaluated on. */
    public int instances = 100;
    /** Optimizee steps per evaluation run; 0 means the training horizon. */
    public int horizon = 0;
    /** Instances the baselines' learning rates are tuned on (disjoint from the evaluation ones). */
    public int tuningInstances = 20;
    /** Learning rates tried for every baseline: by default 1e-4 … 1 in half-decades. */
    public List<Double> learningRates = defaultGrid();
    /** Instances stacked into one run. */
    public int batchSize = 100;
    /** Runs (of batchSize instances each) evaluated at the same time, each on its own thread. */
    public int threads = 2;

    @Override
    public void validate() {
        ConfigException.requirePositive("instances", instances);
        ConfigException.requireNonNegative("horizon", horizon);
        ConfigException.requirePositive("tuningInstances", tuningInstances);
        ConfigException.requirePositive("batchSize", batchSize);
        ConfigException.requireInRange("threads", threads, 1, 64);
        if (learningRates == null || learningRates.isEmpty()) {
            throw new ConfigException("learningRates", "must list at least one learning rate");
        }
        for (int i = 0; i < learningRates.size(); i++) {
            Double rate = learningRates.get(i);
            if (rate == null || !(rate > 0) || rate.isInfinite()) {
                throw new ConfigException("learningRates[" + i + "]", "must be a positive number, got " + rate);
            }
        }
    }

    /** 10^(−4 + k/2) for k = 0 … 8: 1e-4, 3.16e-4, …, 1. */
    public static List<Double> defaultGrid() {
        List<Double> grid = new ArrayList<>();
        for (int k = 0; k <= 8; k++) {
            grid.add(Math.pow(10, -4 + k / 2.0));
        }
        return grid;
    }
}
