package dev.l2l.core.eval;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.ParameterLayout;
import dev.l2l.core.Rollout;
import dev.l2l.core.concurrent.Futures;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An evaluation rollout of a {@link LearnedOptimizer#coordinatewise() coordinatewise} optimizer
 * that splits the coordinates into contiguous parts, each a rollout of its own over its
 * {@link ParameterLayout#range range}, stepped on its own thread (the first on the caller's). The
 * optimizer treats coordinates independently, so the updates are those of one rollout over all
 * of them. Does not record: meta-training already runs one meta-batch shard per core.
 */
final class CoordinateSplitRollout implements Rollout {

    /** Coordinates (of 4 or 8 bytes) per 256 bytes: more than any vector register holds. */
    static final int ALIGNMENT = 64;

    private final int[] bounds;
    private final Rollout[] parts;
    private final ExecutorService pool;

    CoordinateSplitRollout(LearnedOptimizer optimizer, ParameterLayout layout, int threads) {
        if (!optimizer.coordinatewise()) {
            throw new IllegalArgumentException(optimizer.getClass().getName() + " is not coordinatewise");
        }
        int n = layout.coordinates();
        bounds = new int[threads + 1];
        parts = new Rollout[threads];
        for (int k = 0; k < threads; k++) {
            // part boundaries at multiples of ALIGNMENT coordinates, so that every part starts where a
            // vector register's worth of elements starts in the whole array
            bounds[k + 1] = k + 1 == threads ? n : (int) ((long) (k + 1) * n / threads / ALIGNMENT * ALIGNMENT);
            parts[k] = optimizer.newRollout(layout.range(bounds[k], bounds[k + 1]), false);
        }
        pool = Executors.newFixedThreadPool(threads - 1, runnable -> {
            Thread thread = new Thread(runnable, "l2l-rollout-part");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public int coordinates() {
        return bounds[bounds.length - 1];
    }

    @Override
    public void step(INDArray gradient, INDArray update) {
        List<Future<?>> pending = new ArrayList<>(parts.length - 1);
        for (int k = 1; k < parts.length; k++) {
            int part = k;
            pending.add(pool.submit(() -> stepPart(part, gradient, update)));
        }
        stepPart(0, gradient, update);
        Futures.awaitAll(pending, "an optimizer step");
    }

    private void stepPart(int k, INDArray gradient, INDArray update) {
        parts[k].step(part(gradient, k), part(update, k));
    }

    private INDArray part(INDArray row, int k) {
        return row.get(NDArrayIndex.all(), NDArrayIndex.interval(bounds[k], bounds[k + 1]));
    }

    /** Refused: this rollout does not record. */
    @Override
    public void backwardStep(INDArray updateAdjoint, INDArray gradientAdjoint, INDArray parameterGradient) {
        throw new UnsupportedOperationException("a rollout split over threads does not record steps");
    }

    @Override
    public void truncate() {
        for (Rollout part : parts) {
            part.truncate();
        }
    }

    @Override
    public void resetState(int from, int to) {
        for (int k = 0; k < parts.length; k++) {
            int start = Math.max(from, bounds[k]);
            int end = Math.min(to, bounds[k + 1]);
            if (start < end) {
                parts[k].resetState(start - bounds[k], end - bounds[k]);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        for (Rollout part : parts) {
            part.close();
        }
    }
}
