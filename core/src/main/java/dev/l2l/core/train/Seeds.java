package dev.l2l.core.train;

/**
 * Seeds of task instances, from disjoint ranges by purpose, so that no instance used for
 * meta-training or learning-rate tuning is ever evaluated on.
 *
 * <ul>
 *   <li>meta-training: [0, 2⁴⁰), offset by the experiment seed;</li>
 *   <li>tuning of the baselines' learning rates: [2⁴⁰, 2·2⁴⁰);</li>
 *   <li>evaluation: [2·2⁴⁰, 3·2⁴⁰).</li>
 * </ul>
 * Tuning and evaluation instances do not depend on the experiment seed: every experiment on a task
 * is evaluated on the same held-out instances.
 */
public final class Seeds {

    /** Width of each range. */
    public static final long RANGE = 1L << 40;

    private Seeds() {
    }

    /** Seed of the {@code index}-th meta-training instance of an experiment with seed {@code experimentSeed}. */
    public static long training(long experimentSeed, long index) {
        return Math.floorMod(experimentSeed * 1_000_003L + index, RANGE);
    }

    /** Seed of the {@code index}-th tuning instance. */
    public static long tuning(long index) {
        return RANGE + Math.floorMod(index, RANGE);
    }

    /** Seed of the {@code index}-th evaluation instance. */
    public static long evaluation(long index) {
        return 2 * RANGE + Math.floorMod(index, RANGE);
    }
}
