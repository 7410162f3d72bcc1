package dev.l2l.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * Everything meta-training needs to continue where it stopped: the position (meta-batches done),
 * φ, the meta-optimizer's state and step count, and the counters and curve so far. Instance seeds
 * are a function of the experiment seed and the meta-batch index, so the position is the whole of
 * the random streams. A run resumed from this ends with the same numbers as one never interrupted.
 *
 * @param resetInstances instances replaced because their loss or gradient diverged
 * @param phi φ (live when handed to a listener: copy it to keep it)
 * @param metaOptimizerState Adam's moments (live when handed to a listener), or {@code null}
 * @param seconds meta-training wall-clock time so far, over all sessions (φ selection included)
 * @param validationSeconds of {@code seconds}, the time spent scoring φ for selection
 * @param selected the best φ scored so far when φ is selected by validation, else {@code null}
 * @param averagePhi the running average φ̄ with {@link TrainingSettings#averageDecay} &gt; 0 (live
 *     when handed to a listener), else {@code null}
 */
public record TrainingProgress(int completedBatches, long optimizeeSteps, int metaUpdates, int skippedUpdates,
                               int resetInstances,
                               List<Double> metaLosses, INDArray phi, INDArray metaOptimizerState,
                               int metaOptimizerIteration, double seconds, double validationSeconds,
                               SelectedPhi selected, INDArray averagePhi) {

    /** A copy whose arrays are its own: what a listener keeps past the call that handed it this. */
    public TrainingProgress copy() {
        SelectedPhi selectedCopy = selected == null ? null
                : new SelectedPhi(selected.completedBatches(), selected.score(), selected.phi().dup());
        return new TrainingProgress(completedBatches, optimizeeSteps, metaUpdates, skippedUpdates, resetInstances,
                List.copyOf(metaLosses), phi.dup(), metaOptimizerState == null ? null : metaOptimizerState.dup(),
                metaOptimizerIteration, seconds, validationSeconds, selectedCopy,
                averagePhi == null ? null : averagePhi.dup());
    }
}
