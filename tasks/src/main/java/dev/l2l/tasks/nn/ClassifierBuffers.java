package dev.l2l.tasks.nn;

import dev.l2l.core.rnn.ParameterViews;
import dev.l2l.tasks.data.ImageDataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arrays every image classifier instance needs in one precision: its own copy of θ and of the
 * gradient with their per-tensor views, the minibatch's images [B × pixels] and one-hot labels
 * [B × classes], a row of ones [1 × B] for bias gradients, and the softmax cross-entropy.
 */
public final class ClassifierBuffers {

    /** Precision of every array. */
    public final DataType type;
    /** θ, copied in at every call. */
    public final INDArray theta;
    /** The gradient, copied out at the end of every call. */
    public final INDArray gradient;
    /** Per-tensor views of {@link #theta}. */
    public final INDArray[] parameters;
    /** Per-tensor views of {@link #gradient}. */
    public final INDArray[] gradients;
    /** The minibatch's images, one per row. */
    public final INDArray images;
    /** The minibatch's labels, one-hot. */
    public final INDArray targets;
    /** [1 × B] of ones. */
    public final INDArray ones;
    /** Loss and logit gradient. */
    public final SoftmaxCrossEntropy crossEntropy;

    /**
     * @param layout the tensors of θ
     * @param batchSize images per minibatch
     * @param data the data set (for the image and class counts)
     */
    public ClassifierBuffers(DataType type, ParameterViews layout, int batchSize, ImageDataset data) {
        this.type = type;
        int n = (int) layout.size();
        theta = Nd4j.zeros(type, 1, n);
        gradient = Nd4j.zeros(type, 1, n);
        parameters = layout.split(theta.reshape(n));
        gradients = layout.split(gradient.reshape(n));
        images = Nd4j.zeros(type, batchSize, data.pixelsPerImage());
        targets = Nd4j.zeros(type, batchSize, data.classes());
        ones = Nd4j.ones(type, 1, batchSize);
        crossEntropy = new SoftmaxCrossEntropy(type, batchSize, data.classes());
    }

    /** Copies θ in and gathers the images and labels of {@code rows} from {@code data}. */
    public void load(INDArray theta, ImageDataset data, int[] rows) {
        this.theta.assign(theta);
        Nd4j.pullRows(data.images(type), images, 1, rows);
        Nd4j.pullRows(data.oneHotLabels(type), targets, 1, rows);
    }
}
