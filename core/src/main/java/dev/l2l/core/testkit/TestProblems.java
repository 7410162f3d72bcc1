package dev.l2l.core.testkit;

import dev.l2l.core.Optimizee;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.SplittableRandom;

/**
 * Small optimizees for testing optimizers without depending on any task plugin: a quadratic
 * ‖Wθ − y‖² with an exact Hessian-vector product, and a "stochastic" variant whose targets depend
 * on the step (as a minibatch would) and that relies on the default finite-difference HVP.
 */
public final class TestProblems {

    private TestProblems() {
    }

    /** A random quadratic of dimension {@code d}; the same seed gives the same instance. */
    public static Optimizee quadratic(int d, long seed) {
        return new TestQuadratic(d, seed, false);
    }

    /** A quadratic whose target y moves with the step, without an exact HVP. */
    public static Optimizee stochasticQuadratic(int d, long seed) {
        return new TestQuadratic(d, seed, true);
    }

    private static final class TestQuadratic implements Optimizee {
        private final double[][] w;
        private final double[] y;
        private final double[] theta0;
        private final boolean stochastic;

        TestQuadratic(int d, long seed, boolean stochastic) {
            SplittableRandom random = new SplittableRandom(seed);
            w = new double[d][d];
            y = new double[d];
            theta0 = new double[d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    w[i][j] = random.nextGaussian() / Math.sqrt(d);
                }
                y[i] = random.nextGaussian();
                theta0[i] = random.nextGaussian();
            }
            this.stochastic = stochastic;
        }

        @Override
        public int dimension() {
            return theta0.length;
        }

        @Override
        public void initialParameters(INDArray theta) {
            for (int j = 0; j < theta0.length; j++) {
                theta.putScalar(0, j, theta0[j]);
            }
        }

        @Override
        public double lossAndGradient(long step, INDArray theta, INDArray gradient) {
            double[] r = residual(theta, step);
            double loss = 0;
            for (double v : r) {
                loss += v * v;
            }
            writeTwiceTransposed(r, gradient);
            return loss;
        }

        @Override
        public void hessianVectorProduct(long step, INDArray theta, INDArray vector, INDArray out) {
            if (stochastic) {
                Optimizee.super.hessianVectorProduct(step, theta, vector, out);
                return;
            }
            double[] wv = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                for (int j = 0; j < theta0.length; j++) {
                    wv[i] += w[i][j] * vector.getDouble(0, j);
                }
            }
            writeTwiceTransposed(wv, out);
        }

        private double[] residual(INDArray theta, long step) {
            double[] r = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                double target = stochastic ? y[i] * (1 + 0.1 * Math.sin(step + i)) : y[i];
                double s = -target;
                for (int j = 0; j < theta0.length; j++) {
                    s += w[i][j] * theta.getDouble(0, j);
                }
                r[i] = s;
            }
            return r;
        }

        private void writeTwiceTransposed(double[] v, INDArray out) {
            for (int j = 0; j < theta0.length; j++) {
                double s = 0;
                for (int i = 0; i < v.length; i++) {
                    s += w[i][j] * v[i];
                }
                out.putScalar(0, j, 2 * s);
            }
        }
    }
}
