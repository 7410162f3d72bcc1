package dev.l2l.runner;

import dev.l2l.core.plugin.BaselineSpec;
import dev.l2l.core.plugin.ComponentKind;
import dev.l2l.core.plugin.PluginRegistry;
import dev.l2l.core.plugin.Registration;
import dev.l2l.runner.bench.BenchReport;
import dev.l2l.runner.config.ConfigLoader;
import dev.l2l.runner.config.ExperimentConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code l2l bench}: end-to-end speed figures on this machine, for the quadratic and the MNIST experiments. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Print end-to-end speed figures: meta-training optimizee steps/s (quadratic, MNIST), "
                + "evaluation steps/s of the learned optimizer and of Adam on MNIST, Adam's time per 100 MNIST steps, "
                + "the learned optimizer's step at 16,000 coordinates in GFLOP/s beside ND4J's matrix-multiply "
                + "GFLOP/s, and the peak memory. Runs from the checkout (reads examples/).")
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Option(names = "--quadratic", paramLabel = "CONFIG", description = "Quadratic experiment (default: ${DEFAULT-VALUE}).")
    private Path quadratic = Path.of("examples/quadratic.yaml");

    @Option(names = "--mnist", paramLabel = "CONFIG", description = "MNIST experiment (default: ${DEFAULT-VALUE}).")
    private Path mnist = Path.of("examples/mnist.yaml");

    @Option(names = "--meta-batches", paramLabel = "N",
            description = "Meta-batches timed per experiment, after the warm-up (default: ${DEFAULT-VALUE}).")
    private int metaBatches = 6;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Meta-batches run before the timing starts, while the JIT compiles (default: ${DEFAULT-VALUE}).")
    private int warmup = 3;

    @Override
    public Integer call() {
        if (metaBatches < 1) {
            throw new UserError("--meta-batches: must be at least 1, got " + metaBatches);
        }
        if (warmup < 1) {
            throw new UserError("--warmup: must be at least 1, got " + warmup);
        }
        ConfigLoader loader = main.injector().getInstance(ConfigLoader.class);
        PrintStream out = main.injector().getInstance(PrintStream.class);
        ExperimentConfig quadraticConfig = loader.load(quadratic, List.of("training.metaBatches=" + (warmup + metaBatches)), true);
        ExperimentConfig mnistConfig = loader.load(mnist, List.of("training.metaBatches=" + (warmup + metaBatches)), true);
        BaselineSpec adam = adam(main.injector().getInstance(PluginRegistry.class));
        new BenchReport(out, warmup).run(quadraticConfig, mnistConfig, adam);
        return 0;
    }

    private static BaselineSpec adam(PluginRegistry registry) {
        Registration registration = registry.find(ComponentKind.BASELINE, "adam")
                .orElseThrow(() -> new UserError("no baseline named 'adam' is installed"));
        try {
            return (BaselineSpec) registration.specClass().getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new UserError("cannot create the baseline 'adam': " + e, e);
        }
    }
}
