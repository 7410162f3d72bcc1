package dev.l2l.optimizers;

import dev.l2l.core.rnn.CellBuffers;
import dev.l2l.core.rnn.RecurrentCell;
import dev.l2l.core.testkit.RecurrentCellContract;
import dev.l2l.optimizers.preprocessing.IdentityPreprocessing;
import dev.l2l.optimizers.preprocessing.LogSignPreprocessing;
import dev.l2l.optimizers.preprocessing.RnnPropPreprocessing;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void rnnPropMatchesAdamsMomentsByHand() {
        double beta1 = 0.9;
        double beta2 = 0.99;
        double eps = 1e-8;
        RnnPropPreprocessing cell = new RnnPropPreprocessing(beta1, beta2, eps);
        double[] g1 = {0.5, -2.0};
        double[] g2 = {0.1, 1.0};
        INDArray[] state = new INDArray[4];
        for (int k = 0; k < 4; k++) {
            state[k] = Nd4j.zeros(DataType.DOUBLE, 1, 2);
        }
        double[][] second;
        try (CellBuffers step = cell.newBuffers(2, DataType.DOUBLE);
             CellBuffers scratch = cell.newBuffers(2, DataType.DOUBLE)) {
            cell.forward(null, Nd4j.create(new double[][] {g1}), state, step, scratch);
            for (int k = 0; k < 4; k++) {
                state[k].assign(step.state()[k]);
            }
            cell.forward(null, Nd4j.create(new double[][] {g2}), state, step, scratch);
            second = step.output().toDoubleMatrix();
        }
        for (int i = 0; i < 2; i++) {
            double m = beta1 * (1 - beta1) * g1[i] + (1 - beta1) * g2[i];
            double v = beta2 * (1 - beta2) * g1[i] * g1[i] + (1 - beta2) * g2[i] * g2[i];
            double mHat = m / (1 - beta1 * beta1);
            double d = Math.sqrt(v / (1 - beta2 * beta2)) + eps;
            assertEquals(g2[i] / d, second[0][i], 1e-12);
            assertEquals(mHat / d, second[1][i], 1e-12);
        }
    }

    @Test
    void backwardPassesMatchFiniteDifferences() {
        RecurrentCellContract.checkBackward(new RnnPropPreprocessing(0.9, 0.95, 1e-8), 6, 5, 1.0, 1e-6);
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
