package dev.l2l.core.eval;

import dev.l2l.core.Optimizee;
import dev.l2l.core.Task;
import dev.l2l.core.concurrent.Futures;
import dev.l2l.core.train.StackedProblem;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a {@link Contender} on task instances and records every instance's loss at every step
 * 0 … horizon. Instances are stacked {@code batchSize} at a time, and up to {@code threads} such
 * runs go at once; the runs share nothing, so the numbers do not depend on the threads.
 */
public final class Evaluator {

    private final Task task;
    private final DataType dataType;
    private final int batchSize;
    private final int threads;

    /** One run at a time. */
    public Evaluator(Task task, DataType dataType, int batchSize) {
        this(task, dataType, batchSize, 1);
    }

    public Evaluator(Task task, DataType dataType, int batchSize, int threads) {
        if (batchSize < 1 || threads < 1) {
            throw new IllegalArgumentException("batchSize and threads must be positive, got " + batchSize + ", " + threads);
        }
        this.task = task;
        this.dataType = dataType;
        this.batchSize = batchSize;
        this.threads = threads;
    }

    /**
     * @return losses[i][t]: the loss of instance {@code seeds[i]} after t steps (t = 0 … horizon),
     *         on the data of step t
     */
    public double[][] losses(Contender contender, long[] seeds, int horizon) {
        double[][] losses = new double[seeds.length][horizon + 1];
        List<Runnable> runs = new ArrayList<>();
        for (int from = 0; from < seeds.length; from += batchSize) {
            int start = from;
            int to = Math.min(seeds.length, from + batchSize);
            runs.add(() -> {
                List<Optimizee> instances = new ArrayList<>(to - start);
                for (int i = start; i < to; i++) {
                    instances.add(task.sample(seeds[i]));
                }
                runBatch(contender, new StackedProblem(instances), horizon, losses, start);
            });
        }
        if (threads == 1 || runs.size() == 1) {
            runs.forEach(Runnable::run);
        } else {
            runInParallel(runs);
        }
        return losses;
    }

    private void runInParallel(List<Runnable> runs) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, runs.size()), runnable -> {
            Thread thread = new Thread(runnable, "l2l-evaluation");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable run : runs) {
                futures.add(pool.submit(run));
            }
            Futures.awaitAll(futures, "evaluation");
        } finally {
            pool.shutdownNow();
        }
    }

    private void runBatch(Contender contender, StackedProblem problem, int horizon, double[][] losses, int offset) {
        int n = problem.coordinates();
        double[] stepLosses = new double[problem.size()];
        INDArray theta = Nd4j.zeros(dataType, 1, n);
        INDArray gradient = Nd4j.zeros(dataType, 1, n);
        try (Contender.Run run = contender.start(problem.layout(), dataType)) {
            problem.initialParameters(theta);
            for (int t = 0; t <= horizon; t++) {
                problem.lossAndGradient(t, theta, gradient, stepLosses);
                for (int b = 0; b < stepLosses.length; b++) {
                    losses[offset + b][t] = stepLosses[b];
                }
                if (t < horizon) {
                    run.step(theta, gradient);
                }
            }
        } finally {
            theta.close();
            gradient.close();
        }
    }
}
