package com.example.l2l.rosenbrock;

import dev.l2l.core.Optimizee;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.SplittableRandom;

/**
 * f(θ) = Σᵢ b (θᵢ₊₁ − θᵢ²)² + (1 − θᵢ)², minimum 0 at (1, …, 1). Deterministic; the Hessian-vector
 * product is left to the default central difference.
 */
final class Rosenbrock implements Optimizee {

    private final double steepness;
    private final double[] start;
    private final double[] x;
    private final double[] g;

    Rosenbrock(int dimension, double steepness, double spread, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        this.steepness = steepness;
        this.start = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            start[i] = (i % 2 == 0 ? -1.0 : 1.0) + spread * random.nextGaussian();
        }
        this.x = new double[dimension];
        this.g = new double[dimension];
    }

    @Override
    public int dimension() {
        return start.length;
    }

    @Override
    public void initialParameters(INDArray theta) {
        for (int i = 0; i < start.length; i++) {
            theta.putScalar(0, i, start[i]);
        }
    }

    @Override
    public double lossAndGradient(long step, INDArray theta, INDArray gradient) {
        for (int i = 0; i < x.length; i++) {
            x[i] = theta.getDouble(0, i);
            g[i] = 0;
        }
        double loss = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double valley = x[i + 1] - x[i] * x[i];
            double offset = 1 - x[i];
            loss += steepness * valley * valley + offset * offset;
            g[i] += -4 * steepness * valley * x[i] - 2 * offset;
            g[i + 1] += 2 * steepness * valley;
        }
        for (int i = 0; i < x.length; i++) {
            gradient.putScalar(0, i, g[i]);
        }
        return loss;
    }
}
