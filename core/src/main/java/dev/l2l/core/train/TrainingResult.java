package dev.l2l.core.train;

import java.util.List;

/**
 * The outcome of meta-training.
 *
 * @param metaLosses meta-loss of every meta-batch, in order (the meta-training curve)
 * @param optimizeeSteps optimizee steps taken (instances × steps)
 * @param seconds wall-clock seconds
 * @param metaUpdates meta-updates applied
 * @param skippedUpdates meta-updates skipped because the meta-gradient was not finite
 * @param resetInstances optimizee instances replaced by new ones because their loss or gradient diverged
 */
public record TrainingResult(List<Double> metaLosses, long optimizeeSteps, double seconds, int metaUpdates,
                             int skippedUpdates, int resetInstances) {

    /** Optimizee steps per second. */
    public double throughput() {
        return seconds > 0 ? optimizeeSteps / seconds : 0;
    }

    /** Seconds per meta-update. */
    public double secondsPerMetaUpdate() {
        int updates = metaUpdates + skippedUpdates;
        return updates > 0 ? seconds / updates : 0;
    }
}
