package dev.l2l.tasks.cnn;

import dev.l2l.core.Optimizee;
import dev.l2l.core.ParameterGroup;
import dev.l2l.core.plugin.ConfigException;
import dev.l2l.core.testkit.FiniteDifferences;
import dev.l2l.core.testkit.TaskContract;
import dev.l2l.tasks.data.ImageDataset;
import dev.l2l.tasks.data.MnistFiles;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CnnTest {

    private static final ImageDataset DIGITS = MnistFiles.load(fixture(), MnistFiles.Split.TRAIN);

    private static Path fixture() {
        try {
            return Path.of(CnnTest.class.getResource("/idx").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two convolution layers of 2 and 3 channels, a dense layer of 5, minibatches of 4. */
    private static CnnTask tiny() {
        return new CnnTask(DIGITS, () -> DIGITS, new int[] {2, 3}, 5, 4);
    }

    private static INDArray initial(Optimizee optimizee) {
        INDArray theta = Nd4j.zeros(DataType.DOUBLE, 1, optimizee.dimension());
        optimizee.initialParameters(theta);
        return theta;
    }

    @Test
    void gradientOfEveryParameterTensorMatchesFiniteDifferencesInDouble() {
        CnnTask task = tiny();
        Optimizee cnn = task.sample(3);
        INDArray theta = initial(cnn);
        // Move the biases off zero, so that their gradients and the ReLUs' kinks are exercised too.
        Random random = new Random(2);
        for (int i = 0; i < cnn.dimension(); i++) {
            theta.putScalar(0, i, theta.getDouble(0, i) + 0.05 * random.nextGaussian());
        }
        INDArray gradient = theta.ulike();
        cnn.lossAndGradient(2, theta, gradient);
        CnnNetwork network = new CnnNetwork(28, 28, new int[] {2, 3}, 5, 10);
        INDArray[] blocks = network.views().split(Nd4j.zeros(DataType.DOUBLE, network.parameters()));
        int offset = 0;
        INDArray scratch = theta.ulike();
        for (int block = 0; block < blocks.length; block++) {
            int length = (int) blocks[block].length();
            int[] checked = pick(offset, length, 24, random);
            double[] numeric = FiniteDifferences.gradient(theta, checked, () -> cnn.lossAndGradient(2, theta, scratch));
            double[] analytic = FiniteDifferences.select(gradient.toDoubleVector(), checked);
            FiniteDifferences.assertClose("block " + block + " " + java.util.Arrays.toString(blocks[block].shape()),
                    analytic, numeric, 1e-6);
            assertTrue(java.util.Arrays.stream(analytic).anyMatch(g -> Math.abs(g) > 1e-6),
                    "block " + block + " has a non-zero gradient somewhere");
            offset += length;
        }
        assertEquals(cnn.dimension(), offset);
    }

    /** All of a block of at most {@code most} entries, else {@code most} of them at random. */
    private static int[] pick(int offset, int length, int most, Random random) {
        List<Integer> picked = new ArrayList<>();
        if (length <= most) {
            for (int i = 0; i < length; i++) {
                picked.add(offset + i);
            }
        } else {
            while (picked.size() < most) {
                int i = offset + random.nextInt(length);
                if (!picked.contains(i)) {
                    picked.add(i);
                }
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void parametersFormAConvAndADenseGroup() {
        Optimizee cnn = tiny().sample(0);
        int conv = 3 * 3 * 1 * 2 + 2 + 3 * 3 * 2 * 3 + 3;
        int dense = 3 * 7 * 7 * 5 + 5 + 5 * 10 + 10;
        assertEquals(List.of(new ParameterGroup("conv", 0, conv), new ParameterGroup("dense", conv, conv + dense)),
                cnn.parameterGroups());
        assertEquals(conv + dense, cnn.dimension());
    }

    /**
     * Determinism only: TaskContract's gradient check also differences the Hessian-vector product,
     * which has no limit to converge to for a piecewise-linear network (ReLU, max-pooling); the
     * gradient is checked above.
     */
    @Test
    void honoursTheTaskContractsDeterminism() {
        TaskContract.checkDeterminism(tiny(), 5);
    }

    @Test
    void floatAndDoubleAgree() {
        TaskContract.checkPrecisionsAgree(tiny(), 4, 1e-4);
    }

    @Test
    void theDefaultSpecBuildsTwoConvolutionLayersOnTheShippedSubset() {
        CnnSpec spec = new CnnSpec();
        spec.validate();
        int conv = 3 * 3 * 8 + 8 + 3 * 3 * 8 * 16 + 16;
        int dense = 16 * 7 * 7 * 32 + 32 + 32 * 10 + 10;
        assertEquals(conv + dense, spec.create().sample(0).dimension());
    }

    @Test
    void theSpecRefusesMoreLayersThanTheImageAllows() {
        CnnSpec spec = new CnnSpec();
        spec.channels = new ArrayList<>(List.of(2, 2, 2, 2, 2));
        ConfigException e = assertThrows(ConfigException.class, spec::validate);
        assertEquals("channels", e.field());
        assertTrue(e.problem().contains("at most 4"), e.problem());
        spec.channels = new ArrayList<>(List.of(2, 0));
        assertEquals("channels[1]", assertThrows(ConfigException.class, spec::validate).field());
    }
}
