package dev.l2l.runner.results;

import dev.l2l.core.eval.CurveSummary;
import dev.l2l.core.eval.PairedDifference;

/**
 * One optimizer's evaluation, as written to {@code results.json}.
 *
 * @param name the registered name (e.g. {@code lstm}, {@code adam})
 * @param kind {@code learned} or {@code baseline}
 * @param learningRate the tuned learning rate of a baseline, {@code null} for a learned optimizer
 * @param tuningLoss the mean loss at the horizon on the tuning instances: a baseline's score at its
 *                   tuned rate, or the validation score of a learned optimizer's selected φ;
 *                   {@code null} for a learned optimizer without φ selection
 * @param learnedMinusThis for a baseline, the learned optimizer's final loss minus this one's,
 *                         paired over the same evaluation instances; {@code null} for the learned optimizer
 * @param meanCurve the mean loss at every step 0 … horizon
 * @param ciLowCurve the lower end of the 95% interval of the mean at every step
 * @param ciHighCurve the upper end of the 95% interval of the mean at every step
 */
public record ContenderResult(String name, String kind, Double learningRate, Double tuningLoss, double finalLossMean,
                              double finalLossMedian, double[] finalLossCi95, PairedDifference learnedMinusThis,
                              double[] meanCurve, double[] ciLowCurve, double[] ciHighCurve) {

    /** A result without a paired comparison (the learned optimizer's own). */
    public static ContenderResult of(String name, String kind, Double learningRate, Double tuningLoss,
                                     CurveSummary summary) {
        return of(name, kind, learningRate, tuningLoss, summary, null);
    }

    /** @param learnedMinusThis the paired difference to the learned optimizer, or {@code null} */
    public static ContenderResult of(String name, String kind, Double learningRate, Double tuningLoss,
                                     CurveSummary summary, PairedDifference learnedMinusThis) {
        return new ContenderResult(name, kind, learningRate, tuningLoss, summary.finalMean(), summary.finalMedian(),
                summary.finalCi95(), learnedMinusThis, summary.mean(), summary.ciLow(), summary.ciHigh());
    }
}
