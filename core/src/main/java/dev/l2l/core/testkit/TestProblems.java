package dev.l2l.core.testkit;

import dev.l2l.core.Optimizee;
import dev.l2l.core.ParameterGroup;
import dev.l2l.core.problems.Quadratic;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.SplittableRandom;

/**
 * Small optimizees for testing optimizers without depending on any task plugin: a
 * {@link Quadratic} with an exact Hessian-vector product, and a "stochastic" variant whose loss
 * moves with the step (as a minibatch would) and that relies on the default finite-difference HVP.
 */
public final class TestProblems {

    private TestProblems() {
    }

    /** A random quadratic of dimension {@code d}, W scaled by 1/√d; the same seed gives the same instance. */
    public static Quadratic quadratic(int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] w = new double[d][d];
        double[] y = new double[d];
        double[] theta0 = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                w[i][j] = random.nextGaussian() / Math.sqrt(d);
            }
            y[i] = random.nextGaussian();
            theta0[i] = random.nextGaussian();
        }
        return new Quadratic(w, y, theta0);
    }

    /**
     * The quadratic of {@link #quadratic} evaluated at θ + δₜ, with a shift δₜ that depends on the
     * step t: a different function at every step, like a minibatch loss. Its Hessian-vector
     * product is the default central difference.
     */
    public static Optimizee stochasticQuadratic(int d, long seed) {
        Quadratic quadratic = quadratic(d, seed);
        return new Optimizee() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public void initialParameters(INDArray theta) {
                quadratic.initialParameters(theta);
            }

            @Override
            public double lossAndGradient(long step, INDArray theta, INDArray gradient) {
                INDArray shifted = theta.dup();
                for (int j = 0; j < d; j++) {
                    shifted.putScalar(0, j, shifted.getDouble(0, j) + 0.1 * Math.sin(step + j));
                }
                return quadratic.lossAndGradient(step, shifted, gradient);
            }
        };
    }

    /**
     * {@code inner} with its coordinates split into named groups: {@code names[i]} covers the next
     * {@code sizes[i]} coordinates; the sizes must add up to its dimension.
     */
    public static Optimizee grouped(Optimizee inner, String[] names, int[] sizes) {
        java.util.List<ParameterGroup> groups = new java.util.ArrayList<>();
        int from = 0;
        for (int i = 0; i < names.length; i++) {
            groups.add(new ParameterGroup(names[i], from, from + sizes[i]));
            from += sizes[i];
        }
        if (from != inner.dimension()) {
            throw new IllegalArgumentException("group sizes add up to " + from + ", the optimizee has " + inner.dimension());
        }
        return withGroups(inner, groups);
    }

    /**
     * {@code inner} declaring {@code groups} as its parameter groups, taken as they are (not
     * checked: {@link dev.l2l.core.ParameterLayout} checks that they cover the coordinates).
     */
    public static Optimizee withGroups(Optimizee inner, java.util.List<ParameterGroup> groups) {
        java.util.List<ParameterGroup> fixed = java.util.List.copyOf(groups);
        return new Optimizee() {
            @Override
            public int dimension() {
                return inner.dimension();
            }

            @Override
            public void initialParameters(INDArray theta) {
                inner.initialParameters(theta);
            }

            @Override
            public double lossAndGradient(long step, INDArray theta, INDArray gradient) {
                return inner.lossAndGradient(step, theta, gradient);
            }

            @Override
            public void hessianVectorProduct(long step, INDArray theta, INDArray vector, INDArray out) {
                inner.hessianVectorProduct(step, theta, vector, out);
            }

            @Override
            public java.util.List<ParameterGroup> parameterGroups() {
                return fixed;
            }
        };
    }
}
