package dev.l2l.core.train;

import dev.l2l.core.LearnedOptimizer;
import dev.l2l.core.Optimizee;
import dev.l2l.core.concurrent.Futures;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One meta-batch split into contiguous shards, each a {@link MetaGradient} of its own run on its own
 * thread (the first on the caller's). Every shard weighs its instances by 1/B of the whole batch, so
 * the sum of the shards' meta-losses and meta-gradients, taken in shard order, is the batch's.
 */
final class ShardedMetaGradient implements AutoCloseable {

    private final LearnedOptimizer optimizer;
    private final TrainingSettings settings;
    private final int shards;
    private final ExecutorService pool;
    private final INDArray[] shardGradients;
    private final List<MetaGradient> unrolls = new ArrayList<>();
    private final List<Integer> firstInstance = new ArrayList<>();

    ShardedMetaGradient(LearnedOptimizer optimizer, TrainingSettings settings, int shards) {
        this.optimizer = optimizer;
        this.settings = settings;
        this.shards = shards;
        this.pool = shards > 1 ? Executors.newFixedThreadPool(shards - 1, runnable -> {
            Thread thread = new Thread(runnable, "l2l-meta-gradient");
            thread.setDaemon(true);
            return thread;
        }) : null;
        this.shardGradients = new INDArray[shards];
        long length = optimizer.parameters().length();
        for (int k = 0; k < shards; k++) {
            shardGradients[k] = Nd4j.zeros(optimizer.dataType(), 1, length);
        }
    }

    /** Starts a new meta-batch of {@code instances}, releasing the previous one. */
    void start(List<Optimizee> instances) {
        closeUnrolls();
        double weight = 1.0 / instances.size();
        for (int k = 0; k < shards; k++) {
            int from = k * instances.size() / shards;
            int to = (k + 1) * instances.size() / shards;
            unrolls.add(new MetaGradient(new StackedProblem(instances.subList(from, to)), optimizer, settings, weight));
            firstInstance.add(from);
        }
    }

    boolean done() {
        return unrolls.get(0).done();
    }

    int step() {
        return unrolls.get(0).step();
    }

    /** Mean loss of the meta-batch at the current step. */
    double meanLoss() {
        double total = 0;
        for (MetaGradient unroll : unrolls) {
            total += unroll.weightedLoss();
        }
        return total;
    }

    /** Runs the next truncation of every shard; writes the batch's meta-gradient into {@code gradient}. */
    double nextTruncation(INDArray gradient) {
        List<Future<Double>> pending = new ArrayList<>();
        for (int k = 1; k < shards; k++) {
            int shard = k;
            pending.add(pool.submit(() -> truncate(shard)));
        }
        double metaLoss = truncate(0);
        for (Future<Double> future : pending) {
            metaLoss += Futures.await(future, "meta-training");
        }
        gradient.assign(shardGradients[0]);
        for (int k = 1; k < shards; k++) {
            gradient.addi(shardGradients[k]);
        }
        return metaLoss;
    }

    /**
     * Replaces the diverged instances of every shard, in shard order on the calling thread (so the
     * replacements do not depend on thread timing).
     *
     * @param replacements the new instance for an index of the whole meta-batch
     * @return the number of instances replaced
     */
    int replaceDiverged(java.util.function.IntFunction<Optimizee> replacements) {
        int replaced = 0;
        for (int k = 0; k < unrolls.size(); k++) {
            int offset = firstInstance.get(k);
            replaced += unrolls.get(k).replaceDiverged(b -> replacements.apply(offset + b));
        }
        return replaced;
    }

    private double truncate(int shard) {
        shardGradients[shard].assign(0.0);
        return unrolls.get(shard).nextTruncation(shardGradients[shard]);
    }

    private void closeUnrolls() {
        unrolls.forEach(MetaGradient::close);
        unrolls.clear();
        firstInstance.clear();
    }

    @Override
    public void close() {
        closeUnrolls();
        for (INDArray array : shardGradients) {
            array.close();
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
