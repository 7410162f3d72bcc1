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
 * @param validationSeconds of {@code seconds}, the time spent scoring φ for selection
 * @param selectedBatch when φ is selected by validation: the meta-batches done when the chosen φ
 *                      was scored; 0 without selection
 * @param selectedScore the chosen φ's validation score (NaN without selection)
 */
public record TrainingResult(List<Double> metaLosses, long optimizeeSteps, double seconds, int metaUpdates,
                             int skippedUpdates, int resetInstances, double validationSeconds, int selectedBatch,
                             double selectedScore) {

    /** Optimizee steps per second of meta-training proper (validation excluded). */
    public double throughput() {
        double training = seconds - validationSeconds;
        return training > 0 ? optimizeeSteps / training : 0;
    }

    /** Seconds per meta-update (validation excluded). */
    public double secondsPerMetaUpdate() {
        int updates = metaUpdates + skippedUpdates;
        return updates > 0 ? (seconds - validationSeconds) / updates : 0;
    }

    /** Whether φ was selected by validation. */
    public boolean selected() {
        return selectedBatch > 0;
    }
}
