/**
 * Meta-training by truncated BPTT: {@link dev.l2l.core.train.MetaTrainer} over meta-batches of stacked
 * instances, {@link dev.l2l.core.train.MetaGradient} for one meta-batch (first- or second-order), and
 * the disjoint seed ranges of {@link dev.l2l.core.train.Seeds}.
 */
package dev.l2l.core.train;
