package dev.l2l.tasks.mlp;

import dev.l2l.core.rnn.ParameterViews;
import dev.l2l.tasks.nn.Activation;

/**
 * The architecture of an MLP family: layer sizes from input to output, the hidden activation, and
 * the layout of θ (per layer W [in × out] then b [1 × out]).
 */
final class MlpNetwork {

    private final int[] sizes;
    private final Activation activation;
    private final ParameterViews views;

    MlpNetwork(int[] sizes, Activation activation) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output size");
        }
        this.sizes = sizes.clone();
        this.activation = activation;
        long[][] shapes = new long[2 * (sizes.length - 1)][];
        for (int l = 0; l + 1 < sizes.length; l++) {
            shapes[2 * l] = new long[] {sizes[l], sizes[l + 1]};
            shapes[2 * l + 1] = new long[] {1, sizes[l + 1]};
        }
        this.views = new ParameterViews(shapes);
        if (views.size() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an MLP of more than 2^31 parameters");
        }
    }

    /** Layer sizes, input first, output last. */
    int[] sizes() {
        return sizes.clone();
    }

    /** Number of weight layers. */
    int layers() {
        return sizes.length - 1;
    }

    Activation activation() {
        return activation;
    }

    /** Total number of parameters. */
    int parameters() {
        return (int) views.size();
    }

    /** Views W₀, b₀, W₁, b₁, … of a flat θ or gradient. */
    ParameterViews views() {
        return views;
    }
}
