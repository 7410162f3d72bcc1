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
                + "GFLOP/s (and as a share of it), and the peak memory. Runs from the checkout (reads examples/).")
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Option(names = "--quadratic", paramLabel = "CONFIG", description = "Quadratic experiment (default: ${DEFAULT-VALUE}).")
    private Path quadratic = Path.of("examples/quadratic.yaml");

    @Option(names = "--mnist", paramLabel = "CONFIG", description = "MNIST experiment (default: ${DEFAULT-VALUE}).")
    private Path mnist = Path.of("examples/mnist.yaml");

    @Option(names = "--quadratic-warmup", paramLabel = "N",
            description = "Quadratic meta-batches run before the timing starts, while the JIT compiles "
                    + "(default: ${DEFAULT-VALUE}; one takes ~50 ms).")
    private int quadraticWarmup = 150;

    @Option(names = "--quadratic-meta-batches", paramLabel = "N",
            description = "Quadratic meta-batches timed after the warm-up (default: ${DEFAULT-VALUE}).")
    private int quadraticMetaBatches = 150;

    @Option(names = "--mnist-warmup", paramLabel = "N",
            description = "MNIST meta-batches run before the timing starts (default: ${DEFAULT-VALUE}; one takes ~5 s).")
    private int mnistWarmup = 3;

    @Option(names = "--mnist-meta-batches", paramLabel = "N",
            description = "MNIST meta-batches timed after the warm-up (default: ${DEFAULT-VALUE}).")
    private int mnistMetaBatches = 6;

    @Override
    public Integer call() {
        atLeastOne("--quadratic-warmup", quadraticWarmup);
        atLeastOne("--quadratic-meta-batches", quadraticMetaBatches);
        atLeastOne("--mnist-warmup", mnistWarmup);
        atLeastOne("--mnist-meta-batches", mnistMetaBatches);
        ConfigLoader loader = main.injector().getInstance(ConfigLoader.class);
        PrintStream out = main.injector().getInstance(PrintStream.class);
        ExperimentConfig quadraticConfig = loader.load(quadratic,
                List.of("training.metaBatches=" + (quadraticWarmup + quadraticMetaBatches)), true);
        ExperimentConfig mnistConfig = loader.load(mnist,
                List.of("training.metaBatches=" + (mnistWarmup + mnistMetaBatches)), true);
        BaselineSpec adam = adam(main.injector().getInstance(PluginRegistry.class));
        new BenchReport(out, quadraticWarmup, mnistWarmup).run(quadraticConfig, mnistConfig, adam);
        return 0;
    }

    private static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new UserError(option + ": must be at least 1, got " + value);
        }
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
