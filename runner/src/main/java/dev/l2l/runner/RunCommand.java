package dev.l2l.runner;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code l2l run}: meta-train, evaluate against tuned baselines, write the run directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Meta-train the configured learned optimizer (checkpointing as it goes), compare it with tuned "
                + "baselines on held-out instances, and write results.json, curves.csv, PNG charts, report.md, "
                + "config.yaml and optimizer.npz into the run directory.")
final class RunCommand extends ExperimentCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Plan plan = plan();
        main.injector().getInstance(ExperimentRunner.class).run(plan.config(), plan.directory(), plan.resume());
        return 0;
    }
}
