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

/**
 * A tiny CNN whose conv and dense parameters have optimizers of their own (an LSTM and a GRU), end
 * to end: meta-training, evaluation, the saved optimizer file, and evaluating it again.
 */
class ParameterGroupRunTest {

    private static final String CONFIG = """
            name: tiny-cnn
            seed: 3
            task:
              type: cnn
              channels: [2]
              denseUnits: 4
              batchSize: 8
            optimizers:
              conv:
                type: lstm
                layers: 1
                units: 3
                outputScale: 0.01
              dense:
                type: gru
                layers: 1
                units: 2
                outputScale: 0.01
            training:
              metaBatches: 2
              metaBatchSize: 2
              horizon: 4
              unroll: 2
              logEvery: 1
            evaluation:
              instances: 3
              tuningInstances: 2
              learningRates: [0.01, 0.1]
              batchSize: 2
            baselines:
              - type: adam
            """;

    @TempDir
    Path directory;

    @Test
    void eachGroupIsMetaTrainedSavedAndEvaluatedWithItsOwnOptimizer() throws IOException {
        Path config = Files.writeString(directory.resolve("tiny-cnn.yaml"), CONFIG);
        Path run = directory.resolve("run");
        Output output = cli("run", config.toString(), "--out", run.toString());
        assertEquals(0, output.status(), output.err());
        assertTrue(output.out().contains("meta-training groups (conv: lstm, dense: gru) on cnn"), output.out());
        assertTrue(Files.readString(run.resolve("config.yaml")).contains("type: groups"));

        JsonNode results = new ObjectMapper().readTree(run.resolve("results.json").toFile());
        JsonNode learned = results.get("optimizers").get(0);
        assertEquals("groups", learned.get("name").asText());
        double[] curve = values(learned.get("meanCurve"));
        assertEquals(5, curve.length);

        Output inspect = cli("inspect", run.resolve(ExperimentRunner.OPTIMIZER_FILE).toString());
        assertEquals(0, inspect.status(), inspect.err());
        assertTrue(inspect.out().contains("groups"), inspect.out());

        Path again = directory.resolve("again");
        Output eval = cli("eval", run.toString(), config.toString(), "--out", again.toString());
        assertEquals(0, eval.status(), eval.err());
        JsonNode reevaluated = new ObjectMapper().readTree(again.resolve("results.json").toFile());
        assertEquals(java.util.Arrays.toString(curve),
                java.util.Arrays.toString(values(reevaluated.get("optimizers").get(0).get("meanCurve"))),
                "the saved optimizer gives the same losses");
    }

    @Test
    void aGroupedOptimizerOnATaskWithOtherGroupsIsRefusedInOneLine() throws IOException {
        Path config = Files.writeString(directory.resolve("tiny-cnn.yaml"), CONFIG.replace("horizon: 4", "horizon: 2"));
        Path run = directory.resolve("run");
        assertEquals(0, cli("train", config.toString(), "--out", run.toString()).status());
        Path quadratic = Files.writeString(directory.resolve("quadratic.yaml"), """
                task:
                  type: quadratic
                evaluation:
                  instances: 2
                  tuningInstances: 1
                  learningRates: [0.1]
                """);
        Output eval = cli("eval", run.toString(), quadratic.toString(), "--out", directory.resolve("q").toString());
        assertEquals(2, eval.status());
        assertEquals(1, eval.err().strip().lines().count(), eval.err());
        assertTrue(eval.err().contains(ExperimentRunner.OPTIMIZER_FILE + ": the optimizer has optimizers for the "
                + "parameter groups [conv, dense], but the task's parameter groups are [all]"), eval.err());
    }

    private static double[] values(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    private record Output(int status, String out, String err) {
    }

    private static Output cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
