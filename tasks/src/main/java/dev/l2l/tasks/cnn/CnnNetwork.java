package dev.l2l.tasks.cnn;

import dev.l2l.core.ParameterGroup;
import dev.l2l.core.rnn.ParameterViews;

import java.util.List;

/**
 * The architecture of a CNN family and the layout of θ. For each convolution layer l (input side
 * first): the kernel as a matrix [outₗ × inₗ·3·3] (the kernel [out, in, 3, 3] flattened, as in
 * PyTorch) then the bias [outₗ × 1];
 * then the dense hidden layer W [features × units], b [units]; then the output layer W [units ×
 * classes], b [classes]. The convolution parameters form the group {@code conv}, the rest the
 * group {@code dense}.
 */
final class CnnNetwork {

    /** Kernel size of every convolution (same padding, stride 1). */
    static final int KERNEL = 3;
    /** Window and stride of every max-pooling. */
    static final int POOL = 2;

    private final int height;
    private final int width;
    private final int[] channels;
    private final int denseUnits;
    private final int classes;
    private final int[] sideHeights;
    private final int[] sideWidths;
    private final ParameterViews views;
    private final int convParameters;

    /**
     * @param height image height
     * @param width image width
     * @param channels output channels of each convolution layer
     * @param denseUnits units of the dense hidden layer
     * @param classes number of classes
     */
    CnnNetwork(int height, int width, int[] channels, int denseUnits, int classes) {
        if (channels.length == 0) {
            throw new IllegalArgumentException("a CNN needs at least one convolution layer");
        }
        this.height = height;
        this.width = width;
        this.channels = channels.clone();
        this.denseUnits = denseUnits;
        this.classes = classes;
        sideHeights = new int[channels.length + 1];
        sideWidths = new int[channels.length + 1];
        sideHeights[0] = height;
        sideWidths[0] = width;
        for (int l = 0; l < channels.length; l++) {
            sideHeights[l + 1] = sideHeights[l] / POOL;
            sideWidths[l + 1] = sideWidths[l] / POOL;
        }
        if (sideHeights[channels.length] < 1 || sideWidths[channels.length] < 1) {
            int side = Math.min(height, width);
            throw new IllegalArgumentException(channels.length + " convolution layers, each halving the image, leave "
                    + "nothing of " + height + "×" + width + " pixels (at most "
                    + (31 - Integer.numberOfLeadingZeros(side)) + ")");
        }
        long[][] shapes = new long[2 * channels.length + 4][];
        long conv = 0;
        for (int l = 0; l < channels.length; l++) {
            shapes[2 * l] = new long[] {channels[l], (long) inputChannels(l) * KERNEL * KERNEL};
            shapes[2 * l + 1] = new long[] {channels[l], 1};
            conv += (long) KERNEL * KERNEL * inputChannels(l) * channels[l] + channels[l];
        }
        int d = 2 * channels.length;
        shapes[d] = new long[] {features(), denseUnits};
        shapes[d + 1] = new long[] {1, denseUnits};
        shapes[d + 2] = new long[] {denseUnits, classes};
        shapes[d + 3] = new long[] {1, classes};
        this.views = new ParameterViews(shapes);
        if (views.size() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a CNN of more than 2^31 parameters");
        }
        this.convParameters = (int) conv;
    }

    int height() {
        return height;
    }

    int width() {
        return width;
    }

    /** Number of convolution layers. */
    int convLayers() {
        return channels.length;
    }

    /** Input channels of convolution layer {@code l} (1 for the greyscale image). */
    int inputChannels(int l) {
        return l == 0 ? 1 : channels[l - 1];
    }

    /** Output channels of convolution layer {@code l}. */
    int outputChannels(int l) {
        return channels[l];
    }

    /** Height of the input of convolution layer {@code l} (l = convLayers(): of the dense layer's input). */
    int sideHeight(int l) {
        return sideHeights[l];
    }

    /** Width of the input of convolution layer {@code l}. */
    int sideWidth(int l) {
        return sideWidths[l];
    }

    /** Inputs of the dense hidden layer: the last pooled feature maps, flattened. */
    int features() {
        int last = channels.length;
        return channels[last - 1] * sideHeights[last] * sideWidths[last];
    }

    int denseUnits() {
        return denseUnits;
    }

    int classes() {
        return classes;
    }

    int[] channels() {
        return channels.clone();
    }

    /** Total number of parameters. */
    int parameters() {
        return (int) views.size();
    }

    /** Blocks W₁, b₁, …, W_L, b_L, W_dense, b_dense, W_out, b_out of a flat θ or gradient, as new views. */
    ParameterViews views() {
        return views;
    }

    /** {@code conv}: the kernels and biases of the convolutions; {@code dense}: the rest. */
    List<ParameterGroup> groups() {
        return List.of(new ParameterGroup("conv", 0, convParameters), new ParameterGroup("dense", convParameters, parameters()));
    }

    /** Fan-in of block {@code block} (a weight block) for the initialisation. */
    int fanIn(int block) {
        int d = 2 * channels.length;
        if (block < d) {
            return KERNEL * KERNEL * inputChannels(block / 2);
        }
        return block == d ? features() : denseUnits;
    }
}
