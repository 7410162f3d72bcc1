package dev.l2l.optimizers;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Optimizee;
import dev.l2l.core.ParameterLayout;
import dev.l2l.core.Rollout;
import dev.l2l.core.groups.GroupedOptimizer;
import dev.l2l.core.testkit.MetaGradientContract;
import dev.l2l.core.testkit.TestProblems;
import dev.l2l.optimizers.gru.GruSpec;
import dev.l2l.optimizers.lstm.LstmSpec;
import dev.l2l.optimizers.preprocessing.RnnPropSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An LSTM for group {@code a} and a GRU for group {@code b} of the same problems. */
class GroupedOptimizerTest {

    private static LearnedOptimizer lstm() {
        LstmSpec spec = new LstmSpec();
        spec.layers = 1;
        spec.units = 3;
        spec.preprocessing = new RnnPropSpec();
        return spec.create(DataType.DOUBLE, 3);
    }

    private static LearnedOptimizer gru() {
        GruSpec spec = new GruSpec();
        spec.layers = 1;
        spec.units = 2;
        return spec.create(DataType.DOUBLE, 4);
    }

    private static GroupedOptimizer grouped() {
        Map<String, LearnedOptimizer> members = new LinkedHashMap<>();
        members.put("a", lstm());
        members.put("b", gru());
        return new GroupedOptimizer(members);
    }

    /** Two stacked problems of 5 coordinates: group a is the first 2 of each, group b the other 3. */
    private static List<Optimizee> problems() {
        return List.of(TestProblems.grouped(TestProblems.quadratic(5, 1), new String[] {"a", "b"}, new int[] {2, 3}),
                TestProblems.grouped(TestProblems.quadratic(5, 2), new String[] {"a", "b"}, new int[] {2, 3}));
    }

    private static INDArray columns(INDArray row, int... columns) {
        INDArray out = Nd4j.zeros(DataType.DOUBLE, 1, columns.length);
        for (int k = 0; k < columns.length; k++) {
            out.putScalar(0, k, row.getDouble(0, columns[k]));
        }
        return out;
    }

    @Test
    void eachGroupIsSteppedByItsOwnOptimizerAlone() {
        GroupedOptimizer grouped = grouped();
        LearnedOptimizer lstm = lstm();
        LearnedOptimizer gru = gru();
        assertArrayEquals(Nd4j.concat(0, lstm.parameters(), gru.parameters()).toDoubleVector(),
                grouped.parameters().toDoubleVector());
        ParameterLayout layout = ParameterLayout.stack(problems());
        int[] a = {0, 1, 5, 6};
        int[] b = {2, 3, 4, 7, 8, 9};
        java.util.Random random = new java.util.Random(9);
        try (Rollout together = grouped.newRollout(layout, false);
             Rollout alone = lstm.newRollout(a.length, false);
             Rollout alsoAlone = gru.newRollout(b.length, false)) {
            INDArray update = Nd4j.zeros(DataType.DOUBLE, 1, 10);
            INDArray updateA = Nd4j.zeros(DataType.DOUBLE, 1, a.length);
            INDArray updateB = Nd4j.zeros(DataType.DOUBLE, 1, b.length);
            for (int step = 0; step < 4; step++) {
                INDArray gradient = Nd4j.zeros(DataType.DOUBLE, 1, 10);
                for (int i = 0; i < 10; i++) {
                    gradient.putScalar(0, i, random.nextGaussian());
                }
                together.step(gradient, update);
                alone.step(columns(gradient, a), updateA);
                alsoAlone.step(columns(gradient, b), updateB);
                assertArrayEquals(updateA.toDoubleVector(), columns(update, a).toDoubleVector(), 1e-14);
                assertArrayEquals(updateB.toDoubleVector(), columns(update, b).toDoubleVector(), 1e-14);
            }
        }
    }

    @Test
    void metaGradientMatchesFiniteDifferencesInBothOrders() {
        MetaGradientTest.report(MetaGradientContract.check(grouped(), problems(),
                MetaGradientTest.settings(false, "uniform"), 1e-6));
        MetaGradientTest.report(MetaGradientContract.check(grouped(), problems(),
                MetaGradientTest.settings(true, "uniform"), 1e-6));
    }

    @Test
    void membersSeeChangesToTheSharedParameters() {
        GroupedOptimizer grouped = grouped();
        long lstmLength = grouped.member("a").parameters().length();
        grouped.parameters().putScalar(lstmLength, 42.0);
        assertEquals(42.0, grouped.member("b").parameters().getDouble(0));
    }

    @Test
    void resettingAnInstanceResetsItsCoordinatesInEveryGroup() {
        GroupedOptimizer grouped = grouped();
        ParameterLayout layout = ParameterLayout.stack(problems());
        INDArray gradient = Nd4j.linspace(DataType.DOUBLE, -1.0, 1.0, 10).reshape(1, 10);
        INDArray first = Nd4j.zeros(DataType.DOUBLE, 1, 10);
        INDArray later = Nd4j.zeros(DataType.DOUBLE, 1, 10);
        try (Rollout fresh = grouped.newRollout(layout, false); Rollout used = grouped.newRollout(layout, false)) {
            fresh.step(gradient, first);
            for (int step = 0; step < 3; step++) {
                used.step(gradient, later);
            }
            used.resetState(5, 10);
            used.step(gradient, later);
        }
        INDArray secondInstance = later.get(NDArrayIndex.all(), NDArrayIndex.interval(5, 10));
        INDArray firstInstance = later.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 5));
        assertArrayEquals(first.get(NDArrayIndex.all(), NDArrayIndex.interval(5, 10)).toDoubleVector(),
                secondInstance.toDoubleVector(), 1e-14);
        assertTrue(firstInstance.sub(first.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 5))).norm2Number()
                .doubleValue() > 1e-6, "the first instance kept its state");
    }

    @Test
    void aLayoutThatDoesNotMatchTheGroupsIsRefused() {
        GroupedOptimizer grouped = grouped();
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> grouped.newRollout(ParameterLayout.whole(4), false));
        assertTrue(missing.getMessage().contains("no optimizer for 'all'"), missing.getMessage());
        List<Optimizee> onlyA = List.of(TestProblems.grouped(TestProblems.quadratic(2, 1), new String[] {"a"}, new int[] {2}));
        IllegalArgumentException unused = assertThrows(IllegalArgumentException.class,
                () -> grouped.newRollout(ParameterLayout.stack(onlyA), false));
        assertTrue(unused.getMessage().contains("'b'"), unused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> grouped.newRollout(10, false));
    }
}
