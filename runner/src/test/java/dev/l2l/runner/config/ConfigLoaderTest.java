package dev.l2l.runner.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2l.core.plugin.PluginRegistry;
import dev.l2l.runner.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discover(ConfigLoaderTest.class.getClassLoader());
    private static final ObjectMapper YAML = ConfigMapper.yaml(REGISTRY);
    private static final String MINIMAL = "task:\n  type: quadratic\noptimizer:\n  type: lstm\n";

    @TempDir
    Path directory;

    @Test
    void omittedFieldsTakeTheirDefaults() throws IOException {
        ExperimentConfig config = load(MINIMAL);
        assertEquals(20, config.training.unroll);
        assertEquals(100, config.training.horizon);
        assertEquals(100, config.evaluation.instances);
        String resolved = YAML.writeValueAsString(config);
        assertTrue(resolved.contains("units: 20"), resolved);
        assertTrue(resolved.contains("outputScale: 0.1"), resolved);
        assertTrue(resolved.contains("type: none"), resolved);
        assertTrue(resolved.contains("dimension: 10"), resolved);
    }

    @Test
    void nestedTypesBind() throws IOException {
        ExperimentConfig config = load("task:\n  type: quadratic\noptimizer:\n  type: lstm\n  preprocessing:\n"
                + "    type: log-sign\n    p: 5\nbaselines:\n  - type: adam\n  - type: nag\n    momentum: 0.8\n");
        String resolved = YAML.writeValueAsString(config);
        assertTrue(resolved.contains("type: log-sign"), resolved);
        assertTrue(resolved.contains("p: 5.0"), resolved);
        assertEquals(2, config.baselines.size());
    }

    @Test
    void unknownKeyNamesLineFieldAndSuggestion() {
        String message = error(MINIMAL + "training:\n  unrol: 10\n");
        assertEquals("exp.yaml:6: unknown key 'unrol' in training (known: averageDecay, checkpointEvery, clipNorm, horizon, learningRate, "
                + "learningRateSchedule, logEvery, metaBatchSize, metaBatches, metaLoss, precision, secondOrder, "
                + "selectEvery, stepWeights, threads, unroll); did you mean 'unroll'?",
                relative(message));
    }

    @Test
    void unknownTypeListsKnownNames() {
        String message = relative(error("task:\n  type: quadratic\noptimizer:\n  type: lstn\n"));
        assertTrue(message.startsWith("exp.yaml:4: optimizer: unknown optimizer type 'lstn' (known: "), message);
        assertTrue(message.contains("lstm"), message);
        assertTrue(message.endsWith("did you mean 'lstm'?"), message);
    }

    @Test
    void missingTypeIsNamed() {
        String message = relative(error("task:\n  dimension: 3\noptimizer:\n  type: lstm\n"));
        assertTrue(message.startsWith("exp.yaml:"), message);
        assertTrue(message.contains("task: missing 'type' (known task types: cnn, mnist, quadratic"), message);
    }

    @Test
    void malformedYamlGivesTheLine() {
        String message = relative(error("task:\n  type: quadratic\noptimizer: [lstm\n"));
        assertTrue(message.matches("exp\\.yaml:\\d+: malformed YAML: .*"), message);
    }

    @Test
    void negativeUnrollNamesFieldAndLine() {
        String message = relative(error(MINIMAL + "training:\n  horizon: 100\n  unroll: -5\n"));
        assertEquals("exp.yaml:7: training.unroll: must be positive, got -5", message);
    }

    @Test
    void wrongValueTypeIsRefusedWithoutCoercion() {
        String message = relative(error("task:\n  type: quadratic\noptimizer:\n  type: lstm\n  units: \"20\"\n"));
        assertTrue(message.startsWith("exp.yaml:5: optimizer.units: expected an integer"), message);
        String fraction = relative(error("task:\n  type: quadratic\n  dimension: 2.5\noptimizer:\n  type: lstm\n"));
        assertTrue(fraction.startsWith("exp.yaml:3: task.dimension: expected an integer"), fraction);
    }

    @Test
    void missingSectionAndEmptyFileAndMissingFile() {
        assertEquals("exp.yaml: optimizer: is required (or optimizers:, one per parameter group)",
                relative(error("task:\n  type: quadratic\n")));
        assertTrue(relative(error("")).startsWith("exp.yaml: the experiment file is empty"));
        UserError missing = assertThrows(UserError.class,
                () -> new ConfigLoader(REGISTRY, YAML).load(directory.resolve("nope.yaml")));
        assertTrue(missing.getMessage().endsWith("nope.yaml: no such file"), missing.getMessage());
    }

    @Test
    void nestedValidationGivesTheFullPath() {
        String message = relative(error(MINIMAL.replace("type: lstm\n", "type: lstm\n  preprocessing:\n    type: log-sign\n    p: 0\n")));
        assertEquals("exp.yaml:7: optimizer.preprocessing.p: must be positive, got 0", message);
    }

    private ExperimentConfig load(String yaml) throws IOException {
        Path file = directory.resolve("exp.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(REGISTRY, YAML).load(file);
    }

    private String error(String yaml) {
        return assertThrows(UserError.class, () -> load(yaml)).getMessage();
    }

    private String relative(String message) {
        return message.replace(directory.resolve("exp.yaml").toString(), "exp.yaml");
    }
}
