/**
 * Coordinatewise recurrent optimizers written once: a new one supplies a
 * {@link dev.l2l.core.rnn.RecurrentCell}; {@link dev.l2l.core.rnn.CoordinatewiseRnnOptimizer} adds
 * preprocessing, layers, the output head, state carried across truncations and BPTT.
 */
package dev.l2l.core.rnn;
