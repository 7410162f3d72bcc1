package dev.l2l.tasks.mlp;

import dev.l2l.core.Optimizee;
import dev.l2l.core.Task;
import dev.l2l.tasks.data.ImageDataset;
import dev.l2l.tasks.data.MnistFiles;
import dev.l2l.tasks.nn.Activation;

import java.util.function.Supplier;

/**
 * MLP classifiers of MNIST-format images (Andrychowicz et al. 2016, §3.2): every instance shares
 * the architecture and the data and differs in its initial weights and its minibatches. The
 * family meta-trains on the {@code train} split; {@link #heldOut()} is the same family on the
 * {@code t10k} split.
 */
public final class MlpTask implements Task {

    private final MlpNetwork network;
    private final ImageDataset data;
    private final Supplier<ImageDataset> heldOutData;
    private final int batchSize;
    private final double initScale;

    MlpTask(MlpSpec spec) {
        this(MnistFiles.load(spec.dataDirectory(), MnistFiles.Split.TRAIN),
                () -> MnistFiles.load(spec.dataDirectory(), MnistFiles.Split.TEST),
                spec.hiddenLayers.stream().mapToInt(Integer::intValue).toArray(), Activation.parse(spec.activation),
                spec.batchSize, spec.initScale);
    }

    /**
     * A family over given data (for tests and other image tasks).
     *
     * @param hiddenLayers sizes of the hidden layers, input side first
     */
    public MlpTask(ImageDataset data, Supplier<ImageDataset> heldOutData, int[] hiddenLayers, Activation activation,
                   int batchSize, double initScale) {
        int[] sizes = new int[hiddenLayers.length + 2];
        sizes[0] = data.pixelsPerImage();
        System.arraycopy(hiddenLayers, 0, sizes, 1, hiddenLayers.length);
        sizes[sizes.length - 1] = data.classes();
        this.network = new MlpNetwork(sizes, activation);
        this.data = data;
        this.heldOutData = heldOutData;
        this.batchSize = batchSize;
        this.initScale = initScale;
    }

    /** Number of parameters of each instance. */
    public int parameters() {
        return network.parameters();
    }

    @Override
    public Optimizee sample(long seed) {
        return new Mlp(network, data, batchSize, initScale, seed);
    }

    @Override
    public Task heldOut() {
        ImageDataset heldOut = heldOutData.get();
        data.requireSameFormat(heldOut);
        int[] sizes = network.sizes();
        int[] hidden = java.util.Arrays.copyOfRange(sizes, 1, sizes.length - 1);
        return new MlpTask(heldOut, () -> heldOut, hidden, network.activation(), batchSize, initScale);
    }
}
