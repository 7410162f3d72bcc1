package dev.l2l.core.train;

import dev.l2l.core.plugin.ComponentSpec;
import dev.l2l.core.plugin.ConfigException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.PolySchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Settings of meta-training by truncated BPTT (the {@code training:} section of an experiment).
 * Public fields with their defaults, bound from YAML by the runner.
 */
public final class TrainingSettings implements ComponentSpec {

    /** Number of meta-batches; each is optimized along the whole horizon, giving ⌈horizon/unroll⌉ meta-updates. */
    public int metaBatches = 200;
    /** Optimizee instances per meta-batch, stacked into one coordinate matrix. */
    public int metaBatchSize = 64;
    /** Optimizee steps per instance. */
    public int horizon = 100;
    /** Steps per truncation: the length of one BPTT unroll, and of one meta-update. */
    public int unroll = 20;
    /** Adam's learning rate on φ. */
    public double learningRate = 0.003;
    /** How Adam's learning rate on φ evolves: {@code constant}, or {@code linear} decay to 0 over the whole run. */
    public String learningRateSchedule = "constant";
    /** Largest allowed ℓ2 norm of the meta-gradient (rescaled above it); 0 turns clipping off. */
    public double clipNorm = 1.0;
    /** Keep ∂∇/∂φ through Hessian-vector products (exact meta-gradient) instead of the paper's first-order one. */
    public boolean secondOrder = false;
    /**
     * Weights wₜ of the losses in the meta-loss: {@code uniform} (wₜ = 1, the paper's), {@code last}
     * (only each truncation's last step), or {@code linear}, wₜ = 2t / (horizon + 1) for the loss
     * after step t: rising from ≈0 to ≈2 with mean 1 over the horizon, so that the late steps, where
     * an optimizer is judged, weigh most.
     */
    public String stepWeights = "uniform";
    /**
     * What each instance's loss contributes at each step: {@code loss}, f(θₜ) itself (the paper's), or
     * {@code log}, log f(θₜ), under which a step that lowers the loss by a given factor counts the same
     * late in the run as early (for positive losses; values below 1e-30 are taken as 1e-30).
     */
    public String metaLoss = "loss";
    /** Arithmetic of the optimizer and of the optimizees: {@code float} (fast) or {@code double}. */
    public String precision = "float";
    /**
     * Threads computing shards of a meta-batch in parallel. Results are deterministic for a given
     * value; another value sums the shards' meta-gradients in another grouping, which can change
     * the last digits.
     */
    public int threads = 2;
    /**
     * Score φ on held-out instances every this many meta-batches (and after the last) and end with
     * the best φ scored instead of the last one; 0 (the default) keeps the last φ. The runner scores
     * with the loss at the evaluation horizon, averaged over the tuning instances that the baselines'
     * learning rates are tuned on (never the evaluation instances).
     */
    public int selectEvery = 0;
    /**
     * Polyak averaging of φ: after every meta-update φ̄ ← d·φ̄ + (1 − d)·φ with d = averageDecay,
     * from the initial φ; selection scores φ̄, and the run ends with φ̄ (or the best φ̄ scored)
     * instead of φ. 0 (the default) turns it off; d = 0.95 averages over about the last 20
     * meta-updates.
     */
    public double averageDecay = 0;
    /** Save a checkpoint every this many meta-batches (0: only at the end). */
    public int checkpointEvery = 50;
    /** Print a progress line every this many meta-batches (0: never). */
    public int logEvery = 20;

    @Override
    public void validate() {
        ConfigException.requirePositive("metaBatches", metaBatches);
        ConfigException.requirePositive("metaBatchSize", metaBatchSize);
        ConfigException.requirePositive("horizon", horizon);
        ConfigException.requirePositive("unroll", unroll);
        if (unroll > horizon) {
            throw new ConfigException("unroll", "must not exceed horizon (" + horizon + "), got " + unroll);
        }
        ConfigException.requirePositive("learningRate", learningRate);
        ConfigException.requireNonNegative("clipNorm", clipNorm);
        if (!learningRateSchedule.equals("constant") && !learningRateSchedule.equals("linear")) {
            throw new ConfigException("learningRateSchedule", "must be 'constant' or 'linear', got '" + learningRateSchedule + "'");
        }
        ConfigException.requireNonNegative("logEvery", logEvery);
        ConfigException.requireNonNegative("checkpointEvery", checkpointEvery);
        ConfigException.requireNonNegative("selectEvery", selectEvery);
        ConfigException.requireInRange("threads", threads, 1, 64);
        if (!(averageDecay >= 0 && averageDecay < 1)) {
            throw new ConfigException("averageDecay", "must be in [0, 1) (0: no averaging), got " + averageDecay);
        }
        if (!stepWeights.equals("uniform") && !stepWeights.equals("last") && !stepWeights.equals("linear")) {
            throw new ConfigException("stepWeights", "must be 'uniform', 'last' or 'linear', got '" + stepWeights + "'");
        }
        if (!metaLoss.equals("loss") && !metaLoss.equals("log")) {
            throw new ConfigException("metaLoss", "must be 'loss' or 'log', got '" + metaLoss + "'");
        }
        dataType();
    }

    /** The smallest loss that {@code metaLoss: log} takes the logarithm of. */
    private static final double SMALLEST_LOSS = 1e-30;

    /** The meta-loss term of one instance's loss {@code f} at one step: f, or log f. */
    public double metaLossTerm(double f) {
        return metaLoss.equals("log") ? Math.log(Math.max(f, SMALLEST_LOSS)) : f;
    }

    /** d(term)/df at {@code f}: 1, or 1/f; the factor on ∇f in the meta-gradient. */
    public double metaLossSlope(double f) {
        return metaLoss.equals("log") ? (f > SMALLEST_LOSS ? 1 / f : 0) : 1;
    }

    /** Adam on φ with the configured learning rate and schedule, over {@code metaUpdates} updates. */
    public Adam metaOptimizer(int metaUpdates) {
        return learningRateSchedule.equals("linear")
                ? new Adam(new PolySchedule(ScheduleType.ITERATION, learningRate, 1.0, Math.max(1, metaUpdates)))
                : new Adam(learningRate);
    }

    /** Number of meta-updates of a whole run: ⌈horizon/unroll⌉ per meta-batch. */
    public int metaUpdates() {
        return metaBatches * ((horizon + unroll - 1) / unroll);
    }

    /** The ND4J data type named by {@link #precision}. */
    public DataType dataType() {
        return switch (precision) {
            case "float" -> DataType.FLOAT;
            case "double" -> DataType.DOUBLE;
            default -> throw new ConfigException("precision", "must be 'float' or 'double', got '" + precision + "'");
        };
    }

    /**
     * Weight of the loss after the step at position {@code s} (0-based) of a truncation of
     * {@code length} steps that starts after {@code start} optimizee steps: the loss after step
     * {@code start + s + 1}.
     */
    public double stepWeight(int start, int s, int length) {
        return switch (stepWeights) {
            case "last" -> s == length - 1 ? 1.0 : 0.0;
            case "linear" -> 2.0 * (start + s + 1) / (horizon + 1);
            default -> 1.0;
        };
    }
}
