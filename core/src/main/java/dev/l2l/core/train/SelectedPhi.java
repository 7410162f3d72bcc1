package dev.l2l.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The best φ that {@link Validation} has scored so far in a meta-training run.
 *
 * @param completedBatches meta-batches done when this φ was scored
 * @param score its validation score
 * @param phi a copy of φ at that point (live when handed to a listener: copy it to keep it)
 */
public record SelectedPhi(int completedBatches, double score, INDArray phi) {
}
