package dev.l2l.runner;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code l2l train}: meta-train only, writing checkpoints and the trained optimizer. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Meta-train the configured learned optimizer, checkpointing every training.checkpointEvery "
                + "meta-batches, and write config.yaml, checkpoint.zip and optimizer.npz into the run directory.")
final class TrainCommand extends ExperimentCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Plan plan = plan();
        main.injector().getInstance(ExperimentRunner.class).train(plan.config(), plan.directory(), plan.resume());
        main.injector().getInstance(Console.class).out().println("optimizer written to "
                + plan.directory().resolve(ExperimentRunner.OPTIMIZER_FILE));
        return 0;
    }
}
