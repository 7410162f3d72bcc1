package dev.l2l.runner.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Rollout;
import dev.l2l.core.eval.CurveSummary;
import dev.l2l.core.plugin.ComponentKind;
import dev.l2l.core.plugin.OptimizerSpec;
import dev.l2l.core.plugin.PluginRegistry;
import dev.l2l.runner.config.ConfigMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OptimizerFileTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discover(OptimizerFileTest.class.getClassLoader());

    @TempDir
    Path directory;

    @Test
    void saveThenLoadGivesTheSameUpdates() throws Exception {
        ObjectMapper json = ConfigMapper.json(REGISTRY);
        for (String type : List.of("lstm", "gru")) {
            for (DataType precision : List.of(DataType.FLOAT, DataType.DOUBLE)) {
                OptimizerSpec spec = (OptimizerSpec) REGISTRY.find(ComponentKind.OPTIMIZER, type).orElseThrow()
                        .specClass().getConstructor().newInstance();
                LearnedOptimizer original = spec.create(precision, 11);
                Path file = directory.resolve(type + precision + ".npz");
                new OptimizerFile(json).save(file, spec, original, json.createObjectNode());
                LearnedOptimizer loaded = new OptimizerFile(json).load(file).optimizer();
                assertEquals(precision, loaded.dataType());
                assertArrayEquals(original.parameters().toDoubleVector(), loaded.parameters().toDoubleVector(), 0);
                assertArrayEquals(updates(original), updates(loaded), 0, type + " " + precision);
            }
        }
    }

    @Test
    void npyRoundTripsBothPrecisions() throws IOException {
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            INDArray array = Nd4j.create(new double[] {1.5, -2.25, 1e-30, 3}, new long[] {4}, type);
            INDArray back = Npy.read(Npy.write(array), "x.npy");
            assertEquals(type, back.dataType());
            assertArrayEquals(array.toDoubleVector(), back.toDoubleVector(), 0);
        }
    }

    @Test
    void theLossChartHasAMeanAndABandPerOptimizer() {
        CurveSummary summary = CurveSummary.of(new double[][] {{3, 2, 1}, {4, 2, 0.5}});
        XYChart chart = Charts.lossCurvesChart(List.of(ContenderResult.of("lstm", "learned", null, null, summary),
                ContenderResult.of("adam", "baseline", 0.1, 0.5, summary)), "t");
        assertEquals(Set.of("lstm (learned)", "lstm 95% low", "lstm 95% high", "adam (baseline)", "adam 95% low",
                "adam 95% high"), chart.getSeriesCollection().stream().map(series -> series.getName())
                .collect(java.util.stream.Collectors.toSet()));
    }

    private static double[] updates(LearnedOptimizer optimizer) {
        INDArray gradient = Nd4j.create(new double[][] {{0.3, -0.2, 1.5, 1e-4}}).castTo(optimizer.dataType());
        INDArray update = gradient.ulike();
        double[] all = new double[12];
        try (Rollout rollout = optimizer.newRollout(4, false)) {
            for (int t = 0; t < 3; t++) {
                rollout.step(gradient, update);
                System.arraycopy(update.toDoubleVector(), 0, all, 4 * t, 4);
            }
        }
        return all;
    }
}
