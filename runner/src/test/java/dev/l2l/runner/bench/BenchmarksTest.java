package dev.l2l.runner.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.plugin.PluginRegistry;
import dev.l2l.runner.config.ConfigLoader;
import dev.l2l.runner.config.ConfigMapper;
import dev.l2l.runner.config.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The step benchmark on one thread and in shards: an optimizer per shard, φ counted once, finite figures. */
class BenchmarksTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discover(BenchmarksTest.class.getClassLoader());
    private static final ObjectMapper YAML = ConfigMapper.yaml(REGISTRY);

    @Test
    void theShardedStepRunsEveryShardOnAnOptimizerOfItsOwn(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("lstm.yaml");
        Files.writeString(file, """
                name: bench
                task: {type: quadratic, dimension: 10}
                optimizer: {type: lstm, layers: 2, units: 4}
                training: {metaBatches: 1, horizon: 4, unroll: 2}
                """);
        ExperimentConfig config = new ConfigLoader(REGISTRY, YAML).load(file);
        List<LearnedOptimizer> created = new ArrayList<>();
        Supplier<LearnedOptimizer> optimizers = () -> {
            LearnedOptimizer optimizer = config.optimizer.create(config.training.dataType(), config.seed);
            created.add(optimizer);
            return optimizer;
        };
        long parameters = optimizers.get().parameters().length();
        created.clear();

        Benchmarks.StepTiming alone = Benchmarks.step(optimizers, 301, 3, 1);
        Benchmarks.StepTiming sharded = Benchmarks.step(optimizers, 301, 3, 2);

        assertEquals(3, created.size(), "an optimizer for each shard of the two runs (1 + 2)");
        for (Benchmarks.StepTiming timing : List.of(alone, sharded)) {
            assertEquals(301, timing.coordinates());
            assertEquals(parameters, timing.parameters());
            assertTrue(timing.forwardSeconds() > 0 && timing.forwardBackwardSeconds() > 0, timing.toString());
            assertTrue(timing.gflops() > 0 && Double.isFinite(timing.gflops()), timing.toString());
        }
    }
}
