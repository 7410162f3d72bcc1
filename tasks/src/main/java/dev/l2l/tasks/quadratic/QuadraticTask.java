package dev.l2l.tasks.quadratic;

import dev.l2l.core.Optimizee;
import dev.l2l.core.Task;
import dev.l2l.core.problems.Quadratic;

import java.util.SplittableRandom;

/**
 * Random quadratics f(θ) = ‖Wθ − y‖² (Andrychowicz et al. 2016, §3.1): W [d × d], y and θ₀ drawn
 * independently per instance from the instance's seed.
 */
public final class QuadraticTask implements Task {

    private final QuadraticSpec spec;

    public QuadraticTask(QuadraticSpec spec) {
        this.spec = spec;
    }

    @Override
    public Optimizee sample(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = spec.dimension;
        double[][] w = new double[d][d];
        double[] y = new double[d];
        double[] theta0 = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                w[i][j] = draw(random, spec.wScale);
            }
        }
        for (int i = 0; i < d; i++) {
            y[i] = draw(random, spec.yScale);
        }
        for (int i = 0; i < d; i++) {
            theta0[i] = random.nextGaussian() * spec.thetaScale;
        }
        return new Quadratic(w, y, theta0);
    }

    private double draw(SplittableRandom random, double scale) {
        return "uniform".equals(spec.distribution)
                ? (2 * random.nextDouble() - 1) * scale
                : random.nextGaussian() * scale;
    }
}
