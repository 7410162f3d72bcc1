package dev.l2l.core.eval;

import java.util.SplittableRandom;

/**
 * The difference between two optimizers' final losses on the same instances, paired instance by
 * instance: the mean of a − b, a 95% percentile-bootstrap interval of that mean (2,000 resamples
 * of the instances from a fixed seed, as in {@link CurveSummary}), and on how many instances a
 * ended lower. Pairing removes what the instances have in common (an easy instance is easy for
 * both), so the interval of the difference is usually far narrower than the two intervals of the
 * means would suggest: two overlapping intervals of the mean do not make a tie. A non-finite loss
 * makes the mean and the interval non-finite.
 *
 * @param mean the mean of a − b over the instances
 * @param ciLow the lower end of the 95% interval of that mean
 * @param ciHigh the upper end
 * @param lowerOn the instances on which a's loss is below b's
 * @param instances the number of instances
 */
public record PairedDifference(double mean, double ciLow, double ciHigh, int lowerOn, int instances) {

    private static final long BOOTSTRAP_SEED = 0x9a12edL;

    /** The paired difference {@code a[i] − b[i]}; both arrays hold one final loss per instance. */
    public static PairedDifference of(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("need the same positive number of instances, got " + a.length
                    + " and " + b.length);
        }
        double[] differences = new double[a.length];
        double sum = 0;
        int lowerOn = 0;
        for (int i = 0; i < a.length; i++) {
            differences[i] = a[i] - b[i];
            sum += differences[i];
            if (a[i] < b[i]) {
                lowerOn++;
            }
        }
        double[] interval = CurveSummary.bootstrap(differences, new SplittableRandom(BOOTSTRAP_SEED));
        return new PairedDifference(sum / a.length, interval[0], interval[1], lowerOn, a.length);
    }

    /** The last column of {@code losses[i][t]}: each instance's loss at the last step. */
    public static double[] finalLosses(double[][] losses) {
        double[] last = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            last[i] = losses[i][losses[i].length - 1];
        }
        return last;
    }
}
