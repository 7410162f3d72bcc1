package dev.l2l.tasks.mlp;

import dev.l2l.core.Optimizee;
import dev.l2l.tasks.nn.Activation;
import dev.l2l.core.Task;
import dev.l2l.core.plugin.ConfigException;
import dev.l2l.core.testkit.FiniteDifferences;
import dev.l2l.core.testkit.TaskContract;
import dev.l2l.core.train.StackedProblem;
import dev.l2l.tasks.data.ImageDataset;
import dev.l2l.tasks.data.MnistFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MlpTest {

    private static final ImageDataset DIGITS = MnistFiles.load(fixture(), MnistFiles.Split.TRAIN);

    static Path fixture() {
        try {
            return Path.of(MlpTest.class.getResource("/idx").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MlpTask task(Activation activation, double initScale, int... hidden) {
        return new MlpTask(DIGITS, () -> DIGITS, hidden, activation, 16, initScale);
    }

    @ParameterizedTest(name = "{0}, hidden layers {1}")
    @CsvSource({"SIGMOID, 6", "RELU, 6", "TANH, 6", "SIGMOID, 5 4", "RELU, 5 4", "TANH, 5 4"})
    void gradientMatchesFiniteDifferencesInDouble(Activation activation, String hidden) {
        int[] sizes = java.util.Arrays.stream(hidden.split(" ")).mapToInt(Integer::parseInt).toArray();
        // A larger initial scale than the paper's 0.01, so that every layer's gradient is far from zero.
        Optimizee mlp = task(activation, 0.3, sizes).sample(11);
        INDArray theta = initial(mlp);
        INDArray gradient = theta.ulike();
        mlp.lossAndGradient(3, theta, gradient);
        int[] checked = checkedCoordinates(mlp.dimension(), sizes);
        INDArray scratch = theta.ulike();
        double[] numeric = FiniteDifferences.gradient(theta, checked, () -> mlp.lossAndGradient(3, theta, scratch));
        FiniteDifferences.assertClose(activation + " MLP gradient", FiniteDifferences.select(gradient.toDoubleVector(), checked),
                numeric, 1e-6);
    }

    /** Some of every block (weights and biases of every layer), and the last coordinate. */
    private static int[] checkedCoordinates(int dimension, int[] hidden) {
        Random random = new Random(5);
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = 784;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 10;
        java.util.List<Integer> picked = new java.util.ArrayList<>();
        int offset = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            int weights = sizes[l] * sizes[l + 1];
            for (int k = 0; k < 25; k++) {
                // Pixels near the centre of the image are often non-zero: bias the draw towards them.
                int row = l == 0 ? 300 + random.nextInt(200) : random.nextInt(sizes[l]);
                picked.add(offset + row * sizes[l + 1] + random.nextInt(sizes[l + 1]));
            }
            offset += weights;
            for (int k = 0; k < sizes[l + 1]; k++) {
                picked.add(offset + k);
            }
            offset += sizes[l + 1];
        }
        assertEquals(dimension, offset);
        return picked.stream().distinct().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void atZeroWeightsTheLossIsLogTenAndOnlyTheOutputBiasesMove() {
        Optimizee mlp = task(Activation.SIGMOID, 0.0, 6).sample(1);
        INDArray theta = initial(mlp);
        assertEquals(0.0, theta.sumNumber().doubleValue());
        INDArray gradient = theta.ulike();
        assertEquals(Math.log(10), mlp.lossAndGradient(0, theta, gradient), 1e-12);
        // ∂/∂b_out = mean(softmax − y) = 0.1 − (fraction of the minibatch in the class); they sum to 0.
        INDArray outputBiases = gradient.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(mlp.dimension() - 10, mlp.dimension()));
        assertEquals(0.0, outputBiases.sumNumber().doubleValue(), 1e-12);
        assertTrue(outputBiases.norm2Number().doubleValue() > 0.01);
    }

    @Test
    void honoursTheTaskContract() {
        TaskContract.checkDeterminism(task(Activation.SIGMOID, 0.01, 4), 3);
        TaskContract.checkGradient(task(Activation.TANH, 0.2, 3), 4, 60, 1e-6);
    }

    @Test
    void minibatchesAreFixedPerStepAndDifferBetweenStepsAndInstances() {
        MlpTask task = task(Activation.SIGMOID, 0.01, 4);
        Mlp a = (Mlp) task.sample(8);
        Mlp again = (Mlp) task.sample(8);
        Mlp b = (Mlp) task.sample(9);
        assertArrayEquals(a.minibatch(5), again.minibatch(5));
        assertNotEquals(java.util.Arrays.toString(a.minibatch(5)), java.util.Arrays.toString(a.minibatch(6)));
        assertNotEquals(java.util.Arrays.toString(a.minibatch(5)), java.util.Arrays.toString(b.minibatch(5)));
        for (int row : a.minibatch(5)) {
            assertTrue(row >= 0 && row < DIGITS.count());
        }
    }

    /** Float arrays take {@link MlpFloatPass}, double ones the ND4J path that the finite-difference test checks. */
    @ParameterizedTest(name = "{0}, hidden layers {1}")
    @CsvSource({"SIGMOID, 8", "RELU, 8", "TANH, 8", "SIGMOID, 5 4", "RELU, 5 4", "TANH, 5 4"})
    void theFloatPathAgreesWithTheDoublePath(Activation activation, String hidden) {
        int[] sizes = java.util.Arrays.stream(hidden.split(" ")).mapToInt(Integer::parseInt).toArray();
        TaskContract.checkPrecisionsAgree(task(activation, 0.3, sizes), 2, 1e-4);
    }

    @Test
    void floatArraysThatAreNotOneContiguousRunTakeTheNd4jPathWithTheSameResult() {
        // every other element of a longer row
        Optimizee mlp = task(Activation.TANH, 0.3, 5, 4).sample(6);
        INDArray theta = Nd4j.zeros(DataType.FLOAT, 1, mlp.dimension());
        mlp.initialParameters(theta);
        INDArray gradient = theta.ulike();
        INDArray strided = Nd4j.zeros(DataType.FLOAT, 1, 2L * mlp.dimension())
                .get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 2L * mlp.dimension())).assign(theta);
        INDArray stridedGradient = Nd4j.zeros(DataType.FLOAT, 1, 2L * mlp.dimension())
                .get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 2L * mlp.dimension()));
        assertEquals(2, strided.stride(1));
        double fast = mlp.lossAndGradient(4, theta, gradient);
        double nd4j = mlp.lossAndGradient(4, strided, stridedGradient);
        assertEquals(nd4j, fast, 1e-5);
        FiniteDifferences.assertClose("fast float path against ND4J float", stridedGradient.toDoubleVector(),
                gradient.toDoubleVector(), 1e-4);
    }

    @Test
    void aFloatInstanceInsideAStackedVectorReadsAndWritesOnlyItsPart() {
        MlpTask task = task(Activation.SIGMOID, 0.3, 6);
        Optimizee first = task.sample(1);
        Optimizee second = task.sample(2);
        StackedProblem stacked = new StackedProblem(List.of(first, second));
        INDArray theta = Nd4j.zeros(DataType.FLOAT, 1, stacked.coordinates());
        stacked.initialParameters(theta);
        INDArray gradient = theta.ulike();
        double[] losses = new double[2];
        stacked.lossAndGradient(3, theta, gradient, losses);
        INDArray alone = Nd4j.zeros(DataType.FLOAT, 1, second.dimension());
        second.initialParameters(alone);
        INDArray aloneGradient = alone.ulike();
        assertEquals(second.lossAndGradient(3, alone, aloneGradient), losses[1]);
        assertArrayEquals(aloneGradient.toFloatVector(), stacked.viewsOf(gradient)[1].toFloatVector());
        assertNotEquals(losses[0], losses[1]);
    }

    @Test
    void theSpecBuildsThePapersNetworkOnTheShippedSubset() {
        MlpSpec spec = new MlpSpec();
        spec.validate();
        Task task = spec.create();
        assertEquals(784 * 20 + 20 + 20 * 10 + 10, task.sample(0).dimension());
        Task heldOut = task.heldOut();
        assertNotSame(task, heldOut);
        assertEquals(task.sample(0).dimension(), heldOut.sample(0).dimension());
        double loss = lossAtStart(task.sample(4));
        double heldOutLoss = lossAtStart(heldOut.sample(4));
        assertEquals(Math.log(10), loss, 0.05);
        assertNotEquals(loss, heldOutLoss, "the held-out split has other images");
    }

    @Test
    void badSpecsNameTheField() {
        MlpSpec spec = new MlpSpec();
        spec.activation = "softplus";
        assertEquals("activation: must be one of sigmoid, relu, tanh, got 'softplus'",
                assertThrows(ConfigException.class, spec::validate).getMessage());
        spec = new MlpSpec();
        spec.hiddenLayers = List.of(20, 0);
        assertEquals("hiddenLayers[1]: must be a positive layer size, got 0",
                assertThrows(ConfigException.class, spec::validate).getMessage());
        spec = new MlpSpec();
        spec.dataDir = "/no/such/place";
        assertEquals("dataDir: no such directory: /no/such/place",
                assertThrows(ConfigException.class, spec::validate).getMessage());
        spec = new MlpSpec();
        spec.batchSize = 0;
        assertEquals("batchSize: must be positive, got 0", assertThrows(ConfigException.class, spec::validate).getMessage());
    }

    private static double lossAtStart(Optimizee optimizee) {
        INDArray theta = initial(optimizee);
        return optimizee.lossAndGradient(0, theta, theta.ulike());
    }

    private static INDArray initial(Optimizee optimizee) {
        INDArray theta = Nd4j.zeros(DataType.DOUBLE, 1, optimizee.dimension());
        optimizee.initialParameters(theta);
        return theta;
    }
}
