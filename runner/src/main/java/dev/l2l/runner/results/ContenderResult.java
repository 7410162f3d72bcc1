package dev.l2l.runner.results;

import dev.l2l.core.eval.CurveSummary;

/**
 * One optimizer's evaluation, as written to {@code results.json}.
 *
 * @param name the registered name (e.g. {@code lstm}, {@code adam})
 * @param kind {@code learned} or {@code baseline}
 * @param learningRate the tuned learning rate of a baseline, {@code null} for a learned optimizer
 * @param meanCurve the mean loss at every step 0 … horizon
 * @param ciLowCurve the lower end of the 95% interval of the mean at every step
 * @param ciHighCurve the upper end of the 95% interval of the mean at every step
 */
public record ContenderResult(String name, String kind, Double learningRate, double finalLossMean,
                              double finalLossMedian, double[] finalLossCi95, double[] meanCurve,
                              double[] ciLowCurve, double[] ciHighCurve) {

    public static ContenderResult of(String name, String kind, Double learningRate, CurveSummary summary) {
        return new ContenderResult(name, kind, learningRate, summary.finalMean(), summary.finalMedian(),
                summary.finalCi95(), summary.mean(), summary.ciLow(), summary.ciHigh());
    }
}
