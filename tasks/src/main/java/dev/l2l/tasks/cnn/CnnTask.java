package dev.l2l.tasks.cnn;

import dev.l2l.core.Optimizee;
import dev.l2l.core.Task;
import dev.l2l.tasks.data.ImageDataset;

import java.util.function.Supplier;

/**
 * Convolutional classifiers of MNIST-format images: every instance shares the architecture and
 * the data and differs in its initial weights and its minibatches. Meta-trains on the
 * {@code train} split; {@link #heldOut()} is the same family on the {@code t10k} split.
 */
public final class CnnTask implements Task {

    private final CnnNetwork network;
    private final ImageDataset data;
    private final Supplier<ImageDataset> heldOutData;
    private final int batchSize;

    /**
     * @param channels output channels of each convolution layer, input side first
     * @param denseUnits units of the dense hidden layer
     */
    public CnnTask(ImageDataset data, Supplier<ImageDataset> heldOutData, int[] channels, int denseUnits, int batchSize) {
        this.network = new CnnNetwork(data.height(), data.width(), channels, denseUnits, data.classes());
        this.data = data;
        this.heldOutData = heldOutData;
        this.batchSize = batchSize;
    }

    /** Number of parameters of each instance. */
    public int parameters() {
        return network.parameters();
    }

    @Override
    public Optimizee sample(long seed) {
        return new Cnn(network, data, batchSize, seed);
    }

    @Override
    public Task heldOut() {
        ImageDataset heldOut = heldOutData.get();
        data.requireSameFormat(heldOut);
        return new CnnTask(heldOut, () -> heldOut, network.channels(), network.denseUnits(), batchSize);
    }
}
