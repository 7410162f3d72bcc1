package dev.l2l.optimizers;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Optimizee;
import dev.l2l.core.ParameterLayout;
import dev.l2l.core.eval.Contender;
import dev.l2l.core.eval.LearnedContender;
import dev.l2l.core.testkit.TestProblems;
import dev.l2l.optimizers.gru.GruSpec;
import dev.l2l.optimizers.lstm.LstmSpec;
import dev.l2l.optimizers.preprocessing.RnnPropSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A coordinatewise optimizer evaluated with its coordinates split over threads takes the same
 * steps, up to rounding, six steps on: ND4J's vectorised elementwise ops round some elements
 * differently when a part starts at another memory alignment, and OpenBLAS some columns of a
 * product when they fall elsewhere in a block of the float kernels (one part in 10⁷ at first;
 * the recurrent steps then amplify it, the GRU's more than the LSTM's: 2.9e-5 at worst seen).
 */
class CoordinateSplitTest {

    /** 3 × 4,001 coordinates, the groups of each instance splitting it unevenly, so that a split falls inside a group. */
    private static ParameterLayout layout() {
        List<Optimizee> problems = List.of(
                TestProblems.grouped(TestProblems.quadratic(4001, 1), new String[] {"conv", "dense"}, new int[] {1000, 3001}),
                TestProblems.grouped(TestProblems.quadratic(4001, 2), new String[] {"conv", "dense"}, new int[] {1000, 3001}),
                TestProblems.grouped(TestProblems.quadratic(4001, 3), new String[] {"conv", "dense"}, new int[] {1000, 3001}));
        return ParameterLayout.stack(problems);
    }

    private static float[] trajectory(Contender contender, ParameterLayout layout) {
        int n = layout.coordinates();
        INDArray theta = Nd4j.zeros(DataType.FLOAT, 1, n);
        INDArray gradient = Nd4j.zeros(DataType.FLOAT, 1, n);
        try (Contender.Run run = contender.start(layout, DataType.FLOAT)) {
            float[] values = new float[n];
            for (int t = 0; t < 6; t++) {
                // a gradient that differs between coordinates and steps
                float[] current = theta.toFloatVector();
                for (int i = 0; i < n; i++) {
                    values[i] = (t + 1) * (2f * i / n - 1) + 0.5f * current[i];
                }
                gradient.assign(Nd4j.createFromArray(values).reshape(1, n));
                run.step(theta, gradient);
            }
        }
        return theta.toFloatVector();
    }

    @Test
    void anLstmWithGroupInputsSplitOverThreeThreadsMatchesOneThread() {
        LstmSpec spec = new LstmSpec();
        spec.preprocessing = new RnnPropSpec();
        spec.groupInputs = List.of("conv", "dense");
        LearnedOptimizer lstm = spec.create(DataType.FLOAT, 5);
        assertTrue(lstm.coordinatewise());
        ParameterLayout layout = layout();
        assertTrue(layout.coordinates() / LearnedContender.MINIMUM_PART >= 2);
        float[] alone = trajectory(new LearnedContender(lstm, 1), layout);
        float[] split = trajectory(new LearnedContender(lstm, 3), layout);
        assertTrue(alone[7] != 0f && alone[11_000] != alone[7]);
        assertEqualUpToRounding(alone, split, 4e-6);
    }

    @Test
    void aGruSplitOverTwoThreadsMatchesOneThread() {
        LearnedOptimizer gru = new GruSpec().create(DataType.FLOAT, 2);
        ParameterLayout layout = ParameterLayout.whole(9000);
        assertEqualUpToRounding(trajectory(new LearnedContender(gru, 1), layout),
                trajectory(new LearnedContender(gru, 2), layout), 1e-4);
    }

    private static void assertEqualUpToRounding(float[] expected, float[] actual, double relative) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], relative * Math.abs(expected[i]) + 1e-9, "coordinate " + i);
        }
    }

    @Test
    void theRangeOfALayoutKeepsTheGroupsOfItsCoordinates() {
        ParameterLayout part = layout().range(3500, 5500);
        assertEquals(2000, part.coordinates());
        assertEquals(List.of(new ParameterLayout.Segment("dense", 0, 501), new ParameterLayout.Segment("conv", 501, 1501),
                new ParameterLayout.Segment("dense", 1501, 2000)), part.segments());
        assertFalse(new dev.l2l.core.groups.GroupedOptimizer(java.util.Map.of("all", new GruSpec().create(DataType.FLOAT, 2)))
                .coordinatewise());
    }
}
