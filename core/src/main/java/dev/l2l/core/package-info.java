/**
 * The SPI of l2l: {@link dev.l2l.core.Optimizee} (a problem instance), {@link dev.l2l.core.Task} (a
 * family of them), {@link dev.l2l.core.LearnedOptimizer} and its per-problem {@link dev.l2l.core.Rollout}.
 * This module knows no implementation, no YAML and no dependency-injection framework.
 */
package dev.l2l.core;
