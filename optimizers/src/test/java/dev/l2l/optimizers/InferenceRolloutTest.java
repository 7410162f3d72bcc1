package dev.l2l.optimizers;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Rollout;
import dev.l2l.optimizers.gru.GruSpec;
import dev.l2l.optimizers.lstm.LstmSpec;
import dev.l2l.optimizers.preprocessing.RnnPropSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * A rollout created without recording (whose cells may skip what only backward needs) takes
 * exactly the steps of a recording one, in float (the LSTM's fused kernel) and in double.
 */
class InferenceRolloutTest {

    /** Several 512-coordinate blocks of the kernel and a partial one. */
    private static final int COORDINATES = 1_300;

    @Test
    void lstmInFloatAndDouble() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            LstmSpec spec = new LstmSpec();
            spec.preprocessing = new RnnPropSpec();
            assertSameSteps(spec.create(type, 4), type);
        }
    }

    @Test
    void gru() {
        assertSameSteps(new GruSpec().create(DataType.FLOAT, 4), DataType.FLOAT);
    }

    private static void assertSameSteps(LearnedOptimizer optimizer, DataType type) {
        INDArray gradient = Nd4j.zeros(type, 1, COORDINATES);
        INDArray inferred = Nd4j.zeros(type, 1, COORDINATES);
        INDArray recorded = Nd4j.zeros(type, 1, COORDINATES);
        try (Rollout inference = optimizer.newRollout(COORDINATES, false);
             Rollout recording = optimizer.newRollout(COORDINATES, true)) {
            for (int t = 0; t < 5; t++) {
                double[] values = new double[COORDINATES];
                for (int i = 0; i < COORDINATES; i++) {
                    values[i] = 0.01 * (t + 1) * Math.sin(0.37 * i + t);
                }
                gradient.assign(Nd4j.createFromArray(values).reshape(1, COORDINATES).castTo(type));
                inference.step(gradient, inferred);
                recording.step(gradient, recorded);
                assertArrayEquals(recorded.toDoubleVector(), inferred.toDoubleVector(), 0.0, "step " + t + ", " + type);
            }
        }
    }
}
