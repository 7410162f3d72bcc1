package dev.l2l.core.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Statistics of a set of loss curves (one per instance): at every step the mean, the median and a
 * 95% confidence interval of the mean. The interval is a percentile bootstrap (2,000 resamples of
 * the instances, drawn from a fixed seed, so it is reproducible): losses are skewed and bounded
 * below, where mean ± 1.96·s/√n would be symmetric and can go negative. A non-finite loss (a
 * diverged run) makes the mean at that step non-finite: it is not hidden.
 */
public record CurveSummary(double[] mean, double[] median, double[] ciLow, double[] ciHigh, int instances) {

    private static final int RESAMPLES = 2000;
    private static final long BOOTSTRAP_SEED = 0x5eedL;

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
            double[] interval = bootstrap(column, new SplittableRandom(BOOTSTRAP_SEED + t));
            Arrays.sort(column);
            mean[t] = sum / n;
            median[t] = n % 2 == 1 ? column[n / 2] : 0.5 * (column[n / 2 - 1] + column[n / 2]);
            low[t] = interval[0];
            high[t] = interval[1];
        }
        return new CurveSummary(mean, median, low, high, n);
    }

    /** The 2.5% and 97.5% percentiles of the means of resamples of {@code values}. */
    static double[] bootstrap(double[] values, SplittableRandom random) {
        int n = values.length;
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        return new double[] {means[(int) Math.floor(0.025 * (RESAMPLES - 1))], means[(int) Math.ceil(0.975 * (RESAMPLES - 1))]};
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
