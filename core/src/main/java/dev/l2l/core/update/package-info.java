/** ND4J update rules with their state, for the baselines and for Adam on φ. */
package dev.l2l.core.update;
