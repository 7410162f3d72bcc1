/** Hand-designed baselines on ND4J update rules, with their usual defaults. */
package dev.l2l.optimizers.baselines;
