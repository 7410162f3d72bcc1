package dev.l2l.core.problems;

import dev.l2l.core.Optimizee;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A quadratic f(θ) = ‖Wθ − y‖², with ∇f = 2Wᵀ(Wθ − y) and the exact Hessian-vector product
 * 2WᵀWv. Deterministic: the step is ignored. The arithmetic is plain Java in double precision:
 * at d = 10 a handful of ND4J calls would cost more than the whole computation.
 *
 * <p>The optimizee of the {@code quadratic} task, and a reference problem for testing optimizers.
 */
public final class Quadratic implements Optimizee {

    private final double[][] w;
    private final double[] y;
    private final double[] theta0;
    private final double[] x;
    private final double[] r;

    public Quadratic(double[][] w, double[] y, double[] theta0) {
        this.w = w;
        this.y = y;
        this.theta0 = theta0;
        this.x = new double[theta0.length];
        this.r = new double[y.length];
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
        read(theta, x);
        double loss = 0;
        for (int i = 0; i < r.length; i++) {
            double s = -y[i];
            for (int j = 0; j < x.length; j++) {
                s += w[i][j] * x[j];
            }
            r[i] = s;
            loss += s * s;
        }
        writeTwiceTransposedTimes(r, gradient);
        return loss;
    }

    @Override
    public void hessianVectorProduct(long step, INDArray theta, INDArray vector, INDArray out) {
        read(vector, x);
        for (int i = 0; i < r.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += w[i][j] * x[j];
            }
            r[i] = s;
        }
        writeTwiceTransposedTimes(r, out);
    }

    /** out = 2 Wᵀ v. */
    private void writeTwiceTransposedTimes(double[] v, INDArray out) {
        for (int j = 0; j < x.length; j++) {
            double s = 0;
            for (int i = 0; i < v.length; i++) {
                s += w[i][j] * v[i];
            }
            out.putScalar(0, j, 2 * s);
        }
    }

    private static void read(INDArray row, double[] into) {
        for (int j = 0; j < into.length; j++) {
            into[j] = row.getDouble(0, j);
        }
    }
}
