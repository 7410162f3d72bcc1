package dev.l2l.optimizers;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Optimizee;
import dev.l2l.core.ParameterLayout;
import dev.l2l.core.Rollout;
import dev.l2l.core.plugin.ConfigException;
import dev.l2l.core.testkit.MetaGradientContract;
import dev.l2l.core.testkit.TestProblems;
import dev.l2l.optimizers.gru.GruSpec;
import dev.l2l.optimizers.lstm.LstmSpec;
import dev.l2l.optimizers.preprocessing.RnnPropSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One shared φ that reads which parameter group each coordinate is in ({@code groupInputs}). */
class GroupInputsTest {

    private static LearnedOptimizer lstm(List<String> groups) {
        LstmSpec spec = new LstmSpec();
        spec.layers = 2;
        spec.units = 3;
        spec.preprocessing = new RnnPropSpec();
        spec.groupInputs = groups;
        return spec.create(DataType.DOUBLE, 3);
    }

    /** Two stacked problems of 5 coordinates: group a is the first 2 of each, group b the other 3. */
    private static List<Optimizee> problems() {
        return List.of(TestProblems.grouped(TestProblems.quadratic(5, 1), new String[] {"a", "b"}, new int[] {2, 3}),
                TestProblems.grouped(TestProblems.quadratic(5, 2), new String[] {"a", "b"}, new int[] {2, 3}));
    }

    /** One step from a fresh state with the same gradient on every coordinate. */
    private static double[] firstUpdate(LearnedOptimizer optimizer, ParameterLayout layout) {
        INDArray gradient = Nd4j.zeros(DataType.DOUBLE, 1, layout.coordinates()).addi(0.3);
        INDArray update = Nd4j.zeros(DataType.DOUBLE, 1, layout.coordinates());
        try (Rollout rollout = optimizer.newRollout(layout, false)) {
            rollout.step(gradient, update);
        }
        return update.toDoubleVector();
    }

    @Test
    void eachGroupAddsOneInputToTheFirstLayer() {
        LearnedOptimizer plain = lstm(List.of());
        LearnedOptimizer grouped = lstm(List.of("a", "b"));
        // two more input columns in the first layer's W: 2 inputs × 4 gates × 3 units
        assertEquals(plain.parameters().length() + 2 * 4 * 3, grouped.parameters().length());
        GruSpec spec = new GruSpec();
        spec.groupInputs = List.of("conv");
        assertTrue(spec.create(DataType.DOUBLE, 1).parameters().length()
                > new GruSpec().create(DataType.DOUBLE, 1).parameters().length());
    }

    @Test
    void coordinatesOfDifferentGroupsGetDifferentUpdatesFromTheSameGradient() {
        ParameterLayout layout = ParameterLayout.stack(problems());
        double[] update = firstUpdate(lstm(List.of("a", "b")), layout);
        // same group, same history: same update; different groups: different updates
        assertEquals(update[0], update[1], 1e-15);
        assertEquals(update[0], update[5], 1e-15);
        assertEquals(update[2], update[9], 1e-15);
        assertNotEquals(update[0], update[2], 1e-9);
        double[] plain = firstUpdate(lstm(List.of()), layout);
        assertEquals(plain[0], plain[2], 1e-15);
    }

    @Test
    void aGroupNotNamedGetsZerosAndAProblemWithoutGroupsWorks() {
        LearnedOptimizer onlyA = lstm(List.of("a"));
        ParameterLayout layout = ParameterLayout.stack(problems());
        double[] update = firstUpdate(onlyA, layout);
        double[] whole = firstUpdate(onlyA, ParameterLayout.whole(10));
        // b's coordinates (indicator 0) behave like coordinates of a problem without groups
        assertEquals(whole[0], update[2], 1e-15);
        assertNotEquals(update[0], update[2], 1e-9);
        assertArrayEquals(firstUpdate(onlyA, ParameterLayout.whole(10)), whole, 0.0);
    }

    @Test
    void metaGradientMatchesFiniteDifferencesInBothOrders() {
        MetaGradientTest.report(MetaGradientContract.check(lstm(List.of("a", "b")), problems(),
                MetaGradientTest.settings(false, "uniform"), 1e-6));
        MetaGradientTest.report(MetaGradientContract.check(lstm(List.of("b")), problems(),
                MetaGradientTest.settings(true, "uniform"), 1e-6));
    }

    @Test
    void badGroupListsAreRefusedByName() {
        LstmSpec twice = new LstmSpec();
        twice.groupInputs = List.of("conv", "conv");
        ConfigException e = assertThrows(ConfigException.class, twice::validate);
        assertTrue(e.getMessage().contains("groupInputs") && e.getMessage().contains("'conv' twice"), e.getMessage());
        LstmSpec blank = new LstmSpec();
        blank.groupInputs = List.of(" ");
        assertThrows(ConfigException.class, blank::validate);
    }
}
