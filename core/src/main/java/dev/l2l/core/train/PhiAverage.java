package dev.l2l.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.function.DoubleSupplier;

/**
 * Polyak averaging of φ during meta-training: an exponential moving average φ̄ ← d·φ̄ + (1 − d)·φ
 * taken after every applied meta-update, starting from the initial φ. Meta-training keeps
 * stepping φ itself; φ̄ is what is scored for selection and what the run ends with. The
 * meta-gradient of a few instances is noisy, so late in a run φ wanders around a good region; the
 * average sits nearer its middle than any one iterate.
 */
final class PhiAverage implements AutoCloseable {

    private final double decay;
    private final INDArray average;
    private final INDArray scratch;

    /** Starts the average at {@code phi}'s present value. */
    PhiAverage(INDArray phi, double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1), got " + decay);
        }
        this.decay = decay;
        this.average = phi.dup();
        this.scratch = phi.dup();
    }

    /** Folds φ after a meta-update into the average. */
    void update(INDArray phi) {
        average.muli(decay).addi(scratch.assign(phi).muli(1 - decay));
    }

    /** The average (live: copy it to keep it). */
    INDArray values() {
        return average;
    }

    /** Replaces the average by a saved one (a checkpoint's). */
    void restore(INDArray saved) {
        if (saved.length() != average.length()) {
            throw new IllegalArgumentException("the checkpoint's averaged φ has " + saved.length()
                    + " entries, this optimizer " + average.length());
        }
        average.assign(saved.reshape(average.shape()).castTo(average.dataType()));
    }

    /** Runs {@code work} with {@code phi} holding the average, then puts φ back as it was. */
    double withAverage(INDArray phi, DoubleSupplier work) {
        scratch.assign(phi);
        phi.assign(average);
        try {
            return work.getAsDouble();
        } finally {
            phi.assign(scratch);
        }
    }

    @Override
    public void close() {
        average.close();
        scratch.close();
    }
}
