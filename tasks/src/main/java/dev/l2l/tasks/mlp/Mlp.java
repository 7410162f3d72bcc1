package dev.l2l.tasks.mlp;

import dev.l2l.core.Optimizee;
import dev.l2l.tasks.data.ImageDataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import dev.l2l.tasks.nn.Minibatches;
import dev.l2l.tasks.nn.ClassifierBuffers;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * One MLP instance: its initial weights and its stream of minibatches come from its seed.
 *
 * <p>θ holds, layer by layer from the input, the weights W [in × out] (row-major) then the biases
 * b [out]. The loss of step t is the mean softmax cross-entropy of the minibatch of step t, whose
 * images are drawn uniformly with replacement from a generator seeded by (instance seed, t): the
 * same step always sees the same minibatch.
 *
 * <p>Forward: A₀ = X, Aₗ = act(Aₗ₋₁Wₗ + bₗ), logits Z = A_{L−1}W_L + b_L. Backward: δ_L = (softmax Z − Y)/B,
 * ∂Wₗ = Aₗ₋₁ᵀδₗ, ∂bₗ = 1ᵀδₗ, δₗ₋₁ = (δₗWₗᵀ) ⊙ act'. Contiguous float arrays take {@link MlpFloatPass}
 * (the meta-training and evaluation path); any other arrays, double above all, take ND4J ops here.
 * Buffers are allocated on first use, per data type.
 */
final class Mlp implements Optimizee {

    private final MlpNetwork network;
    private final ImageDataset data;
    private final int batchSize;
    private final double initScale;
    private final long seed;
    private final Minibatches minibatches;
    private Buffers buffers;
    private MlpFloatPass floatPass;

    Mlp(MlpNetwork network, ImageDataset data, int batchSize, double initScale, long seed) {
        this.network = network;
        this.data = data;
        this.batchSize = batchSize;
        this.initScale = initScale;
        this.seed = seed;
        this.minibatches = new Minibatches(seed, data.count(), batchSize);
    }

    @Override
    public int dimension() {
        return network.parameters();
    }

    @Override
    public void initialParameters(INDArray theta) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[dimension()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * initScale;
        }
        theta.assign(Nd4j.createFromArray(values).reshape(1, values.length).castTo(theta.dataType()));
    }

    /** The images of step {@code step}'s minibatch. */
    int[] minibatch(long step) {
        return minibatches.rows(step);
    }

    @Override
    public double lossAndGradient(long step, INDArray theta, INDArray gradient) {
        if (MlpFloatPass.applies(theta, gradient)) {
            if (floatPass == null) {
                floatPass = new MlpFloatPass(network, batchSize, data);
            }
            return floatPass.lossAndGradient(theta, gradient, minibatch(step));
        }
        Buffers b = buffers(theta.dataType());
        b.in.load(theta, data, minibatch(step));
        INDArray[] p = b.in.parameters;
        INDArray[] dp = b.in.gradients;
        int layers = network.layers();
        for (int l = 0; l < layers; l++) {
            INDArray out = b.activations[l + 1];
            Nd4j.gemm(b.activations[l], p[2 * l], out, false, false, 1.0, 0.0);
            out.addiRowVector(p[2 * l + 1]);
            if (l < layers - 1) {
                network.activation().apply(out);
            }
        }
        double loss = b.in.crossEntropy.lossAndGradient(b.activations[layers], b.in.targets, b.deltas[layers]);
        INDArray delta;
        for (int l = layers - 1; l >= 0; l--) {
            delta = b.deltas[l + 1];
            Nd4j.gemm(b.activations[l], delta, dp[2 * l], true, false, 1.0, 0.0);
            Nd4j.gemm(b.in.ones, delta, dp[2 * l + 1], false, false, 1.0, 0.0);
            if (l > 0) {
                Nd4j.gemm(delta, p[2 * l], b.activationGradients[l], false, true, 1.0, 0.0);
                network.activation().backward(b.activations[l], b.activationGradients[l], b.deltas[l]);
            }
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

    /** Per-instance arrays: the shared ones, and each layer's activations and deltas. */
    private static final class Buffers {
        final ClassifierBuffers in;
        final INDArray[] activations;
        final INDArray[] activationGradients;
        final INDArray[] deltas;

        Buffers(DataType type, MlpNetwork network, int batchSize, ImageDataset data) {
            in = new ClassifierBuffers(type, network.views(), batchSize, data);
            int[] sizes = network.sizes();
            activations = new INDArray[sizes.length];
            activationGradients = new INDArray[sizes.length];
            deltas = new INDArray[sizes.length];
            for (int l = 0; l < sizes.length; l++) {
                activations[l] = l == 0 ? in.images : Nd4j.zeros(type, batchSize, sizes[l]);
                activationGradients[l] = Nd4j.zeros(type, batchSize, sizes[l]);
                deltas[l] = Nd4j.zeros(type, batchSize, sizes[l]);
            }
        }
    }
}
