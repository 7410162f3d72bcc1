/**
 * Evaluation against hand-designed baselines: loss curves on held-out instances, learning rates tuned
 * on a grid over separate tuning instances, and their statistics.
 */
package dev.l2l.core.eval;
