/** The built-in learned optimizers, preprocessings and baselines, registered by {@link dev.l2l.optimizers.OptimizersPlugin}. */
package dev.l2l.optimizers;
