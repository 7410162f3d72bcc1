package dev.l2l.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Key;
import com.google.inject.name.Names;
import dev.l2l.runner.config.ConfigLoader;
import dev.l2l.runner.config.ExperimentConfig;
import dev.l2l.runner.results.OptimizerFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code l2l eval OPTIMIZER CONFIG}: a trained optimizer against the tuned baselines on any task config. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a trained optimizer (an optimizer.npz, or a run directory holding one) on the task of "
                + "CONFIG against its tuned baselines. CONFIG's optimizer section is ignored, and of its training "
                + "section only the horizon is used (when evaluation.horizon is 0).")
final class EvalCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Parameters(index = "0", paramLabel = "OPTIMIZER", description = "optimizer.npz, or a run directory.")
    private Path optimizer;

    @Parameters(index = "1", paramLabel = "CONFIG", description = "The experiment file naming the task and evaluation.")
    private Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the results (default: runs/eval-<config name>).")
    private Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config field (repeatable).")
    private List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path file = optimizer.toFile().isDirectory() ? optimizer.resolve(ExperimentRunner.OPTIMIZER_FILE) : optimizer;
        OptimizerFile.Loaded loaded = new OptimizerFile(
                main.injector().getInstance(Key.get(ObjectMapper.class, Names.named("json")))).load(file);
        ExperimentConfig experiment = main.injector().getInstance(ConfigLoader.class).load(config, overrides, false);
        experiment.optimizer = loaded.spec();
        String mismatch = experiment.parameterGroupMismatch();
        if (mismatch != null) {
            throw new UserError(file + ": the optimizer " + mismatch + " (task of " + config + ")");
        }
        Path directory = out != null ? out : Path.of("runs", "eval-" + ExperimentCommand.defaultDirectory(config).getFileName());
        main.injector().getInstance(ExperimentRunner.class).evaluate(experiment, loaded.optimizer(), directory, null);
        return 0;
    }
}
