package dev.l2l.core.train;

import dev.l2l.core.LearnedOptimizer;

/**
 * Scores the optimizer's current φ during meta-training, on instances that meta-training never
 * sees; lower is better. With {@link TrainingSettings#selectEvery} set, {@link MetaTrainer} scores φ
 * at those points and ends with the best φ it scored instead of the last one.
 */
@FunctionalInterface
public interface Validation {

    /**
     * The score of {@code optimizer} with its φ as it is now (+∞ for a run that diverged). Must not
     * change φ.
     */
    double score(LearnedOptimizer optimizer);
}
