package dev.l2l.core.train;

import dev.l2l.core.Optimizee;
import dev.l2l.core.ParameterLayout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several optimizee instances stacked into one coordinate vector [1 × Σnᵢ], so that one optimizer
 * step serves them all (a learned optimizer is coordinatewise, and so are the baselines' rules).
 * Per-instance views of each stacked array are made once and cached.
 */
public final class StackedProblem {

    private final List<Optimizee> instances;
    private final int[] offsets;
    private final Map<INDArray, INDArray[]> views = new IdentityHashMap<>();
    private final ParameterLayout layout;

    public StackedProblem(List<Optimizee> instances) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("no instances to stack");
        }
        this.instances = new java.util.ArrayList<>(instances);
        offsets = new int[instances.size() + 1];
        for (int b = 0; b < instances.size(); b++) {
            offsets[b + 1] = Math.addExact(offsets[b], instances.get(b).dimension());
        }
        this.layout = ParameterLayout.stack(instances);
    }

    /** Number of stacked instances. */
    public int size() {
        return instances.size();
    }

    /** Total number of coordinates. */
    public int coordinates() {
        return offsets[instances.size()];
    }

    /** The parameter groups of the stacked coordinates (each instance's groups at its offset). */
    public ParameterLayout layout() {
        return layout;
    }

    /** The instances, in stacking order. */
    public List<Optimizee> instances() {
        return java.util.Collections.unmodifiableList(instances);
    }

    /** First coordinate of instance {@code b} in the stacked vector. */
    public int offset(int b) {
        return offsets[b];
    }

    /** Puts {@code replacement} (of the same dimension) in the place of instance {@code b}. */
    public void replace(int b, Optimizee replacement) {
        if (replacement.dimension() != instances.get(b).dimension()
                || !replacement.parameterGroups().equals(instances.get(b).parameterGroups())) {
            throw new IllegalArgumentException("a replacement must have dimension " + instances.get(b).dimension()
                    + " and groups " + instances.get(b).parameterGroups() + ", got " + replacement.dimension() + " and "
                    + replacement.parameterGroups());
        }
        instances.set(b, replacement);
    }

    /** Writes every instance's θ₀ into its part of {@code theta}. */
    public void initialParameters(INDArray theta) {
        INDArray[] parts = viewsOf(theta);
        for (int b = 0; b < parts.length; b++) {
            instances.get(b).initialParameters(parts[b]);
        }
    }

    /** Every instance's loss (into {@code losses}) and gradient (into its part of {@code gradient}) at {@code step}. */
    public void lossAndGradient(long step, INDArray theta, INDArray gradient, double[] losses) {
        INDArray[] thetaParts = viewsOf(theta);
        INDArray[] gradientParts = viewsOf(gradient);
        for (int b = 0; b < thetaParts.length; b++) {
            losses[b] = instances.get(b).lossAndGradient(step, thetaParts[b], gradientParts[b]);
        }
    }

    /** Every instance's Hessian-vector product at {@code step}. */
    public void hessianVectorProduct(long step, INDArray theta, INDArray vector, INDArray out) {
        INDArray[] thetaParts = viewsOf(theta);
        INDArray[] vectorParts = viewsOf(vector);
        INDArray[] outParts = viewsOf(out);
        for (int b = 0; b < thetaParts.length; b++) {
            instances.get(b).hessianVectorProduct(step, thetaParts[b], vectorParts[b], outParts[b]);
        }
    }

    /** Per-instance views [1 × nᵢ] of a stacked array [1 × Σnᵢ]. */
    public INDArray[] viewsOf(INDArray stacked) {
        return views.computeIfAbsent(stacked, array -> {
            if (array.length() != coordinates()) {
                throw new IllegalArgumentException("stacked array has " + array.length() + " entries, expected " + coordinates());
            }
            INDArray[] parts = new INDArray[instances.size()];
            for (int b = 0; b < parts.length; b++) {
                parts[b] = array.get(NDArrayIndex.all(), NDArrayIndex.interval(offsets[b], offsets[b + 1]));
            }
            return parts;
        });
    }
}
