package dev.l2l.tasks.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Mean softmax cross-entropy of a minibatch, −(1/B) Σᵢ log softmax(zᵢ)·yᵢ, and its gradient with
 * respect to the logits, (softmax Z − Y)/B. Holds its own [B × classes] buffers.
 */
public final class SoftmaxCrossEntropy implements AutoCloseable {

    private final int batchSize;
    private final INDArray logProbabilities;
    private final INDArray scratch;

    public SoftmaxCrossEntropy(DataType type, int batchSize, int classes) {
        this.batchSize = batchSize;
        logProbabilities = Nd4j.zeros(type, batchSize, classes);
        scratch = Nd4j.zeros(type, batchSize, classes);
    }

    /**
     * @param logits Z [B × classes], read only
     * @param targets one-hot Y [B × classes]
     * @param logitsGradient receives ∂loss/∂Z
     * @return the mean loss
     */
    public double lossAndGradient(INDArray logits, INDArray targets, INDArray logitsGradient) {
        Nd4j.exec(new LogSoftMax(logits, logProbabilities));
        double loss = -scratch.assign(logProbabilities).muli(targets).sumNumber().doubleValue() / batchSize;
        logitsGradient.assign(logProbabilities);
        Transforms.exp(logitsGradient, false).subi(targets).divi(batchSize);
        return loss;
    }

    @Override
    public void close() {
        logProbabilities.close();
        scratch.close();
    }
}
