package dev.l2l.tasks.nn;

import java.util.SplittableRandom;

/**
 * The minibatch stream of one optimizee instance: the images of step t are drawn uniformly with
 * replacement from a generator seeded by (instance seed, t), so the same step always sees the same
 * minibatch and no state is carried from step to step.
 */
public final class Minibatches {

    private final long streamSeed;
    private final int datasetSize;
    private final int batchSize;

    /**
     * @param instanceSeed the instance's seed (the stream is split off it, apart from its initial weights)
     * @param datasetSize number of images to draw from
     * @param batchSize images per minibatch
     */
    public Minibatches(long instanceSeed, int datasetSize, int batchSize) {
        if (datasetSize < 1 || batchSize < 1) {
            throw new IllegalArgumentException("dataset and batch sizes must be positive: " + datasetSize + ", " + batchSize);
        }
        this.streamSeed = new SplittableRandom(instanceSeed).split().nextLong();
        this.datasetSize = datasetSize;
        this.batchSize = batchSize;
    }

    /** Images per minibatch. */
    public int batchSize() {
        return batchSize;
    }

    /** The image indices of step {@code step}'s minibatch. */
    public int[] rows(long step) {
        SplittableRandom random = new SplittableRandom(streamSeed ^ (step * 0x9E3779B97F4A7C15L));
        int[] rows = new int[batchSize];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = random.nextInt(datasetSize);
        }
        return rows;
    }
}
