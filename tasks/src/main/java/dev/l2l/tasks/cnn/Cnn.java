package dev.l2l.tasks.cnn;

import dev.l2l.core.Optimizee;
import dev.l2l.core.ParameterGroup;
import dev.l2l.tasks.data.ImageDataset;
import dev.l2l.tasks.nn.Activation;
import dev.l2l.tasks.nn.Minibatches;
import dev.l2l.tasks.nn.ClassifierBuffers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One CNN instance: its initial weights (He-normal, N(0, 2/fan-in); biases 0) and its stream of
 * minibatches come from its seed; the loss of step t is the mean softmax cross-entropy of step t's
 * minibatch (see {@link Minibatches}).
 *
 * <p>Forward: A₀ = X [B, 1, H, W]; for each convolution layer Rₗ = relu(conv(Aₗ₋₁, Wₗ) + bₗ),
 * Aₗ = maxpool(Rₗ); then h = relu(flatten(A_L)·W_d + b_d) and logits h·W_o + b_o. Backward runs
 * the same chain in reverse ({@link Convolution}, {@link Pooling}). Buffers are allocated on first use, per
 * data type.
 */
final class Cnn implements Optimizee {

    private static final Activation RELU = Activation.RELU;

    private final CnnNetwork network;
    private final ImageDataset data;
    private final int batchSize;
    private final long seed;
    private final Minibatches minibatches;
    private Buffers buffers;

    Cnn(CnnNetwork network, ImageDataset data, int batchSize, long seed) {
        this.network = network;
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
        this.minibatches = new Minibatches(seed, data.count(), batchSize);
    }

    @Override
    public int dimension() {
        return network.parameters();
    }

    @Override
    public List<ParameterGroup> parameterGroups() {
        return network.groups();
    }

    @Override
    public void initialParameters(INDArray theta) {
        SplittableRandom random = new SplittableRandom(seed);
        INDArray values = Nd4j.zeros(DataType.DOUBLE, dimension());
        INDArray[] blocks = network.views().split(values);
        for (int block = 0; block < blocks.length; block += 2) {
            double scale = Math.sqrt(2.0 / network.fanIn(block));
            double[] weights = new double[(int) blocks[block].length()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = random.nextGaussian() * scale;
            }
            blocks[block].assign(Nd4j.createFromArray(weights).reshape(blocks[block].shape()));
        }
        theta.assign(values.reshape(1, dimension()).castTo(theta.dataType()));
    }

    @Override
    public double lossAndGradient(long step, INDArray theta, INDArray gradient) {
        Buffers b = buffers(theta.dataType());
        b.in.load(theta, data, minibatches.rows(step));
        INDArray[] p = b.in.parameters;
        INDArray[] dp = b.in.gradients;
        int layers = network.convLayers();
        for (int l = 0; l < layers; l++) {
            INDArray input = l == 0 ? b.input : b.pooled[l - 1];
            b.convolutions[l].forward(input, p[2 * l], p[2 * l + 1], b.rectified[l]);
            RELU.apply(b.rectified[l]);
            Pooling.forward(b.rectified[l], b.pooled[l]);
        }
        int d = 2 * layers;
        Nd4j.gemm(b.features, p[d], b.hidden, false, false, 1.0, 0.0);
        b.hidden.addiRowVector(p[d + 1]);
        RELU.apply(b.hidden);
        Nd4j.gemm(b.hidden, p[d + 2], b.logits, false, false, 1.0, 0.0);
        b.logits.addiRowVector(p[d + 3]);
        double loss = b.in.crossEntropy.lossAndGradient(b.logits, b.in.targets, b.logitsGradient);

        Nd4j.gemm(b.hidden, b.logitsGradient, dp[d + 2], true, false, 1.0, 0.0);
        Nd4j.gemm(b.in.ones, b.logitsGradient, dp[d + 3], false, false, 1.0, 0.0);
        Nd4j.gemm(b.logitsGradient, p[d + 2], b.hiddenGradient, false, true, 1.0, 0.0);
        RELU.backward(b.hidden, b.hiddenGradient, b.hiddenPreGradient);
        Nd4j.gemm(b.features, b.hiddenPreGradient, dp[d], true, false, 1.0, 0.0);
        Nd4j.gemm(b.in.ones, b.hiddenPreGradient, dp[d + 1], false, false, 1.0, 0.0);
        Nd4j.gemm(b.hiddenPreGradient, p[d], b.featuresGradient, false, true, 1.0, 0.0);
        for (int l = layers - 1; l >= 0; l--) {
            Pooling.backward(b.rectified[l], b.pooledGradient[l], b.rectifiedGradient[l]);
            RELU.backward(b.rectified[l], b.rectifiedGradient[l], b.preGradient[l]);
            b.convolutions[l].backward(b.preGradient[l], p[2 * l], dp[2 * l], dp[2 * l + 1],
                    l == 0 ? null : b.pooledGradient[l - 1]);
        }
        gradient.assign(b.in.gradient);
        return loss;
    }

    private Buffers buffers(DataType type) {
        if (buffers == null || buffers.in.type != type) {
            buffers = new Buffers(type, network, batchSize, data);
        }
        return buffers;
    }

    /** Per-instance arrays: the shared ones, and every layer's activations and their gradients. */
    private static final class Buffers {
        final ClassifierBuffers in;
        final INDArray input;
        final Convolution[] convolutions;
        final INDArray[] rectified;
        final INDArray[] rectifiedGradient;
        final INDArray[] preGradient;
        final INDArray[] pooled;
        final INDArray[] pooledGradient;
        final INDArray features;
        final INDArray featuresGradient;
        final INDArray hidden;
        final INDArray hiddenGradient;
        final INDArray hiddenPreGradient;
        final INDArray logits;
        final INDArray logitsGradient;

        Buffers(DataType type, CnnNetwork network, int batchSize, ImageDataset data) {
            in = new ClassifierBuffers(type, network.views(), batchSize, data);
            input = in.images.reshape('c', batchSize, 1, network.height(), network.width());
            int layers = network.convLayers();
            convolutions = new Convolution[layers];
            rectified = new INDArray[layers];
            rectifiedGradient = new INDArray[layers];
            preGradient = new INDArray[layers];
            pooled = new INDArray[layers];
            pooledGradient = new INDArray[layers];
            for (int l = 0; l < layers; l++) {
                long c = network.outputChannels(l);
                convolutions[l] = new Convolution(type, batchSize, network.inputChannels(l), network.outputChannels(l),
                        network.sideHeight(l), network.sideWidth(l));
                rectified[l] = Nd4j.zeros(type, batchSize, c, network.sideHeight(l), network.sideWidth(l));
                rectifiedGradient[l] = Nd4j.zeros(type, batchSize, c, network.sideHeight(l), network.sideWidth(l));
                preGradient[l] = Nd4j.zeros(type, batchSize, c, network.sideHeight(l), network.sideWidth(l));
                pooled[l] = Nd4j.zeros(type, batchSize, c, network.sideHeight(l + 1), network.sideWidth(l + 1));
                pooledGradient[l] = Nd4j.zeros(type, batchSize, c, network.sideHeight(l + 1), network.sideWidth(l + 1));
            }
            features = pooled[layers - 1].reshape('c', batchSize, network.features());
            featuresGradient = pooledGradient[layers - 1].reshape('c', batchSize, network.features());
            hidden = Nd4j.zeros(type, batchSize, network.denseUnits());
            hiddenGradient = Nd4j.zeros(type, batchSize, network.denseUnits());
            hiddenPreGradient = Nd4j.zeros(type, batchSize, network.denseUnits());
            logits = Nd4j.zeros(type, batchSize, network.classes());
            logitsGradient = Nd4j.zeros(type, batchSize, network.classes());
        }
    }
}
