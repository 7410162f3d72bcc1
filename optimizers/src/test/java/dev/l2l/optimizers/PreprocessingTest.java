package dev.l2l.optimizers;

import dev.l2l.core.rnn.CellBuffers;
import dev.l2l.core.rnn.RecurrentCell;
import dev.l2l.core.testkit.RecurrentCellContract;
import dev.l2l.optimizers.preprocessing.IdentityPreprocessing;
import dev.l2l.optimizers.preprocessing.LogSignPreprocessing;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class PreprocessingTest {

    @Test
    void logSignMatchesTheFormulaOnBothBranches() {
        double p = 10;
        double small = 1e-6; // below e^-10 ≈ 4.54e-5: linear branch
        double[] gradient = {0.5, -3.0, small, -small, 0.0};
        double[][] features = features(new LogSignPreprocessing(p), gradient);
        double[] magnitude = {Math.log(0.5) / p, Math.log(3.0) / p, -1, -1, -1};
        double[] sign = {1, -1, Math.exp(p) * small, -Math.exp(p) * small, 0};
        assertArrayEquals(magnitude, features[0], 1e-12);
        assertArrayEquals(sign, features[1], 1e-12);
    }

    @Test
    void identityPassesTheGradientThrough() {
        double[] gradient = {0.5, -3.0, 1e-9};
        assertArrayEquals(gradient, features(new IdentityPreprocessing(), gradient)[0], 0);
    }

    @Test
    void backwardPassesMatchFiniteDifferences() {
        RecurrentCellContract.checkBackward(new LogSignPreprocessing(2), 6, 5, 1.0, 1e-7);
        RecurrentCellContract.checkBackward(new IdentityPreprocessing(), 6, 5, 1.0, 1e-7);
    }

    private static double[][] features(RecurrentCell cell, double[] gradient) {
        INDArray input = Nd4j.create(new double[][] {gradient}).castTo(DataType.DOUBLE);
        try (CellBuffers step = cell.newBuffers(gradient.length, DataType.DOUBLE);
             CellBuffers scratch = cell.newBuffers(gradient.length, DataType.DOUBLE)) {
            cell.forward(null, input, new INDArray[0], step, scratch);
            return step.output().toDoubleMatrix();
        }
    }
}
