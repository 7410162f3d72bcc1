package dev.l2l.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tiny MNIST meta-training run on the shipped digits, end to end, and the same on another data directory. */
class MnistRunTest {

    private static final String CONFIG = """
            name: tiny-mnist
            seed: 2
            task:
              type: mnist
              hiddenLayers: [3]
              batchSize: 64
            optimizer:
              type: lstm
              units: 5
              preprocessing: {type: log-sign, p: 10}
            training:
              metaBatches: 2
              metaBatchSize: 2
              horizon: 20
              unroll: 5
              logEvery: 1
            evaluation:
              instances: 3
              tuningInstances: 2
              learningRates: [1.0, 3.16]
              batchSize: 2
            baselines:
              - type: adam
              - type: nag
            """;

    @TempDir
    Path directory;

    @Test
    void metaTrainsAndEvaluatesOnTheShippedDigits() throws IOException {
        Path config = Files.writeString(directory.resolve("tiny-mnist.yaml"), CONFIG);
        Path run = directory.resolve("run");
        assertEquals(0, cli("run", config.toString(), "--out", run.toString()));
        JsonNode results = new ObjectMapper().readTree(run.resolve("results.json").toFile());
        assertEquals("mnist", results.get("task").asText());
        JsonNode optimizers = results.get("optimizers");
        assertEquals(3, optimizers.size());
        for (JsonNode optimizer : optimizers) {
            JsonNode curve = optimizer.get("meanCurve");
            assertEquals(21, curve.size());
            // θ₀ ~ N(0, 0.01²): the first loss is close to ln 10 for every contender, on the same minibatches
            assertEquals(Math.log(10), curve.get(0).asDouble(), 0.02);
            assertEquals(curve.get(0).asDouble(), optimizers.get(0).get("meanCurve").get(0).asDouble(), 1e-6);
        }
        double best = Math.min(optimizers.get(1).get("meanCurve").get(20).asDouble(),
                optimizers.get(2).get("meanCurve").get(20).asDouble());
        assertTrue(best < Math.log(10) - 0.1, "a tuned baseline lowers the loss: " + best);
    }

    @Test
    void anotherDataDirectoryOnlyChangesTheData() throws IOException {
        Path data = Path.of("src/test/resources/idx-good"); // 64 digits in the standard layout
        Path config = Files.writeString(directory.resolve("other.yaml"), CONFIG.replace("hiddenLayers: [3]",
                "hiddenLayers: [3]\n  dataDir: " + data.toAbsolutePath()));
        Path run = directory.resolve("other");
        assertEquals(0, cli("run", config.toString(), "--out", run.toString()));
        assertTrue(Files.readString(run.resolve("config.yaml")).contains(data.toAbsolutePath().toString()));
        JsonNode results = new ObjectMapper().readTree(run.resolve("results.json").toFile());
        assertEquals(3, results.get("optimizers").size());
    }

    private int cli(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        return status;
    }
}
