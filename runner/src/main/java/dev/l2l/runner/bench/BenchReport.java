package dev.l2l.runner.bench;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.plugin.BaselineSpec;
import dev.l2l.runner.config.ExperimentConfig;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs the benchmarks and prints each figure beside the PyTorch reference measured on a 2-core
 * machine of this kind (DESIGN.md §3; issue "Performance").
 */
public final class BenchReport {

    /** Coordinates of the optimizer-step benchmark: about the MNIST MLP's 15,910. */
    static final int STEP_COORDINATES = 16_000;
    private static final int STEP_UNROLL = 20;
    private static final int EVALUATION_INSTANCES = 5;
    private static final double ADAM_LEARNING_RATE = 0.0316;

    private final PrintStream out;
    private final int quadraticWarmup;
    private final int mnistWarmup;

    /**
     * @param quadraticWarmup meta-batches of the quadratic run before its steady-state timing starts
     * @param mnistWarmup the same for the MNIST run
     */
    public BenchReport(PrintStream out, int quadraticWarmup, int mnistWarmup) {
        this.out = out;
        this.quadraticWarmup = quadraticWarmup;
        this.mnistWarmup = mnistWarmup;
    }

    /** Measures and prints every figure. */
    public void run(ExperimentConfig quadratic, ExperimentConfig mnist, BaselineSpec adam) {
        out.printf(Locale.ROOT, "%-58s %14s %18s%n", "figure", "l2l", "PyTorch reference");
        Benchmarks.TrainingThroughput quadraticTraining = Benchmarks.metaTraining(quadratic, quadraticWarmup);
        line("quadratic meta-training, optimizee steps/s", quadraticTraining.afterWarmup(), "%,.0f", "2,738");
        line("  the whole run, warm-up included", quadraticTraining.wholeRun(), "%,.0f", "-");
        Benchmarks.TrainingThroughput mnistTraining = Benchmarks.metaTraining(mnist, mnistWarmup);
        line("MNIST meta-training, optimizee steps/s", mnistTraining.afterWarmup(), "%,.1f", "30");
        line("  the whole run, warm-up included", mnistTraining.wholeRun(), "%,.1f", "-");
        int horizon = mnist.training.horizon;
        int threads = mnist.training.threads;
        line("MNIST evaluation, learned optimizer, steps/s",
                Benchmarks.evaluationStepsPerSecond(mnist, Benchmarks.learned(mnist, threads), EVALUATION_INSTANCES, horizon),
                "%,.1f", "66");
        line("  on one thread",
                Benchmarks.evaluationStepsPerSecond(mnist, Benchmarks.learned(mnist, 1), EVALUATION_INSTANCES, horizon),
                "%,.1f", "-");
        line("MNIST evaluation, Adam, steps/s",
                Benchmarks.evaluationStepsPerSecond(mnist, Benchmarks.baseline(adam, ADAM_LEARNING_RATE),
                        EVALUATION_INSTANCES, horizon), "%,.0f", "-");
        line("MNIST, 100 Adam steps on one instance, ms",
                1000 * Benchmarks.secondsPerRun(mnist, Benchmarks.baseline(adam, ADAM_LEARNING_RATE), 100), "%,.1f", "46");
        Supplier<LearnedOptimizer> optimizers = () -> mnist.optimizer.create(mnist.training.dataType(), mnist.seed);
        // The reference product is timed just before and just after the step, and the two averaged,
        // so that the step and its reference see the machine in the same state.
        double productBefore = referenceProductGflops();
        Benchmarks.StepTiming step = Benchmarks.step(optimizers, STEP_COORDINATES, STEP_UNROLL, 1);
        double product = (productBefore + referenceProductGflops()) / 2;
        line("learned optimizer step at 16,000 coordinates, forward, ms", 1000 * step.forwardSeconds(), "%,.2f", "-");
        line("  forward + backward, ms", 1000 * step.forwardBackwardSeconds(), "%,.2f", "-");
        line("  forward + backward, GFLOP/s (matrix products)", step.gflops(), "%,.1f", "-");
        line("ND4J float matrix product [80×42]·[42×16000], GFLOP/s", product, "%,.1f", "-");
        line("  the step's GFLOP/s as a share of it, %", 100 * step.gflops() / product, "%,.0f", "-");
        line("ND4J float matrix product [1024×1024]², GFLOP/s", Benchmarks.gemmGflops(1024, 1024, 1024), "%,.1f", "-");
        if (threads > 1) {
            Benchmarks.StepTiming sharded = Benchmarks.step(optimizers, STEP_COORDINATES, STEP_UNROLL, threads);
            line("the step in " + threads + " shards on " + threads + " threads, forward + backward, ms",
                    1000 * sharded.forwardBackwardSeconds(), "%,.2f", "-");
            line("  its GFLOP/s (matrix products)", sharded.gflops(), "%,.1f", "-");
        }
        long peak = Measure.peakResidentMiB();
        out.printf(Locale.ROOT, "%-58s %14s %18s%n", "peak resident memory, MiB", peak < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", peak), "-");
        out.printf(Locale.ROOT, "(meta-training: steps/s over the last %d of %d quadratic and the last %d of %d MNIST "
                + "meta-batches; evaluation: %d held-out instances one at a time, the learned optimizer's coordinates "
                + "split over training.threads = %d threads; Adam at lr %.4g)%n",
                quadratic.training.metaBatches - quadraticWarmup, quadratic.training.metaBatches,
                mnist.training.metaBatches - mnistWarmup, mnist.training.metaBatches,
                EVALUATION_INSTANCES, threads, ADAM_LEARNING_RATE);
    }

    /** The step's reference: the float product [80×42]·[42×16000], as ND4J calls it. */
    private static double referenceProductGflops() {
        return Benchmarks.gemmGflops(80, 42, STEP_COORDINATES);
    }

    private void line(String figure, double value, String format, String reference) {
        out.printf(Locale.ROOT, "%-58s %14s %18s%n", figure, String.format(Locale.ROOT, format, value), reference);
        out.flush();
    }
}
