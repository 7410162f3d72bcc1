package dev.l2l.core.eval;

import dev.l2l.core.plugin.BaselineSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Tunes a baseline's learning rate per task: every rate of the grid is run on the tuning instances
 * and the one with the lowest mean final loss wins (ties go to the first in the grid; a run that
 * diverges scores +∞).
 */
public final class LearningRateTuner {

    private final Evaluator evaluator;
    private final long[] seeds;
    private final int horizon;

    public LearningRateTuner(Evaluator evaluator, long[] tuningSeeds, int horizon) {
        this.evaluator = evaluator;
        this.seeds = tuningSeeds.clone();
        this.horizon = horizon;
    }

    /** The result of tuning one baseline. */
    public record Tuned(double learningRate, double score, List<double[]> grid) {
    }

    /** Tunes {@code baseline} over {@code learningRates}. */
    public Tuned tune(BaselineSpec baseline, List<Double> learningRates) {
        return tune(baseline, learningRates, () -> {
        });
    }

    /** Tunes {@code baseline} over {@code learningRates}, calling {@code afterEach} after every rate. */
    public Tuned tune(BaselineSpec baseline, List<Double> learningRates, Runnable afterEach) {
        double best = Double.NaN;
        double bestScore = Double.POSITIVE_INFINITY;
        List<double[]> grid = new ArrayList<>();
        for (double rate : learningRates) {
            double score = meanFinalLoss(
                    evaluator.losses(new BaselineContender(() -> baseline.updater(rate)), seeds, horizon), horizon);
            grid.add(new double[] {rate, score});
            afterEach.run();
            if (score < bestScore || Double.isNaN(best)) {
                best = rate;
                bestScore = score;
            }
        }
        return new Tuned(best, bestScore, grid);
    }

    /** The mean over runs of the loss at {@code horizon}; +∞ if it is not finite. */
    static double meanFinalLoss(double[][] losses, int horizon) {
        double score = 0;
        for (double[] curve : losses) {
            score += curve[horizon] / losses.length;
        }
        return Double.isFinite(score) ? score : Double.POSITIVE_INFINITY;
    }
}
