package dev.l2l.core.eval;

import dev.l2l.core.Optimizee;
import dev.l2l.core.Task;
import dev.l2l.core.train.StackedProblem;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Contender} on task instances and records every instance's loss at every step
 * 0 … horizon. Instances are stacked {@code batchSize} at a time.
 */
public final class Evaluator {

    private final Task task;
    private final DataType dataType;
    private final int batchSize;

    public Evaluator(Task task, DataType dataType, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        this.task = task;
        this.dataType = dataType;
        this.batchSize = batchSize;
    }

    /**
     * @return losses[i][t]: the loss of instance {@code seeds[i]} after t steps (t = 0 … horizon),
     *         on the data of step t
     */
    public double[][] losses(Contender contender, long[] seeds, int horizon) {
        double[][] losses = new double[seeds.length][horizon + 1];
        for (int from = 0; from < seeds.length; from += batchSize) {
            int to = Math.min(seeds.length, from + batchSize);
            List<Optimizee> instances = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                instances.add(task.sample(seeds[i]));
            }
            runBatch(contender, new StackedProblem(instances), horizon, losses, from);
        }
        return losses;
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
