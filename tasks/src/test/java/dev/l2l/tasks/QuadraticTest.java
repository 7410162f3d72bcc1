package dev.l2l.tasks;

import dev.l2l.core.Optimizee;
import dev.l2l.core.testkit.FiniteDifferences;
import dev.l2l.core.testkit.TaskContract;
import dev.l2l.core.problems.Quadratic;
import dev.l2l.tasks.quadratic.QuadraticSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class QuadraticTest {

    private final Optimizee quadratic = new QuadraticSpec().create().sample(42);

    @Test
    void gradientMatchesFiniteDifferences() {
        INDArray theta = initial(quadratic);
        INDArray gradient = theta.ulike();
        quadratic.lossAndGradient(0, theta, gradient);
        double[] numeric = FiniteDifferences.gradient(theta, () -> quadratic.lossAndGradient(0, theta, theta.ulike()));
        FiniteDifferences.assertClose("quadratic gradient", gradient.toDoubleVector(), numeric, 1e-8);
    }

    @Test
    void lossGradientAndHessianProductByHand() {
        // W = [[1, 2], [3, 4]], y = [1, 1], θ = [1, −1]: Wθ − y = [−2, −2]
        Quadratic q = new Quadratic(new double[][] {{1, 2}, {3, 4}}, new double[] {1, 1}, new double[] {1, -1});
        INDArray theta = Nd4j.create(new double[][] {{1, -1}});
        INDArray gradient = theta.ulike();
        assertEquals(8.0, q.lossAndGradient(0, theta, gradient), 1e-12);
        assertArrayEquals(new double[] {-16, -24}, gradient.toDoubleVector(), 1e-12); // 2Wᵀ(Wθ − y)
        INDArray product = theta.ulike();
        q.hessianVectorProduct(0, theta, Nd4j.create(new double[][] {{1, 0}}), product);
        assertArrayEquals(new double[] {20, 28}, product.toDoubleVector(), 1e-12); // 2WᵀW e₀
    }

    @Test
    void hessianVectorProductIsExact() {
        INDArray theta = initial(quadratic);
        INDArray vector = Nd4j.rand(DataType.DOUBLE, 1, 10);
        INDArray exact = theta.ulike();
        quadratic.hessianVectorProduct(0, theta, vector, exact);
        INDArray numeric = theta.ulike();
        Optimizee finiteDifferences = new Optimizee() {
            public int dimension() {
                return quadratic.dimension();
            }

            public void initialParameters(INDArray t) {
                quadratic.initialParameters(t);
            }

            public double lossAndGradient(long step, INDArray t, INDArray g) {
                return quadratic.lossAndGradient(step, t, g);
            }
        };
        finiteDifferences.hessianVectorProduct(0, theta, vector, numeric);
        FiniteDifferences.assertClose("Hessian-vector product", exact.toDoubleVector(), numeric.toDoubleVector(), 1e-7);
    }

    @Test
    void honoursTheTaskContract() {
        QuadraticSpec spec = new QuadraticSpec();
        TaskContract.checkGradient(spec.create(), 5, 100, 1e-7);
        TaskContract.checkDeterminism(spec.create(), 5);
        spec.distribution = "uniform";
        spec.dimension = 4;
        TaskContract.checkGradient(spec.create(), 6, 100, 1e-7);
    }

    @Test
    void instancesAreDeterministicPerSeed() {
        var task = new QuadraticSpec().create();
        assertArrayEquals(initial(task.sample(7)).toDoubleVector(), initial(task.sample(7)).toDoubleVector(), 0);
        assertNotEquals(initial(task.sample(7)).getDouble(0, 0), initial(task.sample(8)).getDouble(0, 0));
    }

    private static INDArray initial(Optimizee optimizee) {
        INDArray theta = Nd4j.zeros(DataType.DOUBLE, 1, optimizee.dimension());
        optimizee.initialParameters(theta);
        return theta;
    }
}
