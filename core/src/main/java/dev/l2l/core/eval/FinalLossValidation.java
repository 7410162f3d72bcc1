package dev.l2l.core.eval;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.train.Validation;

/**
 * Scores φ as {@link LearningRateTuner} scores a learning rate: the mean loss at the horizon of the
 * optimizer's runs on the given instances (+∞ if any diverged).
 */
public final class FinalLossValidation implements Validation {

    private final Evaluator evaluator;
    private final long[] seeds;
    private final int horizon;

    public FinalLossValidation(Evaluator evaluator, long[] seeds, int horizon) {
        if (seeds.length == 0) {
            throw new IllegalArgumentException("validation needs at least one instance");
        }
        this.evaluator = evaluator;
        this.seeds = seeds.clone();
        this.horizon = horizon;
    }

    @Override
    public double score(LearnedOptimizer optimizer) {
        return LearningRateTuner.meanFinalLoss(evaluator.losses(new LearnedContender(optimizer), seeds, horizon), horizon);
    }
}
