package dev.l2l.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Rollout;
import dev.l2l.core.plugin.PluginRegistry;
import dev.l2l.runner.config.ConfigMapper;
import dev.l2l.runner.results.OptimizerFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small run from YAML to results, twice: the files, their determinism and the saved optimizer. */
class EndToEndTest {

    private static final String CONFIG = """
            name: tiny
            seed: 3
            task:
              type: quadratic
              dimension: 4
            optimizer:
              type: lstm
              units: 6
            training:
              metaBatches: 3
              metaBatchSize: 4
              horizon: 10
              unroll: 5
              logEvery: 1
            evaluation:
              instances: 6
              tuningInstances: 3
              learningRates: [0.01, 0.1]
            baselines:
              - type: sgd
              - type: adam
            """;

    @TempDir
    Path directory;

    @Test
    void runWritesDeterministicResultsAndALoadableOptimizer() throws IOException {
        Path config = directory.resolve("tiny.yaml");
        Files.writeString(config, CONFIG);
        Path first = directory.resolve("first");
        Path second = directory.resolve("second");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        assertEquals(0, Main.execute(new String[] {"run", config.toString(), "--out", first.toString()},
                new PrintStream(console, true), System.err));
        assertEquals(0, Main.execute(new String[] {"run", config.toString(), "--out", second.toString()},
                new PrintStream(new ByteArrayOutputStream(), true), System.err));

        assertTrue(console.toString().contains("optimizee steps/s"), console.toString());
        String results = Files.readString(first.resolve("results.json"));
        assertEquals(results, Files.readString(second.resolve("results.json")));
        for (String file : new String[] {"curves.csv", "config.yaml", "optimizer.npz", "timing.json", "checkpoint.zip",
                "report.md", "loss-curves.png", "meta-training.png"}) {
            assertTrue(Files.exists(first.resolve(file)), file);
        }

        JsonNode root = new ObjectMapper().readTree(results);
        JsonNode optimizers = root.get("optimizers");
        assertEquals(3, optimizers.size());
        assertEquals("lstm", optimizers.get(0).get("name").asText());
        assertEquals("learned", optimizers.get(0).get("kind").asText());
        assertTrue(optimizers.get(0).get("learningRate").isNull());
        assertEquals("baseline", optimizers.get(1).get("kind").asText());
        assertTrue(optimizers.get(1).get("learningRate").isNumber());
        for (JsonNode optimizer : optimizers) {
            assertEquals(11, optimizer.get("meanCurve").size());
            assertEquals(2, optimizer.get("finalLossCi95").size());
            assertTrue(optimizer.get("finalLossMedian").isNumber());
            assertEquals(optimizer.get("finalLossMean").asDouble(), optimizer.get("meanCurve").get(10).asDouble(), 0);
        }
        assertTrue(optimizers.get(0).get("learnedMinusThis").isNull(), "no paired comparison with itself");
        double learnedMean = optimizers.get(0).get("finalLossMean").asDouble();
        for (int k = 1; k < optimizers.size(); k++) {
            JsonNode paired = optimizers.get(k).get("learnedMinusThis");
            // the mean of the paired differences is the difference of the means
            assertEquals(learnedMean - optimizers.get(k).get("finalLossMean").asDouble(), paired.get("mean").asDouble(),
                    1e-12 * (1 + Math.abs(learnedMean)));
            assertTrue(paired.get("ciLow").asDouble() <= paired.get("mean").asDouble()
                    && paired.get("mean").asDouble() <= paired.get("ciHigh").asDouble(), paired.toString());
            assertEquals(6, paired.get("instances").asInt());
            assertTrue(paired.get("lowerOn").asInt() >= 0 && paired.get("lowerOn").asInt() <= 6);
        }
        assertTrue(console.toString().contains("lstm − baseline at step 10, paired over the same instances"),
                console.toString());
        assertTrue(Files.readString(first.resolve("report.md")).contains("| lstm − this, paired (95% interval) |"));
        assertEquals(3, root.get("metaLosses").size());
        assertEquals(12, Files.readAllLines(first.resolve("curves.csv")).size());

        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
        OptimizerFile files = new OptimizerFile(ConfigMapper.json(registry));
        LearnedOptimizer a = files.load(first.resolve("optimizer.npz")).optimizer();
        LearnedOptimizer b = files.load(second.resolve("optimizer.npz")).optimizer();
        assertArrayEquals(a.parameters().toDoubleVector(), b.parameters().toDoubleVector(), 0);
        assertEquals(a.parameters().length(), b.parameters().length());
        assertArrayEquals(firstUpdate(a), firstUpdate(b), 0);
    }

    private static double[] firstUpdate(LearnedOptimizer optimizer) {
        INDArray gradient = Nd4j.create(new double[][] {{0.3, -0.2, 1.5}}).castTo(optimizer.dataType());
        INDArray update = gradient.ulike();
        try (Rollout rollout = optimizer.newRollout(3, false)) {
            rollout.step(gradient, update);
        }
        return update.toDoubleVector();
    }
}
