package dev.l2l.tasks.mlp;

import dev.l2l.core.Task;
import dev.l2l.core.plugin.ConfigException;
import dev.l2l.core.plugin.TaskSpec;
import dev.l2l.tasks.data.MnistFiles;
import dev.l2l.tasks.nn.Activation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Configuration of {@code type: mnist}: a multilayer perceptron classifying MNIST-format images
 * with softmax cross-entropy, trained on minibatches. The defaults are the paper's (784-20-10,
 * sigmoid, minibatch 128) with DeepMind's initialisation (weights and biases N(0, 0.01²)).
 */
public final class MlpSpec implements TaskSpec {

    /**
     * Directory of the four MNIST-format IDX files ({@code train-images-idx3-ubyte[.gz]} …
     * {@code t10k-labels-idx1-ubyte[.gz]}), e.g. full MNIST or
     * {@code /usr/share/datasets/fashion-mnist}; unset: the 10,000-digit MNIST subset shipped with l2l.
     * Relative paths are resolved against the working directory.
     */
    public String dataDir;
    /** Sizes of the hidden layers, input side first. */
    public List<Integer> hiddenLayers = new ArrayList<>(List.of(20));
    /** Activation of the hidden layers: sigmoid, relu or tanh. */
    public String activation = "sigmoid";
    /** Images per minibatch, drawn uniformly (with replacement) afresh at every step. */
    public int batchSize = 128;
    /** Standard deviation of the Gaussian initial weights and biases. */
    public double initScale = 0.01;

    @Override
    public void validate() {
        MnistFiles.validateDataDir("dataDir", dataDir);
        if (hiddenLayers == null) {
            throw new ConfigException("hiddenLayers", "must be a list of layer sizes (may be empty: [])");
        }
        for (int i = 0; i < hiddenLayers.size(); i++) {
            Integer size = hiddenLayers.get(i);
            if (size == null || size < 1) {
                throw new ConfigException("hiddenLayers[" + i + "]", "must be a positive layer size, got " + size);
            }
        }
        if (Activation.parse(activation) == null) {
            throw new ConfigException("activation", "must be one of " + java.util.Arrays.stream(Activation.values())
                    .map(Activation::configName).collect(Collectors.joining(", ")) + ", got '" + activation + "'");
        }
        ConfigException.requirePositive("batchSize", batchSize);
        ConfigException.requireNonNegative("initScale", initScale);
    }

    @Override
    public Task create() {
        return new MlpTask(this);
    }

    /** The data directory as a path, or {@code null} for the shipped subset. */
    Path dataDirectory() {
        return dataDir == null ? null : Path.of(dataDir);
    }
}
