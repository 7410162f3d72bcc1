/** Gradient preprocessings, each a parameterless {@link dev.l2l.core.rnn.RecurrentCell}. */
package dev.l2l.optimizers.preprocessing;
