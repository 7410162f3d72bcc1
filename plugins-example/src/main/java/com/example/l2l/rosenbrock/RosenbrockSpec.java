package com.example.l2l.rosenbrock;

import dev.l2l.core.Task;
import dev.l2l.core.plugin.ConfigException;
import dev.l2l.core.plugin.TaskSpec;

/** {@code type: rosenbrock}: the chained Rosenbrock function from random starting points. */
public final class RosenbrockSpec implements TaskSpec {

    /** Number of coordinates (at least 2). */
    public int dimension = 2;
    /** Steepness b of the valley, b (θᵢ₊₁ − θᵢ²)². */
    public double steepness = 100.0;
    /** Standard deviation of the Gaussian start around (−1, 1, −1, …). */
    public double startSpread = 0.5;

    @Override
    public void validate() {
        if (dimension < 2) {
            throw new ConfigException("dimension", "must be at least 2, got " + dimension);
        }
        ConfigException.requirePositive("steepness", steepness);
        ConfigException.requireNonNegative("startSpread", startSpread);
    }

    @Override
    public Task create() {
        return seed -> new Rosenbrock(dimension, steepness, startSpread, seed);
    }
}
