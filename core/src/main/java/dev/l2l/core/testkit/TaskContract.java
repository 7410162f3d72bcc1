package dev.l2l.core.testkit;

import dev.l2l.core.Optimizee;
import dev.l2l.core.Task;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Random;

/**
 * Contract checks for a {@link Task} and its optimizees, for plugin authors' tests. Each check
 * throws {@link AssertionError} on failure.
 */
public final class TaskContract {

    private TaskContract() {
    }

    /**
     * The gradient against central finite differences in double precision, at θ₀ and at a random
     * point near it, on the data of steps 0 and 1; and the Hessian-vector product against finite
     * differences of the gradient. At most {@code maxCoordinates} coordinates are differenced.
     */
    public static void checkGradient(Task task, long seed, int maxCoordinates, double tolerance) {
        Optimizee optimizee = task.sample(seed);
        Random random = new Random(seed);
        INDArray theta = initial(optimizee);
        INDArray shifted = theta.add(RecurrentCellContract.gaussian(random, 0.1, 1, optimizee.dimension()));
        int[] checked = FiniteDifferences.sample(optimizee.dimension(), maxCoordinates, random);
        for (INDArray point : new INDArray[] {theta, shifted}) {
            for (long step = 0; step < 2; step++) {
                long s = step;
                INDArray gradient = point.ulike();
                optimizee.lossAndGradient(s, point, gradient);
                INDArray scratch = point.ulike();
                double[] numeric = FiniteDifferences.gradient(point, checked,
                        () -> optimizee.lossAndGradient(s, point, scratch));
                FiniteDifferences.assertClose("gradient of " + optimizee.getClass().getSimpleName() + " at step " + s,
                        FiniteDifferences.select(gradient.toDoubleVector(), checked), numeric, tolerance);
            }
        }
        INDArray vector = RecurrentCellContract.gaussian(random, 1.0, 1, optimizee.dimension());
        INDArray product = theta.ulike();
        optimizee.hessianVectorProduct(0, theta, vector, product);
        double epsilon = 1e-5;
        INDArray plus = theta.ulike();
        INDArray minus = theta.ulike();
        optimizee.lossAndGradient(0, theta.add(vector.mul(epsilon)), plus);
        optimizee.lossAndGradient(0, theta.sub(vector.mul(epsilon)), minus);
        FiniteDifferences.assertClose("Hessian-vector product", product.toDoubleVector(),
                plus.sub(minus).divi(2 * epsilon).toDoubleVector(), Math.max(tolerance, 1e-5));
    }

    /** Two samples of one seed are identical (θ₀, loss and gradient at steps 0–2); another seed differs. */
    public static void checkDeterminism(Task task, long seed) {
        double[] first = fingerprint(task.sample(seed));
        double[] second = fingerprint(task.sample(seed));
        if (!Arrays.equals(first, second)) {
            throw new AssertionError("two instances sampled with seed " + seed + " differ");
        }
        if (Arrays.equals(first, fingerprint(task.sample(seed + 1)))) {
            throw new AssertionError("seeds " + seed + " and " + (seed + 1) + " give the same instance");
        }
    }

    /**
     * For a task with a single-precision path: at θ₀ of instance {@code seed}, the loss and the
     * gradient in float agree with those in double within {@code tolerance} (relative).
     */
    public static void checkPrecisionsAgree(Task task, long seed, double tolerance) {
        Optimizee optimizee = task.sample(seed);
        INDArray thetaDouble = initial(optimizee);
        INDArray thetaFloat = thetaDouble.castTo(DataType.FLOAT);
        INDArray gradientDouble = thetaDouble.ulike();
        INDArray gradientFloat = thetaFloat.ulike();
        double lossDouble = optimizee.lossAndGradient(1, thetaDouble, gradientDouble);
        double lossFloat = optimizee.lossAndGradient(1, thetaFloat, gradientFloat);
        if (!(Math.abs(lossDouble - lossFloat) <= tolerance * Math.max(1.0, Math.abs(lossDouble)))) {
            throw new AssertionError("loss in float " + lossFloat + ", in double " + lossDouble);
        }
        FiniteDifferences.assertClose("gradient in float against double", gradientDouble.toDoubleVector(),
                gradientFloat.toDoubleVector(), tolerance);
    }

    private static double[] fingerprint(Optimizee optimizee) {
        INDArray theta = initial(optimizee);
        INDArray gradient = theta.ulike();
        int n = optimizee.dimension();
        double[] values = new double[n + 3 * (n + 1)];
        System.arraycopy(theta.toDoubleVector(), 0, values, 0, n);
        for (int step = 0; step < 3; step++) {
            int at = n + step * (n + 1);
            values[at] = optimizee.lossAndGradient(step, theta, gradient);
            System.arraycopy(gradient.toDoubleVector(), 0, values, at + 1, n);
        }
        return values;
    }

    private static INDArray initial(Optimizee optimizee) {
        INDArray theta = Nd4j.zeros(DataType.DOUBLE, 1, optimizee.dimension());
        optimizee.initialParameters(theta);
        return theta;
    }
}
