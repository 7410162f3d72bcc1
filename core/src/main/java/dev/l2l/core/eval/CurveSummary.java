package dev.l2l.core.eval;

import java.util.Arrays;

/**
 * Statistics of a set of loss curves (one per instance): the mean curve, and the mean, median and
 * 95% confidence interval of the mean (normal approximation, mean ± 1.96·s/√n) at every step.
 * A non-finite loss (a diverged run) makes the mean at that step non-finite: it is not hidden.
 */
public record CurveSummary(double[] mean, double[] median, double[] ciLow, double[] ciHigh, int instances) {

    /** Summarises {@code losses[i][t]}. */
    public static CurveSummary of(double[][] losses) {
        int n = losses.length;
        int steps = losses[0].length;
        double[] mean = new double[steps];
        double[] median = new double[steps];
        double[] low = new double[steps];
        double[] high = new double[steps];
        double[] column = new double[n];
        for (int t = 0; t < steps; t++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                column[i] = losses[i][t];
                sum += column[i];
            }
            double m = sum / n;
            double squares = 0;
            for (double v : column) {
                squares += (v - m) * (v - m);
            }
            double halfWidth = n > 1 ? 1.96 * Math.sqrt(squares / (n - 1)) / Math.sqrt(n) : 0;
            Arrays.sort(column);
            mean[t] = m;
            median[t] = n % 2 == 1 ? column[n / 2] : 0.5 * (column[n / 2 - 1] + column[n / 2]);
            low[t] = m - halfWidth;
            high[t] = m + halfWidth;
        }
        return new CurveSummary(mean, median, low, high, n);
    }

    /** Index of the last step. */
    public int lastStep() {
        return mean.length - 1;
    }

    public double finalMean() {
        return mean[lastStep()];
    }

    public double finalMedian() {
        return median[lastStep()];
    }

    /** The 95% interval of the final mean, [low, high]. */
    public double[] finalCi95() {
        return new double[] {ciLow[lastStep()], ciHigh[lastStep()]};
    }
}
