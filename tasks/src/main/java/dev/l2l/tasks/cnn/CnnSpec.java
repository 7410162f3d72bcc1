package dev.l2l.tasks.cnn;

import dev.l2l.core.Task;
import dev.l2l.core.plugin.ConfigException;
import dev.l2l.core.plugin.TaskSpec;
import dev.l2l.tasks.data.ImageDataset;
import dev.l2l.tasks.data.MnistFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Configuration of {@code type: cnn}: a convolutional network classifying MNIST-format images with
 * softmax cross-entropy, trained on minibatches. Each convolution layer is a 3×3 convolution
 * (stride 1, same padding), ReLU and 2×2 max-pooling; then a dense ReLU layer and the output layer.
 * Its parameters form two groups, {@code conv} and {@code dense}, which {@code optimizers:} can give
 * learned optimizers of their own.
 */
public final class CnnSpec implements TaskSpec {

    /**
     * Directory of the four MNIST-format IDX files (as for {@code type: mnist}); unset: the
     * 10,000-digit MNIST subset shipped with l2l.
     */
    public String dataDir;
    /** Output channels of each convolution layer, input side first. */
    public List<Integer> channels = new ArrayList<>(List.of(8, 16));
    /** Units of the dense hidden layer. */
    public int denseUnits = 32;
    /** Images per minibatch, drawn uniformly (with replacement) afresh at every step. */
    public int batchSize = 128;

    @Override
    public void validate() {
        MnistFiles.validateDataDir("dataDir", dataDir);
        if (channels == null || channels.isEmpty()) {
            throw new ConfigException("channels", "must list the channels of at least one convolution layer, e.g. [8, 16]");
        }
        for (int i = 0; i < channels.size(); i++) {
            Integer c = channels.get(i);
            if (c == null || c < 1) {
                throw new ConfigException("channels[" + i + "]", "must be a positive number of channels, got " + c);
            }
        }
        ConfigException.requirePositive("denseUnits", denseUnits);
        ConfigException.requirePositive("batchSize", batchSize);
        ImageDataset data = MnistFiles.load(dataDirectory(), MnistFiles.Split.TRAIN);
        try {
            network(data);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("channels", e.getMessage());
        }
    }

    @Override
    public Task create() {
        return new CnnTask(MnistFiles.load(dataDirectory(), MnistFiles.Split.TRAIN),
                () -> MnistFiles.load(dataDirectory(), MnistFiles.Split.TEST),
                channels.stream().mapToInt(Integer::intValue).toArray(), denseUnits, batchSize);
    }

    private CnnNetwork network(ImageDataset data) {
        return new CnnNetwork(data.height(), data.width(), channels.stream().mapToInt(Integer::intValue).toArray(),
                denseUnits, data.classes());
    }

    private Path dataDirectory() {
        return dataDir == null ? null : Path.of(dataDir);
    }
}
