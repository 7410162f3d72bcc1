package dev.l2l.runner.bench;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Rollout;
import dev.l2l.core.Task;
import dev.l2l.core.concurrent.Futures;
import dev.l2l.core.eval.BaselineContender;
import dev.l2l.core.eval.Contender;
import dev.l2l.core.eval.Evaluator;
import dev.l2l.core.eval.LearnedContender;
import dev.l2l.core.plugin.BaselineSpec;
import dev.l2l.core.train.MetaBatchReport;
import dev.l2l.core.train.MetaTrainer;
import dev.l2l.core.train.Seeds;
import dev.l2l.core.train.TrainingListener;
import dev.l2l.core.train.TrainingResult;
import dev.l2l.runner.config.ExperimentConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The end-to-end figures of {@code l2l bench}, each measured on components built from an
 * experiment file, so that any discovered task or optimizer can be benchmarked the same way.
 */
final class Benchmarks {

    private Benchmarks() {
    }

    /**
     * Meta-training throughput over {@code config}'s training settings: optimizee steps per second
     * over the whole run, and over its meta-batches after the first {@code warmupBatches} (while
     * the JIT still compiles the hot loop, on the same two cores, a run is slower).
     */
    static TrainingThroughput metaTraining(ExperimentConfig config, int warmupBatches) {
        Task task = config.task.create();
        LearnedOptimizer optimizer = config.optimizer.create(config.training.dataType(), config.seed);
        MetaBatchReport[] afterWarmup = new MetaBatchReport[1];
        MetaBatchReport[] last = new MetaBatchReport[1];
        TrainingListener timing = new TrainingListener() {
            @Override
            public void metaBatchDone(MetaBatchReport report) {
                if (report.index() == warmupBatches - 1) {
                    afterWarmup[0] = report;
                }
                last[0] = report;
            }
        };
        TrainingResult result = new MetaTrainer(task, optimizer, config.training, config.seed).train(timing);
        double steady = afterWarmup[0] == null || last[0] == afterWarmup[0] ? Double.NaN
                : (last[0].optimizeeSteps() - afterWarmup[0].optimizeeSteps())
                / (last[0].seconds() - afterWarmup[0].seconds());
        return new TrainingThroughput(result.throughput(), steady);
    }

    /** Optimizee steps per second of a whole meta-training run, and after its warm-up meta-batches. */
    record TrainingThroughput(double wholeRun, double afterWarmup) {
    }

    /**
     * Evaluation throughput of one contender: optimizee steps per second (loss, gradient and
     * update) over {@code instances} held-out instances run one at a time for {@code horizon} steps.
     */
    static double evaluationStepsPerSecond(ExperimentConfig config, Contender contender, int instances, int horizon) {
        Evaluator evaluator = heldOutEvaluator(config);
        long[] seeds = new long[instances];
        for (int i = 0; i < instances; i++) {
            seeds[i] = Seeds.evaluation(i);
        }
        evaluator.losses(contender, new long[] {seeds[0]}, horizon);
        long start = System.nanoTime();
        evaluator.losses(contender, seeds, horizon);
        double seconds = (System.nanoTime() - start) / 1e9;
        return (double) instances * horizon / seconds;
    }

    /** Runs one held-out instance at a time, as a user of a trained optimizer would. */
    private static Evaluator heldOutEvaluator(ExperimentConfig config) {
        Task task = config.task.create().heldOut();
        return new Evaluator(task, config.training.dataType(), 1);
    }

    /**
     * The learned optimizer of {@code config}, freshly initialised, as a contender whose runs spread
     * their coordinates over {@code threads} threads.
     */
    static Contender learned(ExperimentConfig config, int threads) {
        return new LearnedContender(config.optimizer.create(config.training.dataType(), config.seed), threads);
    }

    /** A baseline at a fixed learning rate, as a contender. */
    static Contender baseline(BaselineSpec spec, double learningRate) {
        return new BaselineContender(() -> spec.updater(learningRate));
    }

    /** Seconds per {@code horizon} steps of one instance under {@code contender} (median of several runs). */
    static double secondsPerRun(ExperimentConfig config, Contender contender, int horizon) {
        Evaluator evaluator = heldOutEvaluator(config);
        long[] seed = {Seeds.evaluation(0)};
        return Measure.medianSeconds(3, 9, () -> evaluator.losses(contender, seed, horizon));
    }

    /** One step of the learned optimizer on {@code coordinates} coordinates, forward only and forward + backward. */
    record StepTiming(int coordinates, double forwardSeconds, double forwardBackwardSeconds, long parameters) {

        /**
         * Achieved GFLOP/s of forward + backward, counting the matrix products only: a network whose
         * weights are matrices does 2·|φ| flops per coordinate forward and about twice that backward.
         * |φ| includes the biases, which take no part in the products: for the {@code mnist.yaml}
         * LSTM (|φ| = 5,141, of which 4,980 matrix weights) the figure is 3% above the products' own.
         */
        double gflops() {
            return 6.0 * parameters * coordinates / forwardBackwardSeconds / 1e9;
        }
    }

    /**
     * Times {@code steps} steps of a fresh optimizer on {@code coordinates} coordinates, per step:
     * without recording, and recorded followed by their backward pass. With {@code threads} &gt; 1
     * the coordinates are split into as many shards, each a rollout of its own (and an optimizer
     * of its own, with the same φ) stepped on its own thread, as meta-training runs its meta-batch
     * shards; a timing is the wall time until the slowest shard is done.
     */
    static StepTiming step(Supplier<LearnedOptimizer> optimizers, int coordinates, int steps, int threads) {
        List<StepShard> shards = new ArrayList<>();
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1) : null;
        try {
            for (int k = 0; k < threads; k++) {
                int from = (int) ((long) k * coordinates / threads);
                int to = (int) ((long) (k + 1) * coordinates / threads);
                shards.add(new StepShard(optimizers.get(), to - from));
            }
            double forward = Measure.medianSeconds(2, 5, () -> onEveryShard(pool, shards, s -> s.forward(steps))) / steps;
            double both = Measure.medianSeconds(1, 3, () -> onEveryShard(pool, shards, s -> s.forwardBackward(steps)))
                    / steps;
            return new StepTiming(coordinates, forward, both, shards.get(0).parameterCount());
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            shards.forEach(StepShard::close);
        }
    }

    /** Runs {@code work} on every shard at once, the first on the calling thread, and waits for all. */
    private static void onEveryShard(ExecutorService pool, List<StepShard> shards, Consumer<StepShard> work) {
        List<Future<?>> others = new ArrayList<>();
        for (StepShard shard : shards.subList(1, shards.size())) {
            others.add(pool.submit(() -> work.accept(shard)));
        }
        work.accept(shards.get(0));
        Futures.awaitAll(others, "the step benchmark");
    }

    /** One shard of the step benchmark: an optimizer, its two rollouts and the arrays they step on. */
    private static final class StepShard implements AutoCloseable {
        private final LearnedOptimizer optimizer;
        private final INDArray gradient;
        private final INDArray update;
        private final INDArray updateAdjoint;
        private final INDArray parameterGradient;
        private final Rollout inference;
        private final Rollout recording;

        StepShard(LearnedOptimizer optimizer, int coordinates) {
            this.optimizer = optimizer;
            DataType type = optimizer.dataType();
            gradient = Nd4j.rand(type, 1, coordinates).subi(0.5).muli(0.01);
            update = Nd4j.zeros(type, 1, coordinates);
            updateAdjoint = Nd4j.rand(type, 1, coordinates).subi(0.5);
            parameterGradient = Nd4j.zeros(type, optimizer.parameters().length());
            inference = optimizer.newRollout(coordinates, false);
            recording = optimizer.newRollout(coordinates, true);
        }

        long parameterCount() {
            return optimizer.parameters().length();
        }

        void forward(int steps) {
            for (int s = 0; s < steps; s++) {
                inference.step(gradient, update);
            }
        }

        void forwardBackward(int steps) {
            for (int s = 0; s < steps; s++) {
                recording.step(gradient, update);
            }
            for (int s = 0; s < steps; s++) {
                recording.backwardStep(updateAdjoint, null, parameterGradient);
            }
            recording.truncate();
        }

        @Override
        public void close() {
            inference.close();
            recording.close();
        }
    }

    /**
     * GFLOP/s of a float matrix product [m × k]·[k × n] as ND4J calls it: the median of 41 products
     * after 5 untimed (for [80×42]·[42×16000] about 0.1 s in all; the former 9, 16 ms in all, gave
     * 56.8 and 63.3 GFLOP/s in two runs of the bench).
     */
    static double gemmGflops(int m, int k, int n) {
        INDArray a = Nd4j.rand(DataType.FLOAT, m, k);
        INDArray b = Nd4j.rand(DataType.FLOAT, k, n);
        INDArray c = Nd4j.zeros(DataType.FLOAT, m, n);
        double seconds = Measure.medianSeconds(5, 41, () -> Nd4j.gemm(a, b, c, false, false, 1.0, 0.0));
        return 2.0 * m * k * n / seconds / 1e9;
    }
}
