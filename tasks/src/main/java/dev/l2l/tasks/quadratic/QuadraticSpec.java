package dev.l2l.tasks.quadratic;

import dev.l2l.core.Task;
import dev.l2l.core.plugin.ConfigException;
import dev.l2l.core.plugin.TaskSpec;

/** Configuration of {@code type: quadratic}; the defaults are the paper's. */
public final class QuadraticSpec implements TaskSpec {

    /** d: the size of θ, y and of the square W. */
    public int dimension = 10;
    /** Distribution of the entries of W and y: {@code gaussian} (N(0, scale²), the paper's) or {@code uniform} (U(−scale, scale), DeepMind's code). */
    public String distribution = "gaussian";
    /** Scale of the entries of W. */
    public double wScale = 1.0;
    /** Scale of the entries of y. */
    public double yScale = 1.0;
    /** Standard deviation of the Gaussian entries of θ₀. */
    public double thetaScale = 1.0;

    @Override
    public void validate() {
        ConfigException.requirePositive("dimension", dimension);
        if (!distribution.equals("gaussian") && !distribution.equals("uniform")) {
            throw new ConfigException("distribution", "must be 'gaussian' or 'uniform', got '" + distribution + "'");
        }
        ConfigException.requirePositive("wScale", wScale);
        ConfigException.requireNonNegative("yScale", yScale);
        ConfigException.requireNonNegative("thetaScale", thetaScale);
    }

    @Override
    public Task create() {
        return new QuadraticTask(this);
    }
}
