package dev.l2l.runner;

import dev.l2l.runner.config.ConfigLoader;
import dev.l2l.runner.config.ExperimentConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options of the commands that meta-train: a config or a run to resume, the run directory, overrides. */
abstract class ExperimentCommand {

    @ParentCommand
    Main main;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "The experiment file (YAML).")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "The run directory (default: runs/<name of the config file>).")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config field, e.g. --set training.metaBatches=10 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the interrupted run in DIR from its last checkpoint, with its config.yaml.")
    Path resume;

    /** What to run and where. */
    record Plan(ExperimentConfig config, Path directory, boolean resume) {
    }

    Plan plan() {
        ConfigLoader loader = main.injector().getInstance(ConfigLoader.class);
        if (resume != null) {
            if (config != null || out != null || !overrides.isEmpty()) {
                throw new UserError("--resume DIR takes the config and run directory from DIR: give no CONFIG, --out or --set");
            }
            return new Plan(loader.load(resume.resolve(ExperimentRunner.CONFIG_FILE)), resume, true);
        }
        if (config == null) {
            throw new UserError("missing CONFIG: give an experiment file, or --resume DIR");
        }
        ExperimentConfig experiment = loader.load(config, overrides, true);
        return new Plan(experiment, out != null ? out : defaultDirectory(config), false);
    }

    static Path defaultDirectory(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Path.of("runs", dot > 0 ? name.substring(0, dot) : name);
    }
}
