package dev.l2l.runner.results;

import java.util.List;

/**
 * The content of {@code results.json}: deterministic for a given config and seed (timings go to
 * {@code timing.json}).
 *
 * @param metaLosses the meta-loss of every meta-batch, in order ({@code null} for an evaluation of a saved optimizer)
 * @param skippedMetaUpdates meta-updates skipped because their meta-gradient was not finite
 * @param resetInstances meta-training instances replaced because their loss or gradient diverged
 */
public record ExperimentResults(String name, String task, String optimizer, long seed, int evaluationInstances,
                                int horizon, List<ContenderResult> optimizers, List<Double> metaLosses,
                                int skippedMetaUpdates, int resetInstances) {
}
