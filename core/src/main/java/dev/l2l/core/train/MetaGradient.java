package dev.l2l.core.train;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Optimizee;
import dev.l2l.core.Rollout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Truncated BPTT over one stacked meta-batch (DESIGN.md §1): runs the learned optimizer along the
 * horizon, one truncation at a time, and after each truncation computes ∂L/∂φ of that
 * truncation's meta-loss L = κ Σₛ wₛ Σ_b ℓ(f_b(θₛ)), where κ is the weight of one instance (1/B for a
 * meta-batch of B instances; a shard of a larger meta-batch uses the whole batch's 1/B) and ℓ is
 * the identity or log ({@link TrainingSettings#metaLoss}).
 *
 * <p>The backward pass carries the adjoint a of θ from the last step to the first:
 * a ← a + κwₛℓ'(f_b)∇f_b(θₛ) for the loss term, then aₛ₋₁ = ∂L/∂gₛ₋₁ = a (θₛ = θₛ₋₁ + gₛ₋₁) is fed to the
 * optimizer's backward step. In first-order mode this is the paper's suffix sum of gradients. In
 * second-order mode the optimizer also returns ∂L/∂∇ₛ₋₁, and a gains Hₛ₋₁ · ∂L/∂∇ₛ₋₁ (a
 * Hessian-vector product), which is the exact meta-gradient.
 *
 * <p>All buffers are allocated once per meta-batch; θ and the optimizer state carry over from one
 * truncation to the next, detached.
 */
public final class MetaGradient implements AutoCloseable {

    private final StackedProblem problem;
    private final TrainingSettings settings;
    private final Rollout rollout;
    private final INDArray theta;
    private final INDArray[] gradients;
    private final INDArray[] thetas;
    private final INDArray update;
    private final INDArray adjoint;
    private final INDArray weighted;
    private final INDArray gradientAdjoint;
    private final INDArray hessianProduct;
    private final double[] losses;
    /** ℓ'(f_b(θₛ₊₁)) of each step s of the current truncation and instance b (for {@code metaLoss: log}). */
    private final double[][] slopes;
    private final double instanceWeight;
    private final java.util.SortedSet<Integer> diverged = new java.util.TreeSet<>();
    private int step;

    /** A meta-batch of its own: κ = 1/B. */
    public MetaGradient(StackedProblem problem, LearnedOptimizer optimizer, TrainingSettings settings) {
        this(problem, optimizer, settings, 1.0 / problem.size());
    }

    /**
     * @param instanceWeight κ, the weight of each instance's losses in the meta-loss
     */
    public MetaGradient(StackedProblem problem, LearnedOptimizer optimizer, TrainingSettings settings,
                        double instanceWeight) {
        this.problem = problem;
        this.settings = settings;
        int n = problem.coordinates();
        DataType type = optimizer.dataType();
        this.rollout = optimizer.newRollout(problem.layout(), true);
        this.theta = Nd4j.zeros(type, 1, n);
        int unroll = settings.unroll;
        this.gradients = new INDArray[unroll + 1];
        for (int s = 0; s <= unroll; s++) {
            gradients[s] = Nd4j.zeros(type, 1, n);
        }
        this.thetas = new INDArray[settings.secondOrder ? unroll : 0];
        for (int s = 0; s < thetas.length; s++) {
            thetas[s] = Nd4j.zeros(type, 1, n);
        }
        this.update = Nd4j.zeros(type, 1, n);
        this.adjoint = Nd4j.zeros(type, 1, n);
        this.weighted = Nd4j.zeros(type, 1, n);
        this.gradientAdjoint = settings.secondOrder ? Nd4j.zeros(type, 1, n) : null;
        this.hessianProduct = settings.secondOrder ? Nd4j.zeros(type, 1, n) : null;
        this.losses = new double[problem.size()];
        this.slopes = new double[unroll][problem.size()];
        this.instanceWeight = instanceWeight;
        problem.initialParameters(theta);
        problem.lossAndGradient(0, theta, gradients[0], losses);
    }

    /** Whether the horizon has been reached. */
    public boolean done() {
        return step >= settings.horizon;
    }

    /** Number of optimizee steps taken so far by each instance. */
    public int step() {
        return step;
    }

    /** κ Σ_b f_b(θ) at the current step: the mean loss, for a whole meta-batch. */
    public double weightedLoss() {
        return instanceWeight * sum(losses);
    }

    /**
     * Runs the next truncation and adds ∂L/∂φ of its meta-loss into {@code parameterGradient}.
     *
     * @return the truncation's meta-loss
     */
    public double nextTruncation(INDArray parameterGradient) {
        int length = Math.min(settings.unroll, settings.horizon - step);
        int start = step;
        double metaLoss = 0;
        for (int s = 0; s < length; s++) {
            if (settings.secondOrder) {
                thetas[s].assign(theta);
            }
            rollout.step(gradients[s], update);
            theta.addi(update);
            problem.lossAndGradient(start + s + 1, theta, gradients[s + 1], losses);
            findDiverged(gradients[s + 1]);
            for (int b = 0; b < losses.length; b++) {
                metaLoss += settings.stepWeight(start, s, length) * instanceWeight * settings.metaLossTerm(losses[b]);
                slopes[s][b] = settings.metaLossSlope(losses[b]);
            }
        }
        adjoint.assign(0.0);
        for (int s = length - 1; s >= 0; s--) {
            double weight = settings.stepWeight(start, s, length) * instanceWeight;
            if (weight != 0) {
                weighted.assign(gradients[s + 1]).muli(weight);
                scaleInstances(weighted, slopes[s]);
                adjoint.addi(weighted);
            }
            rollout.backwardStep(adjoint, gradientAdjoint, parameterGradient);
            if (settings.secondOrder && s > 0) {
                problem.hessianVectorProduct(start + s, thetas[s], gradientAdjoint, hessianProduct);
                adjoint.addi(hessianProduct);
            }
        }
        rollout.truncate();
        gradients[0].assign(gradients[length]);
        step += length;
        return metaLoss;
    }

    /** Instances whose loss or gradient stopped being finite in the current or an earlier truncation. */
    public java.util.Set<Integer> diverged() {
        return java.util.Collections.unmodifiableSet(diverged);
    }

    /**
     * Replaces every diverged instance by {@code replacements.get(b)}: its θ restarts from the new
     * instance's θ₀ and its coordinates' optimizer state from the initial state. Call between
     * truncations.
     *
     * @return the number of instances replaced
     */
    public int replaceDiverged(java.util.function.IntFunction<Optimizee> replacements) {
        int replaced = diverged.size();
        INDArray[] thetaParts = problem.viewsOf(theta);
        INDArray[] gradientParts = problem.viewsOf(gradients[0]);
        for (int b : diverged) {
            Optimizee fresh = replacements.apply(b);
            problem.replace(b, fresh);
            fresh.initialParameters(thetaParts[b]);
            rollout.resetState(problem.offset(b), problem.offset(b) + fresh.dimension());
            losses[b] = fresh.lossAndGradient(step, thetaParts[b], gradientParts[b]);
        }
        diverged.clear();
        return replaced;
    }

    /** Multiplies instance b's part of {@code stacked} by {@code factors[b]} (nothing to do when all are 1). */
    private void scaleInstances(INDArray stacked, double[] factors) {
        INDArray[] parts = null;
        for (int b = 0; b < factors.length; b++) {
            if (factors[b] != 1) {
                parts = parts == null ? problem.viewsOf(stacked) : parts;
                parts[b].muli(factors[b]);
            }
        }
    }

    private void findDiverged(INDArray gradient) {
        boolean gradientFinite = Double.isFinite(gradient.sumNumber().doubleValue());
        INDArray[] parts = gradientFinite ? null : problem.viewsOf(gradient);
        for (int b = 0; b < losses.length; b++) {
            if (!Double.isFinite(losses[b]) || (parts != null && !Double.isFinite(parts[b].sumNumber().doubleValue()))) {
                diverged.add(b);
            }
        }
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    @Override
    public void close() {
        rollout.close();
        theta.close();
        for (INDArray array : gradients) {
            array.close();
        }
        for (INDArray array : thetas) {
            array.close();
        }
        update.close();
        adjoint.close();
        weighted.close();
        if (gradientAdjoint != null) {
            gradientAdjoint.close();
            hessianProduct.close();
        }
    }
}
