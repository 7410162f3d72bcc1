package dev.l2l.core.train;

/**
 * What one meta-batch did.
 *
 * @param index 0-based index of the meta-batch
 * @param total number of meta-batches in the run
 * @param metaLoss mean over the batch's instances of Σₜ wₜ f(θₜ) along the whole horizon
 * @param finalLoss mean loss of the batch's instances at the last step
 * @param skippedUpdates meta-updates skipped so far because the meta-gradient was not finite
 * @param resetInstances instances replaced so far because they diverged
 * @param optimizeeSteps optimizee steps so far (instances × steps)
 * @param seconds wall-clock seconds of meta-training so far (scoring φ for selection excluded)
 */
public record MetaBatchReport(int index, int total, double metaLoss, double finalLoss, int skippedUpdates,
                              int resetInstances,
                              long optimizeeSteps, double seconds) {

    /** Optimizee steps per second so far. */
    public double throughput() {
        return seconds > 0 ? optimizeeSteps / seconds : 0;
    }
}
