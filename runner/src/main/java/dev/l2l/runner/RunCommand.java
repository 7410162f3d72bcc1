package dev.l2l.runner;

import com.google.inject.Injector;
import dev.l2l.runner.config.ConfigLoader;
import dev.l2l.runner.config.ExperimentConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code l2l run CONFIG [--out DIR]}: meta-train, evaluate against tuned baselines, write the results. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Meta-train the configured learned optimizer, compare it with tuned baselines on held-out "
                + "instances, and write results.json, curves.csv, config.yaml and optimizer.json into the run directory.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The experiment file (YAML).")
    private Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "The run directory (default: runs/<name of the config file>).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        Injector injector = main.injector();
        ExperimentConfig experiment = injector.getInstance(ConfigLoader.class).load(config);
        Path directory = out != null ? out : Path.of("runs", baseName(config));
        injector.getInstance(ExperimentRunner.class).run(experiment, directory);
        return 0;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
