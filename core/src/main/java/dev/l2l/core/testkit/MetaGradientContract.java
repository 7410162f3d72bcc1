package dev.l2l.core.testkit;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Optimizee;
import dev.l2l.core.Rollout;
import dev.l2l.core.train.MetaGradient;
import dev.l2l.core.train.StackedProblem;
import dev.l2l.core.train.TrainingSettings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Checks the whole meta-gradient ∂L/∂φ of one truncation, as {@link MetaGradient} computes it,
 * against central finite differences in double precision.
 *
 * <ul>
 *   <li>Second order: L(φ) = (1/B) Σₛ wₛ Σ_b ℓ(f_b(θₛ(φ))) itself is differentiated (ℓ: the
 *       identity, or log for {@code metaLoss: log}).</li>
 *   <li>First order (∂∇/∂φ = 0): the finite differences are taken of the surrogate
 *       (1/B) Σₛ wₛ ⟨cₛ, θₛ(φ)⟩, where the optimizer is fed the gradients of the unperturbed
 *       trajectory and cₛ are those gradients, each instance's part times ℓ'(f_b(θₛ)): the
 *       function whose exact gradient the first-order meta-gradient is.</li>
 * </ul>
 */
public final class MetaGradientContract {

    private MetaGradientContract() {
    }

    /**
     * Runs the check; {@code settings.horizon} must equal {@code settings.unroll} (one truncation).
     *
     * @return the relative error found, ‖analytic − numeric‖ / max(‖analytic‖, ‖numeric‖)
     */
    public static double check(LearnedOptimizer optimizer, List<Optimizee> instances, TrainingSettings settings,
                             double tolerance) {
        FiniteDifferences.requireDouble(optimizer.parameters());
        if (settings.horizon != settings.unroll) {
            throw new IllegalArgumentException("check one truncation: horizon must equal unroll");
        }
        StackedProblem problem = new StackedProblem(instances);
        INDArray analytic = Nd4j.zeros(DataType.DOUBLE, optimizer.parameters().length());
        try (MetaGradient unroll = new MetaGradient(problem, optimizer, settings)) {
            unroll.nextTruncation(analytic);
        }
        double[] numeric;
        if (settings.secondOrder) {
            numeric = FiniteDifferences.gradient(optimizer.parameters(), () -> metaLoss(optimizer, problem, settings));
        } else {
            INDArray[][] frozen = baseGradients(optimizer, problem, settings);
            numeric = FiniteDifferences.gradient(optimizer.parameters(),
                    () -> surrogate(optimizer, problem, settings, frozen[0], frozen[1]));
        }
        FiniteDifferences.assertClose((settings.secondOrder ? "second" : "first") + "-order meta-gradient",
                analytic.toDoubleVector(), numeric, tolerance);
        return FiniteDifferences.relativeError(analytic.toDoubleVector(), numeric);
    }

    private static double metaLoss(LearnedOptimizer optimizer, StackedProblem problem, TrainingSettings settings) {
        int n = problem.coordinates();
        double[] losses = new double[problem.size()];
        INDArray theta = Nd4j.zeros(DataType.DOUBLE, 1, n);
        INDArray gradient = Nd4j.zeros(DataType.DOUBLE, 1, n);
        INDArray update = Nd4j.zeros(DataType.DOUBLE, 1, n);
        double total = 0;
        try (Rollout rollout = optimizer.newRollout(problem.layout(), false)) {
            problem.initialParameters(theta);
            problem.lossAndGradient(0, theta, gradient, losses);
            for (int s = 0; s < settings.unroll; s++) {
                rollout.step(gradient, update);
                theta.addi(update);
                problem.lossAndGradient(s + 1, theta, gradient, losses);
                for (double loss : losses) {
                    total += settings.stepWeight(0, s, settings.unroll) * settings.metaLossTerm(loss) / problem.size();
                }
            }
        }
        return total;
    }

    /**
     * ∇f(θₛ) along the unperturbed trajectory, s = 0 … unroll; from s = 1 on each instance's part
     * times ℓ'(f(θₛ)), the factor of the meta-loss term (1 for {@code metaLoss: loss}).
     */
    private static INDArray[][] baseGradients(LearnedOptimizer optimizer, StackedProblem problem, TrainingSettings settings) {
        int n = problem.coordinates();
        double[] losses = new double[problem.size()];
        INDArray theta = Nd4j.zeros(DataType.DOUBLE, 1, n);
        INDArray update = Nd4j.zeros(DataType.DOUBLE, 1, n);
        INDArray[] gradients = new INDArray[settings.unroll + 1];
        INDArray[] weightedBySlope = new INDArray[settings.unroll + 1];
        try (Rollout rollout = optimizer.newRollout(problem.layout(), false)) {
            problem.initialParameters(theta);
            gradients[0] = Nd4j.zeros(DataType.DOUBLE, 1, n);
            problem.lossAndGradient(0, theta, gradients[0], losses);
            for (int s = 0; s < settings.unroll; s++) {
                rollout.step(gradients[s], update);
                theta.addi(update);
                gradients[s + 1] = Nd4j.zeros(DataType.DOUBLE, 1, n);
                problem.lossAndGradient(s + 1, theta, gradients[s + 1], losses);
                weightedBySlope[s + 1] = gradients[s + 1].dup();
                INDArray[] parts = problem.viewsOf(weightedBySlope[s + 1]);
                for (int b = 0; b < parts.length; b++) {
                    parts[b].muli(settings.metaLossSlope(losses[b]));
                }
            }
        }
        return new INDArray[][] {gradients, weightedBySlope};
    }

    private static double surrogate(LearnedOptimizer optimizer, StackedProblem problem, TrainingSettings settings,
                                    INDArray[] frozen, INDArray[] termGradients) {
        int n = problem.coordinates();
        INDArray theta = Nd4j.zeros(DataType.DOUBLE, 1, n);
        INDArray update = Nd4j.zeros(DataType.DOUBLE, 1, n);
        double total = 0;
        try (Rollout rollout = optimizer.newRollout(problem.layout(), false)) {
            problem.initialParameters(theta);
            for (int s = 0; s < settings.unroll; s++) {
                rollout.step(frozen[s], update);
                theta.addi(update);
                total += settings.stepWeight(0, s, settings.unroll) * termGradients[s + 1].mul(theta).sumNumber().doubleValue()
                        / problem.size();
            }
        }
        return total;
    }
}
