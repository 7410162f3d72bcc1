package dev.l2l.core.testkit;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Rollout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Random;

/**
 * Contract checks for a {@link LearnedOptimizer}, for plugin authors' tests. The optimizer must be
 * built in double precision. Each check throws {@link AssertionError} on failure.
 */
public final class LearnedOptimizerContract {

    private LearnedOptimizerContract() {
    }

    /**
     * Checks {@link Rollout#backwardStep} against central finite differences: over {@code steps}
     * steps with fixed random gradients ∇ₜ and weights cₜ, the scalar S = Σₜ ⟨cₜ, gₜ⟩ is
     * differentiated with respect to φ and to every ∇ₜ.
     */
    public static void checkBackward(LearnedOptimizer optimizer, int coordinates, int steps, long seed, double tolerance) {
        checkBackward(optimizer, coordinates, steps, seed, Integer.MAX_VALUE, tolerance);
    }

    /**
     * As {@link #checkBackward(LearnedOptimizer, int, int, long, double)}, differencing at most
     * {@code maxParameters} entries of φ, drawn at random (for large optimizers).
     */
    public static void checkBackward(LearnedOptimizer optimizer, int coordinates, int steps, long seed,
                                     int maxParameters, double tolerance) {
        FiniteDifferences.requireDouble(optimizer.parameters());
        Random random = new Random(seed);
        INDArray[] gradients = new INDArray[steps];
        INDArray[] weights = new INDArray[steps];
        for (int t = 0; t < steps; t++) {
            gradients[t] = RecurrentCellContract.gaussian(random, 1.0, 1, coordinates);
            weights[t] = RecurrentCellContract.gaussian(random, 1.0, 1, coordinates);
        }
        java.util.function.DoubleSupplier objective = () -> weightedUpdates(optimizer, gradients, weights);

        INDArray parameterGradient = Nd4j.zeros(DataType.DOUBLE, optimizer.parameters().length());
        INDArray[] gradientAdjoints = new INDArray[steps];
        try (Rollout rollout = optimizer.newRollout(coordinates, true)) {
            INDArray update = Nd4j.zeros(DataType.DOUBLE, 1, coordinates);
            for (INDArray gradient : gradients) {
                rollout.step(gradient, update);
            }
            for (int t = steps - 1; t >= 0; t--) {
                gradientAdjoints[t] = Nd4j.zeros(DataType.DOUBLE, 1, coordinates);
                rollout.backwardStep(weights[t], gradientAdjoints[t], parameterGradient);
            }
        }
        int[] checked = FiniteDifferences.sample((int) optimizer.parameters().length(), maxParameters, random);
        FiniteDifferences.assertClose("∂S/∂φ", FiniteDifferences.select(parameterGradient.toDoubleVector(), checked),
                FiniteDifferences.gradient(optimizer.parameters(), checked, objective), tolerance);
        for (int t = 0; t < steps; t++) {
            FiniteDifferences.assertClose("∂S/∂∇ at step " + t, gradientAdjoints[t].toDoubleVector(),
                    FiniteDifferences.gradient(gradients[t], objective), tolerance);
        }
    }

    /**
     * Checks that a recording rollout, truncated every {@code truncation} steps, produces the same
     * updates as a rollout that does not record, and that two rollouts agree exactly (determinism).
     */
    public static void checkTruncationKeepsState(LearnedOptimizer optimizer, int coordinates, int steps, int truncation,
                                                 long seed) {
        Random random = new Random(seed);
        INDArray[] gradients = new INDArray[steps];
        for (int t = 0; t < steps; t++) {
            gradients[t] = RecurrentCellContract.gaussian(random, 1.0, 1, coordinates).castTo(optimizer.dataType());
        }
        double[][] plain = updates(optimizer, gradients, false, truncation);
        double[][] again = updates(optimizer, gradients, false, truncation);
        double[][] truncated = updates(optimizer, gradients, true, truncation);
        for (int t = 0; t < steps; t++) {
            if (!Arrays.equals(plain[t], again[t])) {
                throw new AssertionError("two rollouts from the same state differ at step " + t);
            }
            if (!Arrays.equals(plain[t], truncated[t])) {
                throw new AssertionError("a recording rollout truncated every " + truncation
                        + " steps differs from a plain one at step " + t);
            }
        }
    }

    private static double[][] updates(LearnedOptimizer optimizer, INDArray[] gradients, boolean record, int truncation) {
        int coordinates = (int) gradients[0].length();
        double[][] result = new double[gradients.length][];
        try (Rollout rollout = optimizer.newRollout(coordinates, record)) {
            INDArray update = Nd4j.zeros(optimizer.dataType(), 1, coordinates);
            for (int t = 0; t < gradients.length; t++) {
                rollout.step(gradients[t], update);
                result[t] = update.toDoubleVector();
                if ((t + 1) % truncation == 0) {
                    rollout.truncate();
                }
            }
        }
        return result;
    }

    private static double weightedUpdates(LearnedOptimizer optimizer, INDArray[] gradients, INDArray[] weights) {
        int coordinates = (int) gradients[0].length();
        double total = 0;
        try (Rollout rollout = optimizer.newRollout(coordinates, false)) {
            INDArray update = Nd4j.zeros(DataType.DOUBLE, 1, coordinates);
            for (int t = 0; t < gradients.length; t++) {
                rollout.step(gradients[t], update);
                total += weights[t].mul(update).sumNumber().doubleValue();
            }
        }
        return total;
    }
}
